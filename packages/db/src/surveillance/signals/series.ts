/** Daily counts of one signal for a township or the whole county, every day of the range (zeros filled). */
import type { SignalCountPage, SignalSeries } from '@chp/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { queryRows } from '../../connection.js';

export interface SeriesQuery {
  signal: string;
  /** A township code, or the county code for the county. */
  area: string;
  from: string;
  to: string;
}

export async function signalSeries(db: Db, countyCode: string, query: SeriesQuery): Promise<SignalSeries> {
  const township = query.area === countyCode ? null : query.area;
  const rows = await queryRows<{ date: string; count: number | string }>(
    db,
    sql`select to_char(d, 'YYYY-MM-DD') as date, coalesce(sum(c.count), 0) as count
      from generate_series(${query.from}::date, ${query.to}::date, interval '1 day') as d
      left join signal_count c
        on c.county_code = ${countyCode} and c.signal = ${query.signal} and c.signal_date = d::date
        and (${township}::text is null or c.township_code = ${township})
      group by d order by d`
  );
  return {
    signal: query.signal,
    area: query.area,
    from: query.from,
    to: query.to,
    points: rows.map((row) => ({ date: row.date, count: Number(row.count) })),
  };
}

export interface CountListQuery {
  townships?: string[] | undefined;
  signal?: string | undefined;
  site?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** Recent counts, newest day first, with paging. */
export async function listSignalCounts(db: Db, countyCode: string, query: CountListQuery): Promise<SignalCountPage> {
  const conditions = [sql`c.county_code = ${countyCode}`];
  if (query.townships !== undefined) {
    conditions.push(
      sql`c.township_code in (${sql.join(
        query.townships.map((t) => sql`${t}`),
        sql`, `
      )})`
    );
  }
  if (query.signal !== undefined) conditions.push(sql`c.signal = ${query.signal}`);
  if (query.site !== undefined) conditions.push(sql`s.code = ${query.site}`);
  if (query.from !== undefined) conditions.push(sql`c.signal_date >= ${query.from}`);
  if (query.to !== undefined) conditions.push(sql`c.signal_date <= ${query.to}`);
  const where = sql.join(conditions, sql` and `);
  const rows = await queryRows<{
    id: number | string;
    site_code: string;
    site_name: string;
    township_code: string;
    date: string;
    signal: string;
    count: number;
    batch_id: string;
    updated_at: Date | string;
    total: number | string;
  }>(
    db,
    sql`select c.id, s.code as site_code, s.name as site_name, c.township_code,
        to_char(c.signal_date, 'YYYY-MM-DD') as date, c.signal, c.count, b.batch_id, c.updated_at,
        count(*) over () as total
      from signal_count c
      join surveillance_site s on s.id = c.site_id
      join signal_batch b on b.id = c.batch_id
      where ${where}
      order by c.signal_date desc, s.code, c.signal
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    page: query.page,
    pageSize: query.pageSize,
    rows: rows.map((row) => ({
      id: Number(row.id),
      siteCode: row.site_code,
      siteName: row.site_name,
      townshipCode: row.township_code,
      date: row.date,
      signal: row.signal,
      count: row.count,
      batchId: row.batch_id,
      updatedAt: new Date(row.updated_at).toISOString(),
    })),
  };
}
