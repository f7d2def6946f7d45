/**
 * Raising alerts after a detection run: the alarms of the assessed date and the rules' window before it are
 * graded by core's `gradeAlerts`; new alerts are inserted and open ones updated (grade only rises), each with
 * an alert_event and an audit row. Re-running a date changes nothing.
 */
import type { Alarm, AlertAction, AlertGrade, ExistingAlert } from '@chp/core';
import { OPEN_ALERT_STATUSES, gradeAlerts, windowStart } from '@chp/core';
import { and, asc, between, eq, gte, inArray, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { writeAudit } from '../../access/audit.js';
import type { Actor } from '../../access/audit.js';
import { alert, alertEvent, caseReport, detectionResult } from '../../schema.js';
import { loadAlertRules } from './alert-rules-setting.js';

const SYSTEM: Actor = { userId: null, username: 'system', ip: null };

async function windowAlarms(db: Db, countyCode: string, from: string, to: string): Promise<Alarm[]> {
  const rows = await db
    .select()
    .from(detectionResult)
    .where(
      and(
        eq(detectionResult.countyCode, countyCode),
        between(detectionResult.assessedDate, from, to),
        eq(detectionResult.alarm, true)
      )
    )
    .orderBy(asc(detectionResult.assessedDate), asc(detectionResult.id));
  return rows.map((r) => ({
    assessedDate: r.assessedDate,
    subject: r.subject,
    source: r.source,
    areaCode: r.areaCode,
    method: r.method,
    observed: r.observed,
    upperbound: r.upperbound,
  }));
}

/** Open alerts, and closed ones that already covered the date (they keep a re-run from raising again). */
async function existingAlerts(db: Db, countyCode: string, assessedDate: string): Promise<ExistingAlert[]> {
  const rows = await db
    .select()
    .from(alert)
    .where(
      and(
        eq(alert.countyCode, countyCode),
        or(inArray(alert.status, [...OPEN_ALERT_STATUSES]), gte(alert.lastDate, assessedDate))
      )
    );
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    areaCode: r.areaCode,
    grade: r.grade as AlertGrade,
    open: (OPEN_ALERT_STATUSES as readonly string[]).includes(r.status),
    lastDate: r.lastDate,
  }));
}

/**
 * The reporting facility of the first card behind a case-sourced alert: the earliest reported, not deleted
 * card of the subject in the area with onset in the window; null for signal-only alerts.
 */
async function firstCardFacility(
  db: Db,
  countyCode: string,
  action: Extract<AlertAction, { kind: 'raise' }>,
  windowDays: number
): Promise<number | null> {
  if (!action.evidence.sources.includes('case')) return null;
  const area = action.areaCode === countyCode ? sql`true` : eq(caseReport.townshipCode, action.areaCode);
  const [card] = await db
    .select({ facilityId: caseReport.facilityId })
    .from(caseReport)
    .where(
      and(
        eq(caseReport.countyCode, countyCode),
        eq(caseReport.diseaseCode, action.subject),
        ne(caseReport.status, 'deleted'),
        between(caseReport.onsetDate, windowStart(action.firstDate, windowDays), action.lastDate),
        area
      )
    )
    .orderBy(asc(caseReport.reportedAt), asc(caseReport.id))
    .limit(1);
  return card?.facilityId ?? null;
}

async function applyAction(db: Db, countyCode: string, action: AlertAction, windowDays: number): Promise<void> {
  switch (action.kind) {
    case 'raise': {
      const facilityId = await firstCardFacility(db, countyCode, action, windowDays);
      const evidence = { ...action.evidence, facilityId };
      const [row] = await db
        .insert(alert)
        .values({
          countyCode,
          subject: action.subject,
          areaCode: action.areaCode,
          grade: action.grade,
          firstDate: action.firstDate,
          lastDate: action.lastDate,
          evidence,
        })
        .returning();
      if (!row) throw new Error('alert insert returned no row');
      await db.insert(alertEvent).values({
        countyCode,
        alertId: row.id,
        action: 'raised',
        toStatus: 'new',
        detail: { grade: action.grade, rule: action.evidence.rule, sources: action.evidence.sources },
      });
      await writeAudit(db, SYSTEM, { action: 'create', entity: 'alert', entityId: row.id, countyCode, after: row });
      return;
    }
    case 'update': {
      const [before] = await db.select().from(alert).where(eq(alert.id, action.alertId)).for('update');
      if (!before) throw new Error(`alert ${action.alertId} vanished`);
      const evidence = { ...before.evidence, ...action.evidence };
      const [after] = await db
        .update(alert)
        .set({ grade: action.grade, lastDate: action.lastDate, evidence })
        .where(eq(alert.id, action.alertId))
        .returning();
      await db.insert(alertEvent).values({
        countyCode,
        alertId: action.alertId,
        action: 'updated',
        detail: { fromGrade: before.grade, toGrade: action.grade, lastDate: action.lastDate },
      });
      await writeAudit(db, SYSTEM, {
        action: 'update',
        entity: 'alert',
        entityId: action.alertId,
        countyCode,
        before,
        after,
      });
      return;
    }
  }
}

export async function raiseAlertsForDate(
  db: Db,
  countyCode: string,
  assessedDate: string
): Promise<{ raised: number; updated: number }> {
  const rules = await loadAlertRules(db, countyCode);
  return db.transaction(async (tx) => {
    const alarms = await windowAlarms(tx, countyCode, windowStart(assessedDate, rules.windowDays), assessedDate);
    const actions = gradeAlerts(assessedDate, alarms, rules, await existingAlerts(tx, countyCode, assessedDate));
    for (const action of actions) {
      await applyAction(tx, countyCode, action, rules.windowDays);
    }
    return {
      raised: actions.filter((a) => a.kind === 'raise').length,
      updated: actions.filter((a) => a.kind === 'update').length,
    };
  });
}
