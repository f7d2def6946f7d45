/**
 * The improved Farrington method (Noufaily et al. 2013), a port of R's `surveillance::farringtonFlexible` for one
 * series whose epochs are dates: for each assessed time point a quasi-Poisson GLM is fitted to the reference
 * windows of the past b years (optionally with a time trend and, when noPeriods > 1, a seasonal factor over the
 * rest of each year), past outbreaks are down-weighted by their Anscombe residuals, and the upper bound of the
 * prediction interval is the threshold. Every branch follows R's code, including its quirks (see comments).
 */
import { firstAssessedIndex } from './detection-params.js';
import type { CountSeries, DetectionPoint } from './detection-types.js';
import { negativeBinomialQuantile, poissonQuantile } from './count-quantile.js';
import type { FarringtonParams } from './farrington-params.js';
import type { Design, GlmFit } from './quasi-poisson-glm.js';
import { fitQuasiPoisson, hatValues, inverseLogLink, quadraticForm } from './quasi-poisson-glm.js';
import { normalQuantile } from './normal-quantile.js';
import { studentTwoSidedPValue } from './student-t.js';

export type { FarringtonParams, FarringtonPowerTransform, FarringtonThresholdMethod } from './farrington-params.js';
export { parseFarringtonParams } from './farrington-params.js';

const DAY_MS = 86_400_000;

function dateParts(iso: string): [number, number, number] {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = iso.split('-').map(Number);
  return [year, month, day];
}

