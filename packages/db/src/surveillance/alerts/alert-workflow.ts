/**
 * Working an alert (docs/surveillance.md, Alerts): status transitions by core's table with their timestamps,
 * assignment to a user who may manage alerts in the area, notes, and escalation of a confirmed or
 * investigated alert to an emergency event (once). Every change writes an alert_event and an audit row.
 */
import type { AlertStatus, EmergencyEventSummary } from '@chp/core';
import { checkAlertTransition, isWithinScope, roleHasPermission, timestampsSetBy } from '@chp/core';
import type { Role } from '@chp/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { writeAudit } from '../../access/audit.js';
import type { Actor } from '../../access/audit.js';
import { AccessError } from '../../access/errors.js';
import { alert, alertEvent, appUser, emergencyEvent, userRole } from '../../schema.js';
import { alertInScope } from './alert-scope.js';
import type { AlertScope } from './alert-scope.js';

export type AlertRow = typeof alert.$inferSelect;

/** The alert locked for update, or not_found when it is outside the scope. */
async function lockAlert(db: Db, scope: AlertScope, id: number): Promise<AlertRow> {
  const [row] = await db
    .select()
    .from(alert)
    .where(and(eq(alert.id, id), eq(alert.countyCode, scope.countyCode), alertInScope(scope)))
    .for('update');
  if (!row) throw new AccessError('not_found', 'alert_not_found', '预警不存在');
  return row;
}

async function record(
  db: Db,
  actor: Actor,
  before: AlertRow,
  after: AlertRow,
  event: Omit<typeof alertEvent.$inferInsert, 'countyCode' | 'alertId' | 'userId'>
): Promise<void> {
  await db
    .insert(alertEvent)
    .values({ ...event, countyCode: before.countyCode, alertId: before.id, userId: actor.userId });
  await writeAudit(db, actor, {
    action: event.action,
    entity: 'alert',
    entityId: before.id,
    countyCode: before.countyCode,
    before,
    after,
  });
}

export async function transitionAlert(
  db: Db,
  actor: Actor,
  scope: AlertScope,
  id: number,
  to: AlertStatus,
  note: string | null,
  now: Date = new Date()
): Promise<AlertRow> {
  return db.transaction(async (tx) => {
    const before = await lockAlert(tx, scope, id);
    const from = before.status as AlertStatus;
    const check = checkAlertTransition(from, to, note);
    if (!check.ok) {
      throw new AccessError(
        check.reason === 'illegal' ? 'conflict' : 'invalid',
        `alert_${check.reason}`,
        check.message
      );
    }
    const stamps = Object.fromEntries(timestampsSetBy(to).map((field) => [field, now]));
    const [after] = await tx
      .update(alert)
      .set({ status: to, ...stamps })
      .where(eq(alert.id, id))
      .returning();
    if (!after) throw new Error(`alert ${id} vanished`);
    await record(tx, actor, before, after, { action: 'status', fromStatus: from, toStatus: to, note, at: now });
    return after;
  });
}

/** True when the user holds a role with alert.manage whose scope covers the area. */
async function mayManage(db: Db, userId: number, areaCode: string): Promise<boolean> {
  const roles = await db
    .select({ role: userRole.role, orgUnitCode: userRole.orgUnitCode, disabled: appUser.disabled })
    .from(userRole)
    .innerJoin(appUser, eq(appUser.id, userRole.userId))
    .where(eq(userRole.userId, userId));
  return roles.some(
    (r) => !r.disabled && roleHasPermission(r.role as Role, 'alert.manage') && isWithinScope(r.orgUnitCode, areaCode)
  );
}

export async function assignAlert(
  db: Db,
  actor: Actor,
  scope: AlertScope,
  id: number,
  assigneeId: number
): Promise<AlertRow> {
  return db.transaction(async (tx) => {
    const before = await lockAlert(tx, scope, id);
    if (!(await mayManage(tx, assigneeId, before.areaCode))) {
      throw new AccessError('invalid', 'alert_assignee', '被指派人须为有预警处置权限且管辖该地区的用户');
    }
    const [after] = await tx.update(alert).set({ assigneeId }).where(eq(alert.id, id)).returning();
    if (!after) throw new Error(`alert ${id} vanished`);
    await record(tx, actor, before, after, {
      action: 'assign',
      detail: { fromAssigneeId: before.assigneeId, toAssigneeId: assigneeId },
    });
    return after;
  });
}

export async function addAlertNote(db: Db, actor: Actor, scope: AlertScope, id: number, note: string): Promise<void> {
  if (note.trim() === '') throw new AccessError('invalid', 'alert_note_empty', '请填写备注内容');
  await db.transaction(async (tx) => {
    const row = await lockAlert(tx, scope, id);
    await record(tx, actor, row, row, { action: 'note', note });
  });
}

export async function escalateAlert(
  db: Db,
  actor: Actor,
  scope: AlertScope,
  id: number,
  title: string | null
): Promise<EmergencyEventSummary> {
  return db.transaction(async (tx) => {
    const before = await lockAlert(tx, scope, id);
    if (before.emergencyEventId !== null) {
      throw new AccessError('conflict', 'alert_escalated', '该预警已升级为突发公共卫生事件');
    }
    if (before.status !== 'confirmed' && before.status !== 'investigating') {
      throw new AccessError('conflict', 'alert_not_confirmed', '只有已确认或调查处置中的预警可以升级为突发事件');
    }
    const [event] = await tx
      .insert(emergencyEvent)
      .values({
        countyCode: before.countyCode,
        alertId: before.id,
        title: title?.trim() || `${before.subject} 预警升级（${before.areaCode}，${before.firstDate} 起）`,
        subject: before.subject,
        areaCode: before.areaCode,
        createdBy: actor.userId,
      })
      .returning();
    if (!event) throw new Error('emergency event insert returned no row');
    const [after] = await tx.update(alert).set({ emergencyEventId: event.id }).where(eq(alert.id, id)).returning();
    if (!after) throw new Error(`alert ${id} vanished`);
    await record(tx, actor, before, after, { action: 'escalate', detail: { emergencyEventId: event.id } });
    return {
      id: event.id,
      alertId: event.alertId,
      title: event.title,
      subject: event.subject,
      areaCode: event.areaCode,
      status: event.status,
      createdAt: event.createdAt.toISOString(),
    };
  });
}
