/** Yearly status of an indicator against its target and the 2020→2025 trajectory (rules in docs/evaluation.md). */
export const INDICATOR_STATUSES = [
  'achieved',
  'on_track',
  'at_risk',
  'off_track',
  'no_data',
  'not_assessable',
] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/** Where an evaluated value comes from: an approved entered value, or the registers (docs/evaluation.md §7). */
export type EvaluationValueSource = 'entered' | 'computed';

export interface YearValue {
  year: number;
  value: number;
}

export interface IndicatorEvaluation {
  status: IndicatorStatus;
  /** The year evaluated. */
  year: number;
  /** The value used (the latest value at or before `year`), or null. */
  value: number | null;
  valueYear: number | null;
  /** Whether `value` is an approved entered value or computed from the registers; null without a value. */
  valueSource: EvaluationValueSource | null;
  /** The value the trajectory from baseline to target expects in `valueYear`, or null when there is none. */
  expected: number | null;
  /** Signed distance of the value from the trajectory, in the indicator's unit, positive = better. */
  gap: number | null;
  /** The concrete numeric target after resolving relative forms (增长 N%, 每年降低 N 个百分点, 区域平均). */
  resolvedTarget: number | null;
  /** 'up' when higher is better, 'down' when lower is better, null when unknown. */
  direction: 'up' | 'down' | null;
  /** A binding (约束性) indicator that is off track: shown as an alert. */
  bindingAlert: boolean;
  /** Why the status is what it is, in Chinese, for the UI and reports. */
  reason: string;
}

export const FINDING_KINDS = [
  'missing_baseline',
  'target_worse_than_baseline',
  'contradicts_table',
  'implausible_unit',
  'implausible_value',
  'duplicate',
  'unparsed_target',
  'transcriber_note',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** A data-quality problem in a plan as written (never silently fixed). */
export interface DataQualityFinding {
  countyCode: string;
  indicatorId: string | null;
  projectId: string | null;
  kind: FindingKind;
  severity: 'error' | 'warning' | 'info';
  /** Chinese message naming what is wrong. */
  message: string;
  /** 1-based line in the seed file. */
  line: number | null;
  /** Other lines involved (e.g. the table row a prose target contradicts). */
  relatedLines: number[];
}
