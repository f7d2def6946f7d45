/**
 * The moving-percentile method of China's infectious-disease automated-alert system (CIDARS, 移动百分位数法).
 *
 * The observed value of an assessed point is the count of its current period: the sum of the last 7 days
 * (the point and the 6 days before) for a daily series, the week itself for a weekly one. The baseline is the
 * same period in each of the `b` previous years (default 3) and the `w` adjacent periods either side of it
 * (default 2), i.e. b · (2w + 1) values (15 by default). A year back is `frequency` points (365 days or
 * 52 weeks), as in R's `surveillance`, so a daily baseline drifts by one day per leap year. Adjacent periods are
 * whole periods (7 days, 1 week) apart and do not overlap.
 * upperbound = the `percentile` (default 80, from 0 to 100 exclusive) of the baseline by linear interpolation
 * (R's `quantile(type = 7)`); alarm when observed > upperbound and observed ≥ 1.
 * The first assessed point defaults to the first with a full baseline (b years, w periods and one period back).
 */
import { checkParamNames, firstAssessedIndex, readInteger, readNumber, readRangeStart } from './detection-params.js';
import type { RawParams } from './detection-params.js';
import type { CountSeries, DetectionPoint } from './detection-types.js';

export interface MovingPercentileParams {
  readonly b: number;
  readonly w: number;
  readonly percentile: number;
  readonly rangeStart: string | undefined;
}

export const MOVING_PERCENTILE_PARAM_NAMES: readonly string[] = ['b', 'w', 'percentile', 'rangeStart'];

export function parseMovingPercentileParams(raw: RawParams): MovingPercentileParams {
  checkParamNames(raw, MOVING_PERCENTILE_PARAM_NAMES, '移动百分位数法');
  return {
    b: readInteger(raw, 'b', 3, 1, 10),
    // At most 2w + 1 = 51 periods (357 days or 51 weeks), so one year's periods never overlap the next's.
    w: readInteger(raw, 'w', 2, 0, 25),
    percentile: readNumber(raw, 'percentile', 80, (value) => value > 0 && value < 100, '大于 0 且小于 100 的数'),
    rangeStart: readRangeStart(raw),
  };
}

/** R's `quantile(values, p, type = 7)` for p in [0, 1]: linear interpolation between order statistics. */
export function quantileType7(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  const high = Math.min(low + 1, sorted.length - 1);
  return (sorted[low] ?? 0) + (position - low) * ((sorted[high] ?? 0) - (sorted[low] ?? 0));
}

export function movingPercentile(series: CountSeries, params: MovingPercentileParams): DetectionPoint[] {
  const { counts, frequency } = series;
  const period = frequency === 365 ? 7 : 1;
  const periodCount = (end: number): number => {
    let sum = 0;
    for (let i = end - period + 1; i <= end; i += 1) sum += counts[i] ?? 0;
    return sum;
  };
  const history = params.b * frequency + (params.w + 1) * period - 1;
  const start = firstAssessedIndex(series, params.rangeStart, history);
  const points: DetectionPoint[] = [];
  for (let t = start; t < counts.length; t += 1) {
    const baseline: number[] = [];
    for (let year = 1; year <= params.b; year += 1) {
      for (let offset = -params.w; offset <= params.w; offset += 1) {
        baseline.push(periodCount(t - year * frequency + offset * period));
      }
    }
    const observed = periodCount(t);
    const upperbound = quantileType7(baseline, params.percentile / 100);
    points.push({ date: series.dates[t] ?? '', observed, upperbound, alarm: observed > upperbound && observed >= 1 });
  }
  return points;
}
