/**
 * The school cluster rule (学校聚集性疫情): `cases` or more absences for one cause at one school within `days`
 * days ending on the assessed date (core fixed-threshold.ts). The result is per township and cause, with the
 * largest school count as observed; only alarming clusters are recorded.
 */
import { addDays, clusterAlarms, parseClusterParams } from '@chp/core';
import type { RawParams, SiteCounts } from '@chp/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { queryRows } from '../../connection.js';

export interface ClusterResult {
  readonly subject: string;
  readonly area: string;
  readonly observed: number;
  readonly upperbound: number;
}

interface SiteRow extends Record<string, unknown> {
  site: number;
  signal: string;
  area: string;
  day: number;
  n: number;
}

export async function schoolClusters(
  db: Db,
  countyCode: string,
  assessedDate: string,
  rawParams: RawParams
): Promise<ClusterResult[]> {
  const params = parseClusterParams(rawParams);
  const from = addDays(assessedDate, 1 - params.days);
  const dates = Array.from({ length: params.days }, (_, index) => addDays(from, index));
  const rows = await queryRows<SiteRow>(
    db,
    sql`select c.site_id as site, c.signal, s.township_code as area, (c.signal_date - ${from}::date) as day,
          sum(c.count)::int as n
        from signal_count c join surveillance_site s on s.id = c.site_id
        where c.county_code = ${countyCode} and s.kind = 'school' and c.signal like 'absence\\_%'
          and c.signal_date between ${from}::date and ${assessedDate}::date
        group by c.site_id, c.signal, s.township_code, c.signal_date`
  );
  const sites = new Map<string, { signal: string; area: string; counts: number[] }>();
  for (const row of rows) {
    const key = `${String(row.site)}\u0000${row.signal}`;
    const site = sites.get(key) ?? {
      signal: row.signal,
      area: row.area,
      counts: new Array<number>(params.days).fill(0),
    };
    site.counts[row.day] = row.n;
    sites.set(key, site);
  }
  const series: SiteCounts[] = [...sites].map(([siteId, site]) => ({
    siteId,
    series: { dates, counts: site.counts, frequency: 365 },
  }));
  const results = new Map<string, ClusterResult>();
  for (const alarm of clusterAlarms(series, params)) {
    if (alarm.date !== assessedDate) continue;
    const site = sites.get(alarm.siteId);
    if (site === undefined) continue;
    const key = `${site.signal}\u0000${site.area}`;
    const previous = results.get(key);
    if (previous === undefined || previous.observed < alarm.observed) {
      results.set(key, {
        subject: site.signal,
        area: site.area,
        observed: alarm.observed,
        upperbound: alarm.upperbound,
      });
    }
  }
  return [...results.values()];
}
