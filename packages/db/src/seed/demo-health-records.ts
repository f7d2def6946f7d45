/**
 * The individual residents of the default demo: only 平罗县, the smallest of the shipped counties, and only
 * for the plans' monitoring years, so the prebuilt first-start database stays small (docs/PERFORMANCE.md).
 * They are the people of its demo population register in the last year, at the register demo's scale
 * (5 % of the census, about 13,500 living residents). `chp demo --county <code>` makes other counties.
 */
import type { Db } from '../connection.js';
import type { IdCipher } from '../health/id-cipher.js';
import { cellTotal, generateHealthRecordsDemo, readResidentCells } from './health/index.js';
import type { HealthRecordCounts } from './health/index.js';

export const DEMO_HEALTH_COUNTY = '640221';
/** The 十四五 monitoring years: five years of programme records. */
export const DEMO_HEALTH_YEARS = { from: 2021, to: 2025 } as const;

/** Generates the demo residents; null when the county has no demo population register for the last year. */
export async function seedDemoHealthRecords(
  db: Db,
  idCipher: IdCipher,
  seed: number
): Promise<HealthRecordCounts | null> {
  const residents = cellTotal(await readResidentCells(db, DEMO_HEALTH_COUNTY, DEMO_HEALTH_YEARS.to));
  if (residents === 0) return null;
  return generateHealthRecordsDemo(db, {
    countyCode: DEMO_HEALTH_COUNTY,
    residents,
    seed,
    years: { ...DEMO_HEALTH_YEARS },
    idCipher,
  });
}
