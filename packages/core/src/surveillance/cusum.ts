/**
 * CUSUM as R's `surveillance::algo.cusum` with its defaults (Rossi et al. 1999): k = 1.04, h = 2.26,
 * trans = "standard". m, the expected count, defaults to the mean of every point before the first assessed one
 * (R's m = NULL); a number fixes it. Over the assessed points, with z(t) = (observed(t) − m) / √m,
 * C(t) = max(0, C(t−1) + z(t) − k) from C = 0 before the first; alarm when C(t) ≥ h.
 * upperbound = ceil(√m · (h + k − C(t−1)) + m), the smallest count that would alarm, as R reports it
 * (NaN and negative bounds reported as 0, as R does).
 * The first assessed point is `rangeStart`, else the point after the first `baseline` (default 7) points.
 */
import { checkParamNames, firstAssessedIndex, readInteger, readNumber, readRangeStart } from './detection-params.js';
import type { RawParams } from './detection-params.js';
import type { CountSeries, DetectionPoint } from './detection-types.js';
import { mean } from './sample-statistics.js';

export interface CusumParams {
  readonly k: number;
  readonly h: number;
  /** The expected count; undefined for the mean of the points before the first assessed one. */
  readonly m: number | undefined;
  readonly baseline: number;
  readonly rangeStart: string | undefined;
}

export const CUSUM_PARAM_NAMES: readonly string[] = ['k', 'h', 'm', 'baseline', 'rangeStart'];

export function parseCusumParams(raw: RawParams): CusumParams {
  checkParamNames(raw, CUSUM_PARAM_NAMES, 'CUSUM');
  if (raw.baseline !== undefined && raw.rangeStart !== undefined) {
    throw new Error('参数 baseline 与 rangeStart 不能同时指定：CUSUM 以首个评估日期之前的全部时间点估计 m');
  }
  const m = raw.m === undefined ? undefined : readNumber(raw, 'm', 0, (value) => value > 0, '大于 0 的数');
  return {
    k: readNumber(raw, 'k', 1.04, (value) => value >= 0, '不小于 0 的数'),
    h: readNumber(raw, 'h', 2.26, (value) => value > 0, '大于 0 的数'),
    m,
    baseline: readInteger(raw, 'baseline', 7, 1, Number.POSITIVE_INFINITY),
    rangeStart: readRangeStart(raw),
  };
}

export function cusum(series: CountSeries, params: CusumParams): DetectionPoint[] {
  const { counts } = series;
  const start = firstAssessedIndex(series, params.rangeStart, params.rangeStart === undefined ? params.baseline : 1);
  const m = params.m ?? mean(counts.slice(0, start));
  const { k, h } = params;
  const points: DetectionPoint[] = [];
  let previous = 0;
  for (let t = start; t < counts.length; t += 1) {
    const observed = counts[t] ?? 0;
    const bound = Math.ceil(Math.sqrt(m) * (h + k - previous) + m);
    const current = Math.max(0, previous + ((observed - m) / Math.sqrt(m) - k));
    points.push({
      date: series.dates[t] ?? '',
      observed,
      upperbound: Number.isNaN(bound) || bound < 0 ? 0 : bound,
      alarm: current >= h,
    });
    previous = current;
  }
  return points;
}