function dayNumber(iso: string): number {
  const [year, month, day] = dateParts(iso);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** R's seq(date, by = "-1 year"): the same month and day, 29 February rolling over to 1 March. */
function yearsBefore(iso: string, years: number): number {
  const [year, month, day] = dateParts(iso);
  return Date.UTC(year - years, month - 1, day) / DAY_MS;
}

/** Day of the week of a day number (any fixed origin will do: only differences are used). */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The series position of the current point and of the same point 1…b years before (weekly: the nearest same weekday). */
function referencePositions(
  series: CountSeries,
  days: readonly number[],
  positionOf: ReadonlyMap<number, number>,
  k: number,
  b: number
): number[] {
  const positions: number[] = [];
  const today = days[k] ?? 0;
  for (let years = 0; years <= b; years++) {
    let reference = yearsBefore(series.dates[k] ?? '', years);
    if (series.frequency === 52) {
      const a = reference - (weekday(reference) - weekday(today));
      const other = a + (a > reference ? -7 : 7);
      reference = Math.abs(a - reference) > Math.abs(other - reference) ? other : a;
    }
    const position = positionOf.get(reference);
    if (position === undefined) {
      throw new Error(`${series.dates[k]} 的第 ${years} 年参考时间点不在序列中：请减小参数 b 或推迟 rangeStart`);
    }
    positions.push(position);
  }
  return positions.sort((x, y) => y - x);
}

/** R's `v[from:to] <- value` with 1-based from/to (a descending range when to < from; index 0 is dropped). */
function assignRange(levels: Int32Array, from: number, to: number, value: number): void {
  const step = to >= from ? 1 : -1;
  for (let r = from; r !== to + step; r += step) {
    if (r < 0) throw new Error('历史数据不足：参考窗口超出序列起点，请减小参数 b 或 w，或推迟 rangeStart');
    if (r > 0) levels[r - 1] = value;
  }
}

/** R's `blocks()`: 0 = not used, else the seasonal level (noPeriods for the windows, 1… for the periods between). */
function seasonalLevels(length: number, positions: readonly number[], params: FarringtonParams): Int32Array {
  const { w, b, noPeriods: p } = params;
  const levels = new Int32Array(length);
  const weeks = positions.map((position) => position + 1); // R's 1-based positions, newest first
  const now = weeks[0] ?? 0;
  assignRange(levels, now - w, now, p);
  for (let i = 1; i <= b; i++) {
    const refWeek = weeks[i] ?? 0;
    assignRange(levels, refWeek - w, refWeek + w, p);
    if (p === 1) continue;
    const period = (weeks[i - 1] ?? 0) - 2 * w - 1 - refWeek;
    if (period < p - (2 * w + 1)) throw new Error(`参数 noPeriods 的值 ${p} 过大：两个参考窗口之间的时间点不够分组`);
    const length = Math.floor(period / (p - 1));
    const rest = period % (p - 1);
    let start = refWeek + w + 1;
    for (let j = 1; j <= p - 1; j++) {
      const blockLength = length + (j <= rest ? 1 : 0);
      assignRange(levels, start, start + blockLength - 1, j);
      start += blockLength;
    }
  }
  return levels;
}

interface GlmData {
  readonly response: Float64Array;
  readonly wtime: Float64Array;
  readonly levels: Int32Array;
  /** wtime of the assessed point. */
  readonly wtimeNow: number;
  readonly maxResponse: number;
}

function glmData(
  series: CountSeries,
  days: readonly number[],
  levels: Int32Array,
  k: number,
  pastExcluded: number
): GlmData {
  const included = levels.slice();
  included.fill(0, Math.max(0, k - pastExcluded), k + 1);
  const indexes: number[] = [];
  included.forEach((level, index) => {
    if (level !== 0) indexes.push(index);
  });
  const first = days[indexes[0] ?? 0] ?? 0;
  const unit = (days[1] ?? 0) - (days[0] ?? 0);
  const response = Float64Array.from(indexes, (index) => series.counts[index] ?? 0);
  return {
    response,
    wtime: Float64Array.from(indexes, (index) => ((days[index] ?? 0) - first) / unit),
    levels: Int32Array.from(indexes, (index) => levels[index] ?? 0),
    wtimeNow: ((days[k] ?? 0) - first) / unit,
    maxResponse: response.reduce((max, value) => Math.max(max, value), Number.NEGATIVE_INFINITY),
  };
}

interface Model {
  readonly fit: GlmFit;
  readonly trend: boolean;
  readonly phi: number;
  /** The dispersion that summary.glm and predict.glm see later (see fitModel). */
  readonly dispersion: number;
  /** The design row of the assessed point (its seasonal level is noPeriods). */
  readonly now: Float64Array;
}

/** Intercept, optional wtime, and treatment contrasts for the seasonal levels present (the lowest is the baseline). */
function designFor(data: GlmData, trend: boolean, params: FarringtonParams): { design: Design; now: Float64Array } {
  const factorLevels = params.noPeriods === 1 ? [] : [...new Set(data.levels)].sort((x, y) => x - y).slice(1);
  const columns = 1 + (trend ? 1 : 0) + factorLevels.length;
  const rows = data.response.length;
  const x = new Float64Array(rows * columns);
  const row = (wtime: number, level: number, target: Float64Array, offset: number): void => {
    target[offset] = 1;
    if (trend) target[offset + 1] = wtime;
    factorLevels.forEach((factorLevel, j) => {
      target[offset + columns - factorLevels.length + j] = level === factorLevel ? 1 : 0;
    });
  };
  for (let i = 0; i < rows; i++) row(data.wtime[i] ?? 0, data.levels[i] ?? 0, x, i * columns);
  const now = new Float64Array(columns);
  row(data.wtimeNow, params.noPeriods, now, 0);
  return { design: { rows, columns, x }, now };
}

/** R's max(dispersion, 1), which stays NaN when the dispersion is. */
function overdispersion(fit: GlmFit): number {
  return Number.isNaN(fit.dispersion) ? Number.NaN : Math.max(fit.dispersion, 1);
}

/** R's algo.farrington.fitGLM.flexible: fit (without trend if that fails to converge), then reweight once. */
function fitModel(data: GlmData, trend: boolean, params: FarringtonParams): Model | undefined {
  let used = designFor(data, trend, params);
  let fit = fitQuasiPoisson(used.design, data.response);
  let withTrend = trend;
  if (!fit.converged && trend) {
    withTrend = false;
    used = designFor(data, false, params);
    fit = fitQuasiPoisson(used.design, data.response);
  }
  if (!fit.converged) return undefined;
  let phi = overdispersion(fit);
  if (params.reweight) {
    const hat = hatValues(fit, used.design);
    const residuals = data.response.map((y, i) => {
      const mu = fit.fitted[i] ?? 0;
      return (1.5 * (y ** (2 / 3) * mu ** (-1 / 6) - mu ** (1 / 2))) / Math.sqrt(phi * (1 - (hat[i] ?? 0)));
    });
    const outlying = (s: number): boolean => s > params.weightsThreshold;
    const total = residuals.reduce((sum, s) => sum + (outlying(s) ? s ** -2 : 1), 0);
    const gamma = residuals.length / total;
    const omega = residuals.map((s) => (outlying(s) ? gamma * s ** -2 : gamma));
    // As in R, the reweighted fit is used whether or not it converged.
    fit = fitQuasiPoisson(used.design, data.response, omega);
    phi = overdispersion(fit);
    // R then overwrites model$weights (the working weights) with omega, so the later summary.glm (trend p-value) and
    // predict.glm (standard error) compute the dispersion as Σ ω·((y − μ)/μ)² / df; reproduced for identical results.
    const reweighted = fit;
    const sum = omega.reduce((total, weight, i) => {
      const mu = reweighted.fitted[i] ?? 0;
      const residual = ((data.response[i] ?? 0) - mu) / mu;
      return weight > 0 ? total + weight * residual * residual : total;
    }, 0);
    return { fit, trend: withTrend, phi, dispersion: sum / fit.dfResidual, now: used.now };
  }
  return { fit, trend: withTrend, phi, dispersion: fit.dispersion, now: used.now };
}

function linearPredictor(model: Model): { eta: number; se: number } {
  let eta = 0;
  model.now.forEach((value, c) => {
    eta += value * (model.fit.coefficients[c] ?? 0);
  });
  // predict.glm scales by summary.glm's dispersion, not by phi = max(dispersion, 1).
  return { eta, se: Math.sqrt(model.dispersion * quadraticForm(model.fit, model.now)) };
}

/** R's algo.farrington.glm: keep the trend only if significant, b ≥ 3 and not predicting above every past count. */
function finalModel(data: GlmData, params: FarringtonParams): Model | undefined {
  const model = fitModel(data, params.trend, params);
  if (model === undefined || !model.trend) return model;
  const { eta } = linearPredictor(model);
  const fit = model.fit;
  const variance = model.dispersion * (fit.unscaledCovariance[fit.coefficients.length + 1] ?? Number.NaN);
  const pValue = studentTwoSidedPValue((fit.coefficients[1] ?? Number.NaN) / Math.sqrt(variance), fit.dfResidual);
  const keep = params.b >= 3 && pValue < params.pThresholdTrend && inverseLogLink(eta) <= data.maxResponse;
  return keep ? model : fitModel(data, false, params);
}

/** Upper bound and R's exceedance score (observed − prediction) / (upper bound − prediction). */
function threshold(model: Model, observed: number, params: FarringtonParams): { upper: number; score: number } {
  const { eta, se } = linearPredictor(model);
  const z = normalQuantile(1 - params.alpha);
  switch (params.thresholdMethod) {
    case 'delta': {
      const mu0 = inverseLogLink(eta);
      const seFit = se * mu0;
      const tau = model.phi + (seFit * seFit) / mu0;
      const [spread, exponent] = transformed(params.powertrans, mu0, tau);
      const a = (mu0 ** exponent - z * spread) ** (1 / exponent);
      const b = (mu0 ** exponent + z * spread) ** (1 / exponent);
      // R sorts the pair with NaN first and takes the second element.
      const upper = Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b);
      return { upper, score: (observed - mu0) / (upper - mu0) };
    }
    case 'nbPlugin':
    case 'muan': {
      const mean = params.thresholdMethod === 'nbPlugin' ? Math.exp(eta) : Math.exp(eta + se * z);
      if (mean === Number.POSITIVE_INFINITY) return { upper: Number.NaN, score: Number.NaN };
      const upper =
        model.phi > 1
          ? negativeBinomialQuantile(1 - params.alpha, mean / (model.phi - 1), 1 / model.phi)
          : poissonQuantile(1 - params.alpha, mean);
      // R's score here subtracts the linear predictor, not the mean; kept for identical alarms.
      return { upper, score: (observed - eta) / (upper - eta) };
    }
  }
}

