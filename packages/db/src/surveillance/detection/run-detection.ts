/**
 * The detection run for one county and assessed date (daily by the scheduler, or on demand): loads the daily
 * series in one grouped query, applies each subject's methods to the assessed date only (core planDetection),
 * replaces the date's results (so a re-run is idempotent), records the run, then lets the alert step read the
 * date's alarms.
 */
import { daysNeeded, immediateDiseaseCodes, parseClusterParams, planDetection, subjectMethods } from '@chp/core';
import type { MethodConfig, RawParams, SubjectKind } from '@chp/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { insertRows } from '../../registers/bulk-insert.js';
import { raiseAlertsForDate } from '../alerts/raise-alerts.js';
import { detectionResult, detectionRun, surveillanceSubject } from '../../schema.js';
import { loadDailyCounts } from './load-daily-counts.js';
import { schoolClusters } from './school-clusters.js';

export type DetectionTrigger = 'daily' | 'manual';

/** The subject whose settings are the school cluster rule's parameters, flat: `{"cases": 5, "days": 7}`. */
export const SCHOOL_CLUSTER_SUBJECT = 'school_cluster';

export interface DetectionRunSummary {
  readonly runId: number;
  readonly assessedDate: string;
  readonly seriesCount: number;
  readonly resultCount: number;
  readonly alarmCount: number;
  /** Alerts raised or updated from the date's alarms. */
  readonly alertCount: number;
  /** Subjects whose stored settings were invalid and ran with the defaults, with the reason. */
  readonly settingErrors: readonly string[];
}

type ResultRow = typeof detectionResult.$inferInsert;

interface SubjectSettings {
  readonly immediate: boolean;
  readonly detection: unknown;
}

export async function runDetection(
  db: Db,
  countyCode: string,
  assessedDate: string,
  trigger: DetectionTrigger,
  userId: number | null
): Promise<DetectionRunSummary> {
  const subjectRows = await db
    .select({
      code: surveillanceSubject.code,
      immediate: surveillanceSubject.immediate,
      detection: surveillanceSubject.detection,
    })
    .from(surveillanceSubject)
    .where(eq(surveillanceSubject.countyCode, countyCode));
  // National diseases with an immediate signal from the catalogue; local ones from surveillance_subject.immediate.
  const immediateDiseases = immediateDiseaseCodes();
  const settings = new Map<string, SubjectSettings>(subjectRows.map((row) => [row.code, row]));
  const settingErrors: string[] = [];
  const planCache = new Map<string, readonly MethodConfig[]>();
  const methodsFor = (subject: string, kind: SubjectKind): readonly MethodConfig[] => {
    const key = `${kind}\u0000${subject}`;
    let methods = planCache.get(key);
    if (methods === undefined) {
      try {
        methods = subjectMethods(kind, settings.get(subject)?.detection);
      } catch (error) {
        settingErrors.push(`${subject}: ${(error as Error).message}`);
        methods = subjectMethods(kind, undefined);
      }
      planCache.set(key, methods);
    }
    return methods;
  };
  const kindOf = (subject: string, source: string): SubjectKind => {
    if (source !== 'case') return 'signal';
    const immediate = settings.get(subject)?.immediate === true || immediateDiseases.has(subject);
    return immediate ? 'immediate-disease' : 'disease';
  };

  // History: the longest any configured method needs (b = 3 years and the windows by default).
  const kinds: SubjectKind[] = ['immediate-disease', 'disease', 'signal'];
  const configs = kinds.map((kind) => subjectMethods(kind, undefined));
  for (const row of subjectRows) {
    if (row.code !== SCHOOL_CLUSTER_SUBJECT) for (const kind of kinds) configs.push(tryMethods(kind, row.detection));
  }
  const historyDays = Math.max(...configs.flat().map(daysNeeded));

  const { dates, series } = await loadDailyCounts(db, countyCode, assessedDate, historyDays);
  const rows: Omit<ResultRow, 'runId'>[] = [];
  for (const one of series) {
    for (const outcome of planDetection(dates, one.counts, methodsFor(one.subject, kindOf(one.subject, one.source)))) {
      rows.push({
        countyCode,
        assessedDate,
        subject: one.subject,
        source: one.source,
        areaCode: one.area,
        method: outcome.method,
        observed: outcome.observed,
        upperbound: outcome.upperbound,
        alarm: outcome.alarm,
      });
    }
  }
  for (const cluster of await schoolClusters(db, countyCode, assessedDate, clusterParams(settings, settingErrors))) {
    rows.push({
      countyCode,
      assessedDate,
      subject: cluster.subject,
      source: 'school',
      areaCode: cluster.area,
      method: 'cluster',
      observed: cluster.observed,
      upperbound: cluster.upperbound,
      alarm: true,
    });
  }
  const alarmCount = rows.filter((row) => row.alarm).length;

  const runId = await db.transaction(async (tx) => {
    const [{ id }] = (await tx
      .insert(detectionRun)
      .values({ countyCode, assessedDate, trigger, startedBy: userId, seriesCount: series.length, alarmCount })
      .returning({ id: detectionRun.id })) as [{ id: number }];
    await tx
      .delete(detectionResult)
      .where(and(eq(detectionResult.countyCode, countyCode), eq(detectionResult.assessedDate, assessedDate)));
    await insertRows(
      tx as unknown as Db,
      detectionResult,
      rows.map((row) => ({ ...row, runId: id }))
    );
    return id;
  });
  const alerts = await raiseAlertsForDate(db, countyCode, assessedDate);
  const alertCount = alerts.raised + alerts.updated;
  await db
    .update(detectionRun)
    .set({ finishedAt: sql`now()`, alertCount })
    .where(eq(detectionRun.id, runId));
  return {
    runId,
    assessedDate,
    seriesCount: series.length,
    resultCount: rows.length,
    alarmCount,
    alertCount,
    settingErrors,
  };
}

function clusterParams(settings: ReadonlyMap<string, SubjectSettings>, errors: string[]): RawParams {
  const raw = (settings.get(SCHOOL_CLUSTER_SUBJECT)?.detection ?? {}) as RawParams;
  try {
    parseClusterParams(raw);
    return raw;
  } catch (error) {
    errors.push(`${SCHOOL_CLUSTER_SUBJECT}: ${(error as Error).message}`);
    return {};
  }
}

/** The subject's methods, or none when its settings are invalid (reported by the run itself). */
function tryMethods(kind: SubjectKind, detection: unknown): MethodConfig[] {
  try {
    return subjectMethods(kind, detection);
  } catch {
    return [];
  }
}
