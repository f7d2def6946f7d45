/**
 * 报告及时率 and 完整率 of the non-deleted cards diagnosed in a period (Beijing dates, inclusive), by facility
 * and by township: timeliness = cards reported within the disease's deadline from diagnosis / cards;
 * completeness = cards with ID number, phone, village and onset date / cards.
 */
import { isCardComplete, isReportedInTime, shareOf } from '@chp/core';
import type { CaseTimelinessReport, CaseTimelinessRow } from '@chp/core';
import { and, eq, gte, lt, ne } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { caseReport, facility, orgUnit } from '../../schema.js';
import type { CaseTownships } from './create-case.js';
import { inTownships } from './case-views.js';
import { diseaseLookup } from './disease-catalogue.js';

interface Tally {
  cards: number;
  inTime: number;
  complete: number;
}

function row(key: string, name: string, tally: Tally): CaseTimelinessRow {
  return {
    key,
    name,
    ...tally,
    timeliness: shareOf(tally.inTime, tally.cards),
    completeness: shareOf(tally.complete, tally.cards),
  };
}

/** The instant a Beijing date starts. */
function beijingStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

export async function caseTimeliness(
  db: Db,
  countyCode: string,
  townships: CaseTownships,
  from: string,
  to: string
): Promise<CaseTimelinessReport> {
  const rows = await db
    .select({
      card: caseReport,
      facilityName: facility.name,
      townshipName: orgUnit.name,
    })
    .from(caseReport)
    .leftJoin(facility, eq(facility.id, caseReport.facilityId))
    .leftJoin(orgUnit, eq(orgUnit.code, caseReport.townshipCode))
    .where(
      and(
        eq(caseReport.countyCode, countyCode),
        inTownships(townships),
        ne(caseReport.status, 'deleted'),
        gte(caseReport.diagnosedAt, beijingStart(from)),
        lt(caseReport.diagnosedAt, beijingStart(nextDay(to)))
      )
    );
  const diseaseOf = await diseaseLookup(db, countyCode);
  const total: Tally = { cards: 0, inTime: 0, complete: 0 };
  const byFacility = new Map<string, { name: string; tally: Tally }>();
  const byTownship = new Map<string, { name: string; tally: Tally }>();
  for (const { card, facilityName, townshipName } of rows) {
    const inTime = isReportedInTime(
      diseaseOf(card.diseaseCode) ?? { deadlineHours: 24 },
      card.diagnosedAt,
      card.reportedAt
    );
    const complete = isCardComplete(card);
    const groups = [
      total,
      groupOf(byFacility, String(card.facilityId), facilityName ?? String(card.facilityId)),
      groupOf(byTownship, card.townshipCode, townshipName ?? card.townshipCode),
    ];
    for (const tally of groups) {
      tally.cards += 1;
      tally.inTime += inTime ? 1 : 0;
      tally.complete += complete ? 1 : 0;
    }
  }
  const [county] = await db.select({ name: orgUnit.name }).from(orgUnit).where(eq(orgUnit.code, countyCode));
  const listed = (groups: Map<string, { name: string; tally: Tally }>): CaseTimelinessRow[] =>
    [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, group]) => row(key, group.name, group.tally));
  return {
    from,
    to,
    total: row(countyCode, county?.name ?? countyCode, total),
    byFacility: listed(byFacility),
    byTownship: listed(byTownship),
  };
}

function groupOf(groups: Map<string, { name: string; tally: Tally }>, key: string, name: string): Tally {
  const existing = groups.get(key);
  if (existing !== undefined) return existing.tally;
  const tally: Tally = { cards: 0, inTime: 0, complete: 0 };
  groups.set(key, { name, tally });
  return tally;
}
