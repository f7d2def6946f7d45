/** Reading detection runs, results and the epidemic curve (cases by onset) for the API. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { queryRows } from '../../connection.js';
import { detectionResult, detectionRun } from '../../schema.js';
import { addDays } from '@chp/core';

export type DetectionRunRow = typeof detectionRun.$inferSelect;
export type DetectionResultRow = typeof detectionResult.$inferSelect;

/** The county's latest runs, newest first. */
export async function listDetectionRuns(db: Db, countyCode: string, limit: number): Promise<DetectionRunRow[]> {
  return db
    .select()
    .from(detectionRun)
    .where(eq(detectionRun.countyCode, countyCode))
    .orderBy(desc(detectionRun.startedAt), desc(detectionRun.id))
    .limit(limit);
}

/** Whether a run for the date has finished (the scheduler's catch-up check). */
export async function hasFinishedRun(db: Db, countyCode: string, assessedDate: string): Promise<boolean> {
  const rows = await db
    .select({ id: detectionRun.id })
    .from(detectionRun)
    .where(
      and(
        eq(detectionRun.countyCode, countyCode),
        eq(detectionRun.assessedDate, assessedDate),
        sql`${detectionRun.finishedAt} is not null`
      )
    )
    .limit(1);
  return rows.length > 0;
}

/** The date's results; `townships` limits them to those areas (a township user), `alarm` to alarms or not. */
export async function listDetectionResults(
  db: Db,
  countyCode: string,
  filter: { date: string; alarm?: boolean | undefined; townships?: readonly string[] | undefined }
): Promise<DetectionResultRow[]> {
  const conditions = [eq(detectionResult.countyCode, countyCode), eq(detectionResult.assessedDate, filter.date)];
  if (filter.alarm !== undefined) conditions.push(eq(detectionResult.alarm, filter.alarm));
  if (filter.townships !== undefined) conditions.push(inArray(detectionResult.areaCode, [...filter.townships]));
  return db
    .select()
    .from(detectionResult)
    .where(and(...conditions))
    .orderBy(detectionResult.subject, detectionResult.source, detectionResult.areaCode, detectionResult.method);
}

export interface EpicurveFilter {
  readonly disease?: string | undefined;
  readonly townships?: readonly string[] | undefined;
  readonly from: string;
  readonly to: string;
  readonly by: 'day' | 'week';
}

export interface EpicurvePoint {
  /** The day, or the Monday starting the week. */
  readonly period: string;
  readonly cases: number;
}

function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** Cases by onset (deleted and duplicate cards excluded), every period from `from` to `to` present. */
export async function epicurve(db: Db, countyCode: string, filter: EpicurveFilter): Promise<EpicurvePoint[]> {
  const disease = filter.disease === undefined ? sql`` : sql` and disease_code = ${filter.disease}`;
  const townships =
    filter.townships === undefined
      ? sql``
      : filter.townships.length === 0
        ? sql` and false`
        : sql` and township_code in (${sql.join(
            filter.townships.map((code) => sql`${code}`),
            sql`, `
          )})`;
  const rows = await queryRows<{ day: string; n: number }>(
    db,
    sql`select onset_date::text as day, count(*)::int as n from case_report
        where county_code = ${countyCode} and status <> 'deleted' and duplicate_of_id is null
          and onset_date between ${filter.from}::date and ${filter.to}::date${disease}${townships}
        group by onset_date`
  );
  const step = filter.by === 'day' ? 1 : 7;
  const periodOf = filter.by === 'day' ? (day: string): string => day : mondayOf;
  const counts = new Map<string, number>();
  for (let period = periodOf(filter.from); period <= filter.to; period = addDays(period, step)) counts.set(period, 0);
  for (const row of rows) {
    const period = periodOf(row.day);
    counts.set(period, (counts.get(period) ?? 0) + row.n);
  }
  return [...counts].map(([period, cases]) => ({ period, cases }));
}
