/**
 * EARS C1, C2 and C3 exactly as R's `surveillance::earsC` (Hutwagner et al. 2003; Fricker et al. 2008).
 *
 * For the assessed point t, with the baseline of `baseline` (default 7) values:
 * - C1 uses t−baseline … t−1; C2 and C3 skip a two-point guard band and use t−baseline−2 … t−3.
 * - C1, C2: upperbound = mean + z(1−alpha) · max(sd, minSigma); alarm when observed > upperbound.
 * - C3: with C2(s) = (observed(s) − mean(s)) / max(sd(s), minSigma) on the C2 baseline of s,
 *   upperbound = max(0, observed(t) + max(sd(t), minSigma) · (z(1−alpha) − max(0, C2(t−2) − 1) − max(0, C2(t−1) − 1))).
 * alpha defaults as in R when absent from `control`: 0.001 for C1 and C2, 0.025 for C3. A zero standard deviation
 * with minSigma 0 gives R's NaN (no alarm) or infinite values, kept as R has them.
 * The first assessed point defaults to the first with enough history (point baseline+1 for C1, +3 for C2, +5 for C3).
 */
import {
  checkParamNames,
  firstAssessedIndex,
  readInteger,
  readNumber,
  readProbability,
  readRangeStart,
} from './detection-params.js';
import type { RawParams } from './detection-params.js';
import type { CountSeries, DetectionPoint } from './detection-types.js';
import { normalQuantile } from './normal-quantile.js';
import { mean, standardDeviation } from './sample-statistics.js';

export type EarsMethod = 'C1' | 'C2' | 'C3';

export interface EarsParams {
  readonly method: EarsMethod;
  readonly baseline: number;
  readonly alpha: number;
  readonly minSigma: number;
  /** The first assessed date; undefined for the first point with enough history. */
  readonly rangeStart: string | undefined;
}

export const EARS_PARAM_NAMES: readonly string[] = ['alpha', 'baseline', 'minSigma', 'rangeStart'];

export function parseEarsParams(raw: RawParams, method: EarsMethod): EarsParams {
  checkParamNames(raw, EARS_PARAM_NAMES, `EARS ${method}`);
  return {
    method,
    // R stops for a baseline below 3.
    baseline: readInteger(raw, 'baseline', 7, 3, Number.POSITIVE_INFINITY),
    alpha: readProbability(raw, 'alpha', method === 'C3' ? 0.025 : 0.001),
    minSigma: readNumber(raw, 'minSigma', 0, (value) => value >= 0, '不小于 0 的数'),
    rangeStart: readRangeStart(raw),
  };
}

/** Points of history an assessed point needs before it (R's maxLag). */
function historyNeeded(params: EarsParams): number {
  switch (params.method) {
    case 'C1':
      return params.baseline;
    case 'C2':
      return params.baseline + 2;
    case 'C3':
      return params.baseline + 4;
  }
}

export function earsC(series: CountSeries, params: EarsParams): DetectionPoint[] {
  const { counts } = series;
  const start = firstAssessedIndex(series, params.rangeStart, historyNeeded(params));
  const z = normalQuantile(1 - params.alpha);
  const guard = params.method === 'C1' ? 0 : 2;
  // Mean and sigma of the baseline of point t (C1: the `baseline` points before t; C2, C3: before t−2).
  const reference = (t: number): { centre: number; sigma: number } => {
    const values = counts.slice(t - guard - params.baseline, t - guard);
    return { centre: mean(values), sigma: Math.max(standardDeviation(values), params.minSigma) };
  };
  const c2 = (t: number): number => {
    const { centre, sigma } = reference(t);
    return ((counts[t] ?? 0) - centre) / sigma;
  };
  const points: DetectionPoint[] = [];
  for (let t = start; t < counts.length; t += 1) {
    const observed = counts[t] ?? 0;
    const { centre, sigma } = reference(t);
    const upperbound =
      params.method === 'C3'
        ? Math.max(0, observed + sigma * (z - (Math.max(0, c2(t - 2) - 1) + Math.max(0, c2(t - 1) - 1))))
        : centre + z * sigma;
    points.push({ date: series.dates[t] ?? '', observed, upperbound, alarm: observed > upperbound });
  }
  return points;
}
