import type { YearValue } from './evaluation-types.js';
import type { PlanIndicator } from './plan.js';

/** What the engine needs to know about an indicator's target. */
export type TargetSpec = Pick<
  PlanIndicator,
  'comparator' | 'targetValue' | 'targetYear' | 'baseline' | 'baselineYear' | 'attribute' | 'unit'
>;

export type Direction = 'up' | 'down';

export interface TargetOptions {
  /** The regional (全区/全省/全市) average the plan refers to, for `regional_average` targets. */
  regionalReference?: number | null;
}

/** Rounds away floating-point noise (0.1 + 0.2) without touching the plans' precision. */
function clean(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/**
 * The concrete number a target asks for: relative forms (增长 N%, 每年降低 N 个百分点, 提高 N 个百分点) are
 * applied to the baseline, `regional_average` takes the reference; null when the target names no number.
 */
export function resolveTarget(spec: TargetSpec, options: TargetOptions = {}): number | null {
  const { comparator, targetValue: n, baseline } = spec;
  switch (comparator) {
    case 'gte':
    case 'lte':
    case 'gt':
    case 'lt':
    case 'approx':
    case 'within':
    case 'eq':
      return n;
    case 'maintain':
      return n ?? baseline;
    case 'increase_pct':
      return n === null || baseline === null ? null : clean(baseline * (1 + n / 100));
    case 'decrease_pp_per_year':
      return n === null || baseline === null || spec.baselineYear === null
        ? null
        : clean(baseline - n * (spec.targetYear - spec.baselineYear));
    case 'increase_pp':
      return n === null || baseline === null ? null : clean(baseline + n);
    case 'regional_average':
      return options.regionalReference ?? null;
    case 'same_rate_increase':
    case 'increase':
    case 'decrease':
    case 'qualitative':
      return null;
  }
}

/**
 * Which way is better. Comparators that point one way decide; for the others (a bare number, 左右, 维持,
 * 区域平均, qualitative) the standard indicator's direction decides, else the way from baseline to target.
 * The standard direction comes first there because a target below the baseline of an "up" indicator is a
 * plan defect (reported by checkPlan), not a reversal of what is better.
 */
export function indicatorDirection(spec: TargetSpec, standardDirection?: Direction): Direction | null {
  switch (spec.comparator) {
    case 'gte':
    case 'gt':
    case 'increase':
    case 'increase_pct':
    case 'increase_pp':
    case 'same_rate_increase':
      return 'up';
    case 'lte':
    case 'lt':
    case 'within':
    case 'decrease':
    case 'decrease_pp_per_year':
      return 'down';
    case 'eq':
    case 'approx':
    case 'maintain':
    case 'regional_average':
    case 'qualitative':
      if (standardDirection) return standardDirection;
      if (spec.baseline === null || spec.targetValue === null || spec.baseline === spec.targetValue) return null;
      return spec.targetValue > spec.baseline ? 'up' : 'down';
  }
}

/** The value the straight line from baseline to resolved target expects in `year` (clamped to the plan). */
export function expectedValue(spec: TargetSpec, year: number, options: TargetOptions = {}): number | null {
  const target = resolveTarget(spec, options);
  const { baseline, baselineYear, targetYear } = spec;
  if (baseline === null || baselineYear === null || target === null) return null;
  if (year <= baselineYear) return baseline;
  if (year >= targetYear) return target;
  return clean(baseline + ((target - baseline) * (year - baselineYear)) / (targetYear - baselineYear));
}

/** The expected path, one point per year from the baseline year to the target year; empty without both ends. */
export function expectedTrajectory(spec: TargetSpec, options: TargetOptions = {}): YearValue[] {
  const { baselineYear, targetYear } = spec;
  if (baselineYear === null || spec.baseline === null || resolveTarget(spec, options) === null) return [];
  const points: YearValue[] = [];
  for (let year = baselineYear; year <= Math.max(baselineYear, targetYear); year++) {
    const value = expectedValue(spec, year, options);
    if (value !== null) points.push({ year, value });
  }
  return points;
}
