/**
 * Grading alarms into alerts (多点触发分级). Alarms are detection results with `alarm` true. A source is
 * where a series came from ('case' for report cards, else the site kind, or 'school' for school clusters);
 * several methods on one series (subject × source × area) count as one source, and the county-wide series
 * is its own area, never merged with a township. Grades:
 * - red: an alarm of an immediate method (`immediate`: one case of 甲类 / 乙类按甲类管理 / a locally immediate
 *   disease) on a case series;
 * - otherwise by the number of independent sources alarming for the subject in the area within the last
 *   `windowDays` days (the assessed day included): the first rule whose `minSources` is met.
 */
import type { AlertGrade } from './alert-grades.js';
import { compareGrades, higherGrade, isAlertGrade } from './alert-grades.js';

export interface AlertRules {
  /** Days (the assessed day included) in which alarms of different sources combine. */
  readonly windowDays: number;
  /** Methods whose alarm on a case series is red. */
  readonly immediateMethods: readonly string[];
  /** Grades by independent sources, checked in order; the first met applies. */
  readonly sourceRules: readonly { readonly grade: AlertGrade; readonly minSources: number }[];
}

export const DEFAULT_ALERT_RULES: AlertRules = {
  windowDays: 3,
  immediateMethods: ['immediate'],
  sourceRules: [
    { grade: 'orange', minSources: 3 },
    { grade: 'yellow', minSources: 2 },
    { grade: 'blue', minSources: 1 },
  ],
};

export type AlertRulesCheck = { ok: true; rules: AlertRules } | { ok: false; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates rules given as JSON (settings or the API); messages name the field. */
export function parseAlertRules(value: unknown): AlertRulesCheck {
  if (!isRecord(value)) return { ok: false, message: '预警规则须为对象' };
  const unknownKey = Object.keys(value).find((key) => !(key in DEFAULT_ALERT_RULES));
  if (unknownKey !== undefined) return { ok: false, message: `未知的预警规则项：${unknownKey}` };
  const { windowDays, immediateMethods, sourceRules } = value;
  if (typeof windowDays !== 'number' || !Number.isInteger(windowDays) || windowDays < 1 || windowDays > 30) {
    return { ok: false, message: 'windowDays 须为 1 至 30 的整数' };
  }
  if (!Array.isArray(immediateMethods) || !immediateMethods.every((m) => typeof m === 'string' && m !== '')) {
    return { ok: false, message: 'immediateMethods 须为方法名数组' };
  }
  if (!Array.isArray(sourceRules) || sourceRules.length === 0) {
    return { ok: false, message: 'sourceRules 须为非空数组' };
  }
  const parsed: { grade: AlertGrade; minSources: number }[] = [];
  for (const [index, rule] of sourceRules.entries()) {
    if (!isRecord(rule) || typeof rule['grade'] !== 'string' || !isAlertGrade(rule['grade'])) {
      return { ok: false, message: `sourceRules[${index}].grade 须为 red、orange、yellow 或 blue` };
    }
    const minSources = rule['minSources'];
    if (typeof minSources !== 'number' || !Number.isInteger(minSources) || minSources < 1) {
      return { ok: false, message: `sourceRules[${index}].minSources 须为正整数` };
    }
    const previous = parsed.at(-1);
    if (previous && (minSources >= previous.minSources || compareGrades(rule['grade'], previous.grade) >= 0)) {
      return { ok: false, message: `sourceRules[${index}] 须比前一条的来源数更少、级别更低` };
    }
    parsed.push({ grade: rule['grade'], minSources });
  }
  return {
    ok: true,
    rules: { windowDays, immediateMethods: immediateMethods as string[], sourceRules: parsed },
  };
}

/** An alarming detection result. */
export interface Alarm {
  readonly assessedDate: string;
  readonly subject: string;
  readonly source: string;
  readonly areaCode: string;
  readonly method: string;
  readonly observed: number;
  readonly upperbound: number | null;
}

/** An existing alert for a subject × area: open, or closed after having covered the assessed date. */
export interface ExistingAlert {
  readonly id: number;
  readonly subject: string;
  readonly areaCode: string;
  readonly grade: AlertGrade;
  readonly open: boolean;
  readonly lastDate: string;
}

export interface AlertEvidence {
  readonly rule: 'immediate' | 'sources';
  readonly sources: readonly string[];
  readonly alarms: readonly Alarm[];
}

export type AlertAction =
  | {
      readonly kind: 'raise';
      readonly subject: string;
      readonly areaCode: string;
      readonly grade: AlertGrade;
      readonly firstDate: string;
      readonly lastDate: string;
      readonly evidence: AlertEvidence;
    }
  | {
      readonly kind: 'update';
      readonly alertId: number;
      readonly grade: AlertGrade;
      readonly lastDate: string;
      readonly evidence: AlertEvidence;
    };

/** The first day of the window ending on `date`. */
export function windowStart(date: string, windowDays: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - (windowDays - 1));
  return day.toISOString().slice(0, 10);
}

