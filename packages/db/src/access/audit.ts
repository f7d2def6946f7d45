/** The audit trail: one row per write, written by the caller inside the transaction of the change. */
import type { AuditEntry } from '@chp/core';
import { and, desc, eq, like, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { auditLog } from '../schema.js';

/** Who performs a change, and from where. */
export interface Actor {
  userId: number | null;
  username: string | null;
  ip: string | null;
}

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string | number | null;
  countyCode: string | null;
  before?: unknown;
  after?: unknown;
}

export async function writeAudit(db: Db, actor: Actor, record: AuditRecord): Promise<void> {
  await db.insert(auditLog).values({
    userId: actor.userId,
    username: actor.username,
    action: record.action,
    entity: record.entity,
    entityId: record.entityId === null ? null : String(record.entityId),
    countyCode: record.countyCode,
    before: toJson(record.before),
    after: toJson(record.after),
    ip: actor.ip,
  });
}

export interface AuditQuery {
  entity?: string | undefined;
  limit: number;
  offset: number;
  /** Org-unit scopes whose counties' rows may be read; null reads everything. */
  scopes: string[] | null;
}

export async function listAudit(db: Db, query: AuditQuery): Promise<AuditEntry[]> {
  if (query.scopes?.length === 0) {
    return [];
  }
  const conditions: SQL[] = [];
  if (query.entity) {
    conditions.push(eq(auditLog.entity, query.entity));
  }
  if (query.scopes) {
    const scoped = or(...query.scopes.map((scope) => like(auditLog.countyCode, `${scope.slice(0, 6)}%`)));
    if (scoped) {
      conditions.push(scoped);
    }
  }
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit)
    .offset(query.offset);
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    username: row.username,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    countyCode: row.countyCode,
    before: row.before,
    after: row.after,
  }));
}

/** Dates and other non-JSON values become their JSON form so jsonb stores what the API shows. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}
