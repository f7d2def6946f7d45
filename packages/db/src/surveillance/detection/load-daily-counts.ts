/**
 * Daily counts for a detection run, aggregated in SQL in one query: report cards by disease and onset date
 * (deleted cards and cards marked as duplicates of another excluded) and signal counts by signal and site kind,
 * per township, into one typed array per series; the county series is the sum of its townships.
 */
import { addDays } from '@chp/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { queryRows } from '../../connection.js';

/** One series: `source` is 'case' or the site kind; `area` a township code or the county code. */
export interface DailySeries {
  readonly subject: string;
  readonly source: string;
  readonly area: string;
  readonly counts: Int32Array;
}

export interface DailyCounts {
  /** The days from `from` to the assessed date, oldest first. */
  readonly dates: readonly string[];
  readonly series: readonly DailySeries[];
}

interface SeriesRow extends Record<string, unknown> {
  subject: string;
  source: string;
  area: string;
  days: number[];
  ns: number[];
}

export async function loadDailyCounts(
  db: Db,
  countyCode: string,
  assessedDate: string,
  historyDays: number
): Promise<DailyCounts> {
  const from = addDays(assessedDate, 1 - historyDays);
  const dates = Array.from({ length: historyDays }, (_, index) => addDays(from, index));
  // One row per series with its days and counts as arrays: a few thousand rows instead of one per day.
  const rows = await queryRows<SeriesRow>(
    db,
    sql`with daily as (
          select 'case' as source, disease_code as subject, township_code as area,
            (onset_date - ${from}::date) as day, count(*)::int as n
          from case_report
          where county_code = ${countyCode} and status <> 'deleted' and duplicate_of_id is null
            and onset_date between ${from}::date and ${assessedDate}::date
          group by disease_code, township_code, onset_date
          union all
          select s.kind, c.signal, c.township_code, (c.signal_date - ${from}::date), sum(c.count)::int
          from signal_count c join surveillance_site s on s.id = c.site_id
          where c.county_code = ${countyCode} and c.signal_date between ${from}::date and ${assessedDate}::date
          group by s.kind, c.signal, c.township_code, c.signal_date
        )
        select source, subject, area, array_agg(day) as days, array_agg(n) as ns
        from daily group by source, subject, area`
  );
  const byKey = new Map<string, DailySeries>();
  const seriesOf = (subject: string, source: string, area: string): DailySeries => {
    const key = `${subject}\u0000${source}\u0000${area}`;
    let series = byKey.get(key);
    if (series === undefined) {
      series = { subject, source, area, counts: new Int32Array(historyDays) };
      byKey.set(key, series);
    }
    return series;
  };
  for (const row of rows) {
    const township = seriesOf(row.subject, row.source, row.area).counts;
    const county = seriesOf(row.subject, row.source, countyCode).counts;
    row.days.forEach((day, index) => {
      const n = row.ns[index] ?? 0;
      township[day] = (township[day] ?? 0) + n;
      county[day] = (county[day] ?? 0) + n;
    });
  }
  return { dates, series: [...byKey.values()] };
}
