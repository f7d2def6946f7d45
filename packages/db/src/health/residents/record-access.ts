/**
 * Who read or changed a resident's record: every read of a record writes an audit row (record.read, or
 * record.identify when the full ID number was shown), listable per resident with the changes.
 */
import type { ResidentAccessEntry } from '@chp/core';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { writeAudit } from '../../access/audit.js';
import type { Actor } from '../../access/audit.js';
import { auditLog } from '../../schema.js';

export type RecordAccessAction = 'record.read' | 'record.identify';

/** The audit entity of resident records. */
export const RESIDENT_ENTITY = 'resident';

export async function writeRecordAccess(
  db: Db,
  actor: Actor,
  countyCode: string,
  residentId: number,
  action: RecordAccessAction
): Promise<void> {
  await writeAudit(db, actor, { action, entity: RESIDENT_ENTITY, entityId: residentId, countyCode });
}

/** The resident's audit rows (reads, identifications, changes, merges), newest first. */
export async function listRecordAccess(
  db: Db,
  countyCode: string,
  residentId: number,
  page: { limit: number; offset: number }
): Promise<ResidentAccessEntry[]> {
  const rows = await db
    .select({ id: auditLog.id, at: auditLog.at, username: auditLog.username, action: auditLog.action, ip: auditLog.ip })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, RESIDENT_ENTITY),
        eq(auditLog.entityId, String(residentId)),
        eq(auditLog.countyCode, countyCode)
      )
    )
    .orderBy(desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}
