/** Helpers for idempotent bulk inserts (INSERT … ON CONFLICT DO UPDATE) shared by the loaders. */
import { getTableColumns, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** `SET column = excluded.column` for the given columns: on conflict, take the newly inserted values. */
export function takeExcluded<T extends PgTable, K extends keyof T['$inferInsert'] & string>(
  table: T,
  keys: readonly K[]
): Record<K, SQL> {
  const columns = getTableColumns(table);
  const set = {} as Record<K, SQL>;
  for (const key of keys) {
    const column = columns[key];
    if (column === undefined) {
      throw new Error(`unknown column ${key}`);
    }
    set[key] = sql.raw(`excluded."${column.name}"`);
  }
  return set;
}

/** Splits rows into batches small enough for PostgreSQL's 65 535 bind parameters. */
export function batches<T>(rows: readonly T[], size = 1000): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += size) {
    result.push(rows.slice(start, start + size));
  }
  return result;
}
