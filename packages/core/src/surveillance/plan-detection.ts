/**
 * The daily run's assessment of one series for one date: each configured method evaluates the assessed date only,
 * on the shortest slice of history it needs (a run assesses about a thousand series, so whole histories are not
 * recomputed).
 * - EARS and the moving percentile: the daily series with `rangeStart` = the assessed date.
 * - CUSUM: the `baseline` days before the assessed week estimate m, the cumulative sum runs over the 7 days ending
 *   on the assessed date, and the last day is reported (a one-point CUSUM would be a plain z-test).
 * - Farrington: weekly counts of rolling 7-day weeks ending on the assessed date (b years and w weeks back), so
 *   every day assesses the week just ended rather than waiting for a calendar week's last day.
 * - immediate: the assessed day's count against the threshold.
 * A method without enough history (a new county or subject) gives no result.
 */
import { parseCusumParams } from './cusum.js';
import { detect } from './detect.js';
import type { MethodConfig, RunMethod } from './detection-config.js';
import type { CountSeries, DetectionPoint } from './detection-types.js';
import { parseEarsParams } from './ears.js';
import { parseFarringtonParams } from './farrington-flexible.js';
import { parseImmediateSignalParams } from './fixed-threshold.js';
import { parseMovingPercentileParams } from './moving-percentile.js';

export interface DetectionOutcome {
  readonly method: RunMethod;
  readonly observed: number;
  /** null when the method could not compute a threshold. */
  readonly upperbound: number | null;
  readonly alarm: boolean;
}

/** Days of history (the assessed day included) a method needs. */
export function daysNeeded(config: MethodConfig): number {
  switch (config.method) {
    case 'ears-c1':
    case 'ears-c2':
    case 'ears-c3':
      return parseEarsParams(config.params, 'C1').baseline + 5;
    case 'moving-percentile': {
      const { b, w } = parseMovingPercentileParams(config.params);
      return b * 365 + (w + 1) * 7;
    }
    case 'cusum':
      return parseCusumParams(config.params).baseline + 7;
    case 'farrington': {
      const { b, w } = parseFarringtonParams(config.params, 52);
      return (b * 52 + w + 1) * 7;
    }
    case 'immediate':
      return 1;
  }
}

function lastPoint(points: readonly DetectionPoint[], method: RunMethod): DetectionOutcome | undefined {
  const point = points[points.length - 1];
  if (point === undefined) return undefined;
  const upperbound = Number.isFinite(point.upperbound) ? point.upperbound : null;
  return { method, observed: point.observed, upperbound, alarm: point.alarm };
}

/** Rolling weeks ending on the last day: dates are each week's first day, oldest first. */
function weeklySeries(dates: readonly string[], counts: ArrayLike<number>, weeks: number): CountSeries {
  const weekDates: string[] = [];
  const weekCounts: number[] = [];
  for (let week = weeks - 1; week >= 0; week -= 1) {
    const end = counts.length - 1 - week * 7;
    let sum = 0;
    for (let day = end - 6; day <= end; day += 1) sum += counts[day] ?? 0;
    weekDates.push(dates[end - 6] ?? '');
    weekCounts.push(sum);
  }
  return { dates: weekDates, counts: weekCounts, frequency: 52 };
}

function assess(
  config: MethodConfig,
  dates: readonly string[],
  counts: ArrayLike<number>
): DetectionOutcome | undefined {
  const { method, params } = config;
  const last = counts.length - 1;
  switch (method) {
    case 'immediate': {
      const { threshold } = parseImmediateSignalParams(params);
      const observed = counts[last] ?? 0;
      return { method, observed, upperbound: threshold, alarm: observed >= threshold };
    }
    case 'farrington': {
      const weeks = daysNeeded(config) / 7;
      if (weeks * 7 > counts.length) return undefined;
      const series = weeklySeries(dates, counts, weeks);
      return lastPoint(detect(method, series, { ...params, rangeStart: series.dates[weeks - 1] }), method);
    }
    case 'cusum':
    case 'ears-c1':
    case 'ears-c2':
    case 'ears-c3':
    case 'moving-percentile': {
      const length = daysNeeded(config);
      if (length > counts.length) return undefined;
      const from = counts.length - length;
      const series: CountSeries = {
        dates: dates.slice(from),
        counts: Array.prototype.slice.call(counts, from) as number[],
        frequency: 365,
      };
      const ranged = method === 'cusum' ? params : { ...params, rangeStart: dates[last] };
      return lastPoint(detect(method, series, ranged), method);
    }
  }
}

/**
 * The outcomes for the last day of `counts` (daily counts, `dates` the matching days, the assessed date last)
 * under each configured method.
 */
export function planDetection(
  dates: readonly string[],
  counts: ArrayLike<number>,
  methods: readonly MethodConfig[]
): DetectionOutcome[] {
  if (dates.length !== counts.length || counts.length === 0) {
    throw new Error('日期与计数的长度不一致或为空');
  }
  const outcomes: DetectionOutcome[] = [];
  for (const config of methods) {
    const outcome = assess(config, dates, counts);
    if (outcome !== undefined) outcomes.push(outcome);
  }
  return outcomes;
}