function gradeOf(alarms: readonly Alarm[], rules: AlertRules): { grade: AlertGrade; evidence: AlertEvidence } | null {
  const sources = [...new Set(alarms.map((a) => a.source))].sort();
  const immediate = alarms.some((a) => a.source === 'case' && rules.immediateMethods.includes(a.method));
  if (immediate) return { grade: 'red', evidence: { rule: 'immediate', sources, alarms } };
  const rule = rules.sourceRules.find((r) => sources.length >= r.minSources);
  return rule ? { grade: rule.grade, evidence: { rule: 'sources', sources, alarms } } : null;
}

/**
 * The alerts to raise or update for `assessedDate` from the alarms of the window ending that day. Only a
 * subject × area with an alarm on the assessed day itself is graded (earlier days were graded on their own
 * run). One open alert per subject × area: an open one is updated when the grade rises or the alarm is
 * later than its last date, never lowered; a closed one that already covered the day suppresses a new
 * alert, so re-running a day changes nothing.
 */
export function gradeAlerts(
  assessedDate: string,
  alarms: readonly Alarm[],
  rules: AlertRules,
  existing: readonly ExistingAlert[]
): AlertAction[] {
  const from = windowStart(assessedDate, rules.windowDays);
  const groups = new Map<string, Alarm[]>();
  for (const alarm of alarms) {
    if (alarm.assessedDate < from || alarm.assessedDate > assessedDate) continue;
    const key = `${alarm.subject}\u0000${alarm.areaCode}`;
    groups.set(key, [...(groups.get(key) ?? []), alarm]);
  }
  const actions: AlertAction[] = [];
  for (const group of groups.values()) {
    if (!group.some((a) => a.assessedDate === assessedDate)) continue;
    const { subject, areaCode } = group[0] as Alarm;
    const graded = gradeOf(group, rules);
    if (!graded) continue;
    const same = existing.filter((e) => e.subject === subject && e.areaCode === areaCode);
    const open = same.find((e) => e.open);
    if (open) {
      const grade = higherGrade(open.grade, graded.grade);
      if (grade !== open.grade || open.lastDate < assessedDate) {
        const lastDate = open.lastDate > assessedDate ? open.lastDate : assessedDate;
        actions.push({ kind: 'update', alertId: open.id, grade, lastDate, evidence: graded.evidence });
      }
    } else if (!same.some((e) => e.lastDate >= assessedDate)) {
      const firstDate = group.reduce((min, a) => (a.assessedDate < min ? a.assessedDate : min), assessedDate);
      actions.push({
        kind: 'raise',
        subject,
        areaCode,
        grade: graded.grade,
        firstDate,
        lastDate: assessedDate,
        evidence: graded.evidence,
      });
    }
  }
  return actions;
}
