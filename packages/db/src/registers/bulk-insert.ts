/**
 * Inserts many rows with one JSON parameter per batch, expanded by jsonb_to_recordset: the database parses
 * one value per statement instead of one bind parameter per cell, on PGlite and PostgreSQL alike. Drizzle's
 * per-parameter work made up most of the time of register imports and of generating demo registers
 * (docs/PERFORMANCE.md, register import).
 */
import { getTableColumns, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../connection.js';

const BATCH_ROWS = 5000;

/** A serial column's values are plain integers in the record the JSON is expanded into (rows that set ids). */
const SERIAL_TYPES: Readonly<Record<string, string>> = {
  smallserial: 'smallint',
  serial: 'integer',
  bigserial: 'bigint',
};

export async function insertRows<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly T['$inferInsert'][]
): Promise<void> {
  const present = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) present.add(key);
  // Only the properties the rows set, so columns they leave out keep their defaults.
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => present.has(key));
  if (rows.length === 0 || columns.length === 0) return;
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `
  );
  const record = sql.join(
    columns.map(([, column]) => {
      const type = column.getSQLType();
      return sql`${sql.identifier(column.name)} ${sql.raw(SERIAL_TYPES[type] ?? type)}`;
    }),
    sql`, `
  );
  const target = sql.identifier(getTableConfig(table).name);
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS).map((row) => {
      const values = row as Record<string, unknown>;
      return Object.fromEntries(columns.map(([key, column]) => [column.name, values[key] ?? null]));
    });
    await db.execute(
      sql`insert into ${target} (${names}) select ${names} from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(${record})`
    );
  }
}
