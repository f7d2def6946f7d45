import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { batches } from '../org-units/upsert.js';
import type { death, facility, liveBirth } from '../schema.js';
import { insertRows } from './bulk-insert.js';
import type { RegisterSpec } from './import-run.js';

type SourceRefTable = typeof liveBirth | typeof death | typeof facility;

/**
 * Source ids looked up per statement, as one array parameter. Each statement costs far more than its size
 * suggests (100,000 ids: 0.4 s on PostgreSQL and 0.9 s on PGlite in one statement, 0.7 s and 1.1 s in four,
 * 1.5 s and 5 s in ten), while a larger one makes PGlite's memory grow for good.
 */
const LOOKUP_CHUNK = 25_000;

/**
 * What the registers keyed by a source-system number share (births, deaths, facilities): one row per number,
 * looked up against the county's existing rows and inserted in bulk. `label` names the number in messages.
 * A row is the table's insert shape without the county.
 */
export function sourceRefRegister<
  T extends SourceRefTable,
  Row extends { sourceRef: string } & Omit<T['$inferInsert'], 'countyCode'>,
>(table: T, label = '来源编号'): Pick<RegisterSpec<'sourceRef', Row>, 'key' | 'existingKeys' | 'insert'> {
  return {
    key: { columns: ['sourceRef'], of: (row) => row.sourceRef, describe: (row) => `${label}“${row.sourceRef}”` },
    existingKeys: (db, countyCode, rows) =>
      existingSourceRefs(
        db,
        table,
        countyCode,
        rows.map((row) => row.sourceRef)
      ),
    insert: (db, countyCode, rows) =>
      insertRows(
        db,
        table,
        // Row is the insert shape without countyCode (its constraint), which TypeScript cannot add up itself.
        rows.map((row) => ({ ...row, countyCode }) as unknown as T['$inferInsert'])
      ),
  };
}

/** Which of these source ids the county's register already holds. */
async function existingSourceRefs(
  db: Db,
  table: SourceRefTable,
  countyCode: string,
  refs: string[]
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of batches(refs, LOOKUP_CHUNK)) {
    const rows = await db
      .select({ ref: table.sourceRef })
      .from(table)
      .where(and(eq(table.countyCode, countyCode), sql`${table.sourceRef} = any(${sql.param(chunk)}::text[])`));
    for (const row of rows) found.add(row.ref);
  }
  return found;
}