/** The standard deviation on the transformed scale and the exponent of the power transformation. */
function transformed(powertrans: FarringtonParams['powertrans'], mu0: number, tau: number): [number, number] {
  switch (powertrans) {
    case 'none':
      return [Math.sqrt(mu0 * tau), 1];
    case '1/2':
      return [Math.sqrt((1 / 4) * tau), 1 / 2];
    case '2/3':
      return [Math.sqrt((4 / 9) * mu0 ** (1 / 3) * tau), 2 / 3];
  }
}

/**
 * Assesses every point from `rangeStart` (default: the first with b years and w weeks of history, R's default range)
 * to the end. The upper bound is NaN when fewer than limit54[0] cases fell in the last limit54[1] points (no alarm is
 * then possible) or when the model did not converge.
 */
export function farringtonFlexible(series: CountSeries, params: FarringtonParams): DetectionPoint[] {
  if (series.frequency !== params.frequency) {
    throw new Error(`参数 frequency 的值 ${params.frequency} 与序列的频率 ${series.frequency} 不符`);
  }
  const days = series.dates.map(dayNumber);
  const positionOf = new Map(days.map((day, index) => [day, index]));
  const start = firstAssessedIndex(series, params.rangeStart, series.frequency * params.b + params.w);
  const [minimumCases, recentPoints] = params.limit54;
  const points: DetectionPoint[] = [];
  for (let k = start; k < series.counts.length; k++) {
    const observed = series.counts[k] ?? 0;
    const date = series.dates[k] ?? '';
    const positions = referencePositions(series, days, positionOf, k, params.b);
    const levels = seasonalLevels(series.counts.length, positions, params);
    const data = glmData(series, days, levels, k, params.pastWeeksNotIncluded);
    const model = finalModel(data, params);
    if (model === undefined) {
      points.push({ date, observed, upperbound: Number.NaN, alarm: false });
      continue;
    }
    const { upper, score } = threshold(model, observed, params);
    let recent = 0;
    for (let i = Math.max(0, k - recentPoints + 1); i <= k; i++) recent += series.counts[i] ?? 0;
    const enoughCases = recent >= minimumCases;
    points.push({
      date,
      observed,
      upperbound: enoughCases ? upper : Number.NaN,
      alarm: enoughCases && score > 1 && observed !== 0,
    });
  }
  return points;
}
