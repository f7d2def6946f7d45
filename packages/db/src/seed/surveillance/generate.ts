/**
 * Demo data for infectious-disease surveillance (issue 5): signal sites with daily counts, case report cards
 * and the detection runs of the last days, so the early-warning pages open with series, results and alerts.
 * Drawn from the county's demo residents, so it runs after the health-records seed; same seed, same data.
 */
import { and, asc, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { alert, facility, resident } from '../../schema.js';
import { addDays } from '@chp/core';
import { runDetection } from '../../surveillance/detection/run-detection.js';
import { deriveSeed, mulberry32 } from '../random.js';
import { insertDemoCases } from './cases.js';
import { CASE_OUTBREAK } from './outbreaks.js';
import { insertDemoSignals } from './signals.js';
import { demoSites, insertDemoSites } from './sites.js';

/** Three years and 60 days of data ending on the end date. */
export const SURVEILLANCE_DEMO_DAYS = 3 * 365 + 60;
/** The last days detection runs for, as the daily scheduler would have. */
export const SURVEILLANCE_DEMO_DETECTION_DAYS = 30;

export interface SurveillanceDemoCounts {
  readonly sites: number;
  readonly signalCounts: number;
  readonly cases: number;
  readonly alerts: number;
}

export async function generateSurveillanceDemo(
  db: Db,
  options: { countyCode: string; seed: number; endDate: string }
): Promise<SurveillanceDemoCounts> {
  const { countyCode, endDate } = options;
  const random = mulberry32(deriveSeed(options.seed, `surveillance-${countyCode}`));
  const period = { from: addDays(endDate, 1 - SURVEILLANCE_DEMO_DAYS), to: endDate };
  // The most populous township first: the county seat, where the hospitals and most sites are.
  const townshipRows = await db
    .select({ code: resident.townshipCode, n: count() })
    .from(resident)
    .where(eq(resident.countyCode, countyCode))
    .groupBy(resident.townshipCode)
    .orderBy(desc(count()), asc(resident.townshipCode));
  const townships = townshipRows.map((row) => row.code);
  if (townships.length === 0) return { sites: 0, signalCounts: 0, cases: 0, alerts: 0 };
  const facilityIds = (
    await db
      .select({ id: facility.id })
      .from(facility)
      .where(eq(facility.countyCode, countyCode))
      .orderBy(asc(facility.id))
      .limit(12)
  ).map((row) => row.id);
  const patients = await db
    .select({
      id: resident.id,
      name: resident.name,
      sex: resident.sex,
      birthDate: resident.birthDate,
      townshipCode: resident.townshipCode,
      villageCode: resident.villageCode,
      idType: resident.idType,
      idNumberCipher: resident.idNumberCipher,
      idNumberHash: resident.idNumberHash,
      idNumberMasked: resident.idNumberMasked,
      phone: resident.phone,
    })
    .from(resident)
    .where(and(eq(resident.countyCode, countyCode), isNull(resident.deathDate)))
    .orderBy(asc(resident.id));

  const sites = demoSites(countyCode);
  const siteIds = await insertDemoSites(db, countyCode, sites, townships, facilityIds);
  const signalCounts = await insertDemoSignals(db, countyCode, sites, siteIds, townships, period, random);
  const outbreakTownship = townships[CASE_OUTBREAK.township % townships.length] ?? countyCode;
  const cases = await insertDemoCases(db, countyCode, period, patients, facilityIds, outbreakTownship, random);
  for (let back = SURVEILLANCE_DEMO_DETECTION_DAYS - 1; back >= 0; back -= 1) {
    await runDetection(db, countyCode, addDays(endDate, -back), 'daily', null);
  }
  const [alerts] = await db.select({ n: count() }).from(alert).where(eq(alert.countyCode, countyCode));
  return { sites: sites.length, signalCounts, cases, alerts: alerts?.n ?? 0 };
}
