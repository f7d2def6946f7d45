import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { batches } from '../org-units/upsert.js';
import type { death, liveBirth } from '../schema.js';

/** Which of these source ids the county's register already holds (looked up in chunks of bind parameters). */
export async function existingSourceRefs(
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
