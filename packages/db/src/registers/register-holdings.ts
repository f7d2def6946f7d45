/** What a county's register holds: how many records, and for which years where records have one. */
import { eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../connection.js';

export interface RegisterHoldings {
  records: number;
  /** The years the records cover, ascending; null for a register whose records have no year. */
  years: number[] | null;
}

/**
 * Reads the holdings of a register table by its county column; `year` is the column or expression
 * that gives a record's year (e.g. the year of the birth date), omitted when records have none.
 */
export function registerHoldings(
  table: PgTable,
  countyCode: PgColumn,
  year?: PgColumn | SQL
): (db: Db, county: string) => Promise<RegisterHoldings> {
  return async (db, county) => {
    if (year === undefined) {
      const [row] = await db
        .select({ records: sql<number>`count(*)`.mapWith(Number) })
        .from(table)
        .where(eq(countyCode, county));
      return { records: row?.records ?? 0, years: null };
    }
    const yearOf = sql<number>`${year}`.mapWith(Number);
    const rows = await db
      .select({ year: yearOf, records: sql<number>`count(*)`.mapWith(Number) })
      .from(table)
      .where(eq(countyCode, county))
      .groupBy(yearOf)
      .orderBy(yearOf);
    return { records: rows.reduce((sum, row) => sum + row.records, 0), years: rows.map((row) => row.year) };
  };
}

/** The calendar year of a date column, for registers of dated events. */
export function yearOfDate(column: PgColumn): SQL {
  return sql`cast(extract(year from ${column}) as integer)`;
}
