import type { EvaluationValueSource, IndicatorEvaluation, IndicatorStatus, YearValue } from './evaluation-types.js';
import type { Comparator } from './plan.js';
import type { Direction, TargetOptions, TargetSpec } from './trajectory.js';
import { expectedValue, indicatorDirection, resolveTarget } from './trajectory.js';

export interface EvaluationOptions extends TargetOptions {
  /** The catalog direction of the standard indicator, when the indicator is one. */
  standardDirection?: Direction;
  /** How far behind the trajectory still counts as at risk, as a share of the baseline→target distance. */
  tolerance?: number;
  /**
   * The value computed from the registers for the evaluated year, in the indicator's unit: evaluated
   * instead when there is no entered value for that year itself.
   */
  computedValue?: number | null;
}

/** Default share of the baseline→target distance within which a value behind the trajectory is only at risk. */
export const DEFAULT_TOLERANCE = 1 / 3;
/** Share of the target by which a 左右 target (or a bare number without a direction) may be missed. */
export const APPROX_MARGIN = 0.05;
/** Smallest at-risk band, as a share of the target, so that a target equal to its baseline still has one. */
export const TOLERANCE_FLOOR = 0.02;
const EPSILON = 1e-9;

function near(value: number, target: number): boolean {
  return Math.abs(value - target) <= APPROX_MARGIN * Math.abs(target) + EPSILON;
}

function notWorse(value: number, target: number, direction: Direction | null): boolean {
  if (direction === null) return near(value, target);
  return direction === 'up' ? value >= target - EPSILON : value <= target + EPSILON;
}

/** Whether `value` meets the resolved target as the comparator reads it. */
function meetsTarget(comparator: Comparator, value: number, target: number, direction: Direction | null): boolean {
  switch (comparator) {
    case 'gte':
      return value >= target - EPSILON;
    case 'gt':
      return value > target + EPSILON;
    case 'lte':
    case 'within':
      return value <= target + EPSILON;
    case 'lt':
      return value < target - EPSILON;
    case 'approx':
      return near(value, target);
    case 'eq':
    case 'maintain':
    case 'increase_pct':
    case 'increase_pp':
    case 'decrease_pp_per_year':
    case 'regional_average':
      return notWorse(value, target, direction);
    case 'same_rate_increase':
    case 'increase':
    case 'decrease':
    case 'qualitative':
      return false;
  }
}

interface SourcedValue extends YearValue {
  source: EvaluationValueSource;
}

function latestValue(values: YearValue[], year: number): YearValue | null {
  let latest: YearValue | null = null;
  for (const v of values) {
    if (v.year <= year && Number.isFinite(v.value) && (latest === null || v.year > latest.year)) latest = v;
  }
  return latest;
}

/** The entered value of the year itself, else the computed one, else the latest entered value before. */
function evaluatedValue(values: YearValue[], year: number, computed: number | null | undefined): SourcedValue | null {
  const entered = latestValue(values, year);
  if (entered?.year !== year && computed !== null && computed !== undefined && Number.isFinite(computed)) {
    return { year, value: computed, source: 'computed' };
  }
  return entered === null ? null : { ...entered, source: 'entered' };
}

function show(value: number, unit: string | null): string {
  return `${Math.round(value * 1e4) / 1e4}${unit ?? ''}`;
}

/**
 * Status of an indicator in `year` from the latest value at or before it (or the computed value of the
 * year when no value was entered for it): achieved, on track / at risk /
 * off track against the straight line from baseline to target, no data or not assessable.
 * The rules are written out in docs/evaluation.md.
 */
export function evaluateIndicator(
  spec: TargetSpec,
  values: YearValue[],
  year: number,
  options: EvaluationOptions = {}
): IndicatorEvaluation {
  const direction = indicatorDirection(spec, options.standardDirection);
  const resolvedTarget = resolveTarget(spec, options);
  const latest = evaluatedValue(values, year, options.computedValue);
  const result = (
    status: IndicatorStatus,
    reason: string,
    expected: number | null = null,
    gap: number | null = null
  ): IndicatorEvaluation => ({
    status,
    year,
    value: latest?.value ?? null,
    valueYear: latest?.year ?? null,
    valueSource: latest?.source ?? null,
    expected,
    gap,
    resolvedTarget,
    direction,
    bindingAlert: status === 'off_track' && spec.attribute === '约束性',
    reason,
  });

  if (latest === null) return result('no_data', `${year}年及以前尚无监测值`);
  const valueText = `${latest.year}年${latest.source === 'computed' ? '登记数据计算值' : '值'}${show(latest.value, spec.unit)}`;
  const expected = expectedValue(spec, latest.year, options);
  const gap =
    expected === null || direction === null
      ? null
      : Math.round((latest.value - expected) * (direction === 'up' ? 1 : -1) * 1e9) / 1e9;

  if (resolvedTarget !== null && meetsTarget(spec.comparator, latest.value, resolvedTarget, direction)) {
    return result('achieved', `${valueText}，已达到目标${show(resolvedTarget, spec.unit)}`, expected, gap);
  }
  if (spec.comparator === 'qualitative') return result('not_assessable', '定性目标，无法按数值评估');
  if (resolvedTarget === null) return result('not_assessable', '目标未给出可计算的数值，无法评估进度');
  if (direction === null) return result('not_assessable', '无法判断指标方向（越高越好或越低越好）');

  const targetText = `目标${show(resolvedTarget, spec.unit)}`;
  if (year >= spec.targetYear) {
    return result('off_track', `${valueText}，目标年${spec.targetYear}年已到，仍未达到${targetText}`, expected, gap);
  }
  if (expected === null || gap === null) {
    return result('at_risk', `${valueText}，尚未达到${targetText}，无基线无法计算预期进度`);
  }
  const expectedText = `预期进度${show(expected, spec.unit)}`;
  if (gap >= 0) return result('on_track', `${valueText}，不低于${expectedText}`, expected, gap);
  const distance = Math.abs(resolvedTarget - (spec.baseline ?? resolvedTarget));
  const tolerance = Math.max(
    (options.tolerance ?? DEFAULT_TOLERANCE) * distance,
    TOLERANCE_FLOOR * Math.abs(resolvedTarget)
  );
  return -gap <= tolerance + EPSILON
    ? result('at_risk', `${valueText}，落后于${expectedText}，差距在容许范围内`, expected, gap)
    : result('off_track', `${valueText}，落后于${expectedText}，差距超出容许范围`, expected, gap);
}

/** `evaluateIndicator` for each of `years`. */
export function evaluateYears(
  spec: TargetSpec,
  values: YearValue[],
  years: number[],
  options: EvaluationOptions = {}
): IndicatorEvaluation[] {
  return years.map((year) => evaluateIndicator(spec, values, year, options));
}
