/**
 * Plausible yearly values for an indicator: along the line from its baseline to its (resolved) target,
 * at an indicator-specific pace (some lag, some run ahead) with noise, kept within the unit's range.
 */
import type { Comparator } from '@chp/core';
import type { Random } from './random.js';

export interface SeedableIndicator {
  unit: string | null;
  baseline: number | null;
  baselineYear: number | null;
  comparator: string;
  targetValue: number | null;
  targetYear: number;
}

const LOWER_IS_BETTER: readonly Comparator[] = ['lte', 'lt', 'within', 'decrease', 'decrease_pp_per_year'];

/** The number the target amounts to, for the relative forms that can be worked out from the baseline alone. */
function resolvedTarget(indicator: SeedableIndicator): number | null {
  const { baseline, targetValue, comparator } = indicator;
  if (targetValue === null) {
    return null;
  }
  switch (comparator) {
    case 'increase_pct':
      return baseline === null ? null : baseline * (1 + targetValue / 100);
    case 'increase_pp':
      return baseline === null ? null : baseline + targetValue;
    case 'decrease_pp_per_year':
      return baseline === null
        ? null
        : baseline - targetValue * (indicator.targetYear - (indicator.baselineYear ?? 2020));
    default:
      return targetValue;
  }
}

function decimalsOf(value: number | null): number {
  if (value === null || Number.isInteger(value)) {
    return 0;
  }
  return String(value).split('.')[1]?.length ?? 0;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Values for `years`, or null when the indicator has neither a numeric baseline nor a numeric target. */
export function syntheticValues(
  indicator: SeedableIndicator,
  years: readonly number[],
  random: Random
): number[] | null {
  const target = resolvedTarget(indicator);
  const lowerIsBetter = (LOWER_IS_BETTER as readonly string[]).includes(indicator.comparator);
  const start = indicator.baseline ?? (target === null ? null : target * (lowerIsBetter ? 1.1 : 0.9));
  if (start === null) {
    return null;
  }
  const end = target ?? start * (lowerIsBetter ? 0.95 : 1.05);
  const baseYear = indicator.baselineYear ?? 2020;
  const span = Math.max(1, indicator.targetYear - baseYear);
  const pace = 0.6 + 0.5 * random();
  const amplitude = Math.max(Math.abs(end - start) * 0.1, Math.abs(start) * 0.01);
  const isRate = indicator.unit === '%' || indicator.unit === '‰' || (indicator.unit ?? '').includes('/');
  const decimals = Math.min(
    2,
    Math.max(decimalsOf(indicator.baseline), decimalsOf(indicator.targetValue), isRate ? 1 : 0)
  );
  const ceiling = indicator.unit === '%' ? 100 : Number.POSITIVE_INFINITY;
  return years.map((year) => {
    const progress = Math.min(1, ((year - baseYear) / span) * pace);
    const value = start + (end - start) * progress + (random() * 2 - 1) * amplitude;
    return round(Math.min(ceiling, Math.max(0, value)), decimals);
  });
}
