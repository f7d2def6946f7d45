/** One resident of a county by id, when the scope covers them. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { resident } from '../../schema.js';
import { residentInScope } from '../resident-scope.js';
import type { ResidentScope } from '../resident-scope.js';

export type ResidentRow = typeof resident.$inferSelect;

/** The resident, or null when there is none with this id in the county or the scope does not cover them. */
export async function findScopedResident(
  db: Db,
  scope: ResidentScope,
  countyCode: string,
  residentId: number
): Promise<ResidentRow | null> {
  const [row] = await db
    .select()
    .from(resident)
    .where(and(eq(resident.id, residentId), eq(resident.countyCode, countyCode), residentInScope(scope)));
  return row ?? null;
}

/**
 * Locks the residents' rows for the transaction (in id order, so two writers of the same pair cannot wait
 * on each other): changes of one record run one after the other, each seeing what the other wrote.
 */
export async function lockResidentRows(tx: Db, residentIds: readonly number[]): Promise<void> {
  await tx
    .select({ id: resident.id })
    .from(resident)
    .where(inArray(resident.id, [...residentIds]))
    .orderBy(asc(resident.id))
    .for('update');
}

/** Locks one resident's row for the transaction and returns what writes check before changing the record. */
export async function lockResidentRow(
  tx: Db,
  residentId: number
): Promise<Pick<ResidentRow, 'recordStatus' | 'mergedIntoId'> | undefined> {
  const [row] = await tx
    .select({ recordStatus: resident.recordStatus, mergedIntoId: resident.mergedIntoId })
    .from(resident)
    .where(eq(resident.id, residentId))
    .for('update');
  return row;
}
