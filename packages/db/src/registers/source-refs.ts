import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { batches } from '../org-units/upsert.js';
import type { death, liveBirth } from '../schema.js';
import type { RegisterSpec } from './import-run.js';

type EventTable = typeof liveBirth | typeof death;

/**
 * What the event registers (births, deaths) share: one row per source-system number, looked up against the
 * county's existing rows and inserted in batches.
 */
export function sourceRefRegister<Row extends { sourceRef: string }>(
  table: EventTable,
  insertBatch: (db: Db, rows: (Row & { countyCode: string })[]) => Promise<unknown>
): Pick<RegisterSpec<'sourceRef', Row>, 'key' | 'existingKeys' | 'insert'> {
  return {
    key: { columns: ['sourceRef'], of: (row) => row.sourceRef, describe: (row) => `来源编号“${row.sourceRef}”` },
    existingKeys: (db, countyCode, rows) =>
      existingSourceRefs(
        db,
        table,
        countyCode,
        rows.map((row) => row.sourceRef)
      ),
    insert: async (db, countyCode, rows) => {
      for (const batch of batches(rows)) {
        await insertBatch(
          db,
          batch.map((row) => ({ ...row, countyCode }))
        );
      }
    },
  };
}

/** Which of these source ids the county's register already holds (looked up in chunks of bind parameters). */
async function existingSourceRefs(
  db: Db,
  table: typeof liveBirth | typeof death,
  countyCode: string,
  refs: string[]
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of batches(refs, 5000)) {
    const rows = await db
      .select({ ref: table.sourceRef })
      .from(table)
      .where(and(eq(table.countyCode, countyCode), inArray(table.sourceRef, chunk)));
    for (const row of rows) found.add(row.ref);
  }
  return found;
}
