/** Reading alerts: the list with filters and paging, one alert with its history and detection results, and response metrics. */
import type {
  AlertDetail,
  AlertEventEntry,
  AlertGrade,
  AlertListResponse,
  AlertStatus,
  AlertSummary,
  ResponseMetrics,
} from '@chp/core';
import { responseMetrics, windowStart } from '@chp/core';
import { and, asc, between, count, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { AccessError } from '../../access/errors.js';
import { alert, alertEvent, detectionResult } from '../../schema.js';
import { loadAlertRules } from './alert-rules-setting.js';
import { alertInScope } from './alert-scope.js';
import type { AlertScope } from './alert-scope.js';
import type { AlertRow } from './alert-workflow.js';

export interface AlertFilter {
  readonly status?: AlertStatus | undefined;
  readonly grade?: AlertGrade | undefined;
  readonly areaCode?: string | undefined;
  readonly subject?: string | undefined;
  /** Alerts whose days (first to last date) overlap from…to. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly page: number;
  readonly pageSize: number;
}

export function toAlertSummary(row: AlertRow): AlertSummary {
  const iso = (at: Date | null): string | null => at?.toISOString() ?? null;
  return {
    id: row.id,
    subject: row.subject,
    areaCode: row.areaCode,
    grade: row.grade as AlertGrade,
    status: row.status as AlertStatus,
    firstDate: row.firstDate,
    lastDate: row.lastDate,
    assigneeId: row.assigneeId,
    raisedAt: row.raisedAt.toISOString(),
    verifyingAt: iso(row.verifyingAt),
    verifiedAt: iso(row.verifiedAt),
    investigatingAt: iso(row.investigatingAt),
    closedAt: iso(row.closedAt),
    emergencyEventId: row.emergencyEventId,
    evidence: row.evidence,
  };
}

export async function listAlerts(db: Db, scope: AlertScope, filter: AlertFilter): Promise<AlertListResponse> {
  const conditions: SQL[] = [eq(alert.countyCode, scope.countyCode), alertInScope(scope)];
  if (filter.status) conditions.push(eq(alert.status, filter.status));
  if (filter.grade) conditions.push(eq(alert.grade, filter.grade));
  if (filter.areaCode) conditions.push(eq(alert.areaCode, filter.areaCode));
  if (filter.subject) conditions.push(eq(alert.subject, filter.subject));
  if (filter.from) conditions.push(gte(alert.lastDate, filter.from));
  if (filter.to) conditions.push(lte(alert.firstDate, filter.to));
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(alert).where(where);
  const rows = await db
    .select()
    .from(alert)
    .where(where)
    .orderBy(desc(alert.raisedAt), desc(alert.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { total: total?.n ?? 0, alerts: rows.map(toAlertSummary) };
}

export async function alertDetail(db: Db, scope: AlertScope, id: number): Promise<AlertDetail> {
  const [row] = await db
    .select()
    .from(alert)
    .where(and(eq(alert.id, id), eq(alert.countyCode, scope.countyCode), alertInScope(scope)));
  if (!row) throw new AccessError('not_found', 'alert_not_found', '预警不存在');
  const events = await db
    .select()
    .from(alertEvent)
    .where(eq(alertEvent.alertId, id))
    .orderBy(asc(alertEvent.at), asc(alertEvent.id));
  const { windowDays } = await loadAlertRules(db, scope.countyCode);
  const results = await db
    .select()
    .from(detectionResult)
    .where(
      and(
        eq(detectionResult.countyCode, row.countyCode),
        eq(detectionResult.subject, row.subject),
        eq(detectionResult.areaCode, row.areaCode),
        between(detectionResult.assessedDate, windowStart(row.firstDate, windowDays), row.lastDate)
      )
    )
    .orderBy(asc(detectionResult.assessedDate), asc(detectionResult.source), asc(detectionResult.method));
  return {
    ...toAlertSummary(row),
    events: events.map((e): AlertEventEntry => ({
      id: e.id,
      at: e.at.toISOString(),
      userId: e.userId,
      action: e.action as AlertEventEntry['action'],
      fromStatus: e.fromStatus as AlertStatus | null,
      toStatus: e.toStatus as AlertStatus | null,
      note: e.note,
      detail: e.detail,
    })),
    results: results.map((r) => ({
      assessedDate: r.assessedDate,
      source: r.source,
      method: r.method,
      observed: r.observed,
      upperbound: r.upperbound,
      alarm: r.alarm,
    })),
  };
}

/** Response metrics of the alerts raised from `from` to `to` (Beijing dates, inclusive). */
export async function alertResponseMetrics(
  db: Db,
  scope: AlertScope,
  from: string,
  to: string
): Promise<ResponseMetrics> {
  const rows = await db
    .select()
    .from(alert)
    .where(
      and(
        eq(alert.countyCode, scope.countyCode),
        alertInScope(scope),
        gte(alert.raisedAt, sql`(${from}::date)::timestamp at time zone 'Asia/Shanghai'`),
        lt(alert.raisedAt, sql`(${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`)
      )
    );
  return responseMetrics(
    rows.map((r) => ({
      areaCode: r.areaCode,
      facilityId: typeof r.evidence['facilityId'] === 'number' ? r.evidence['facilityId'] : null,
      raisedAt: r.raisedAt,
      verifyingAt: r.verifyingAt,
      verifiedAt: r.verifiedAt,
      closedAt: r.closedAt,
    }))
  );
}
