/** Hand validation of detection parameters (core has no dependencies): each failure is an Error with a Chinese message. */
import type { CountSeries } from './detection-types.js';

export type RawParams = Record<string, unknown>;

/** Rejects any parameter not in `allowed`, naming it and the accepted names. */
export function checkParamNames(raw: RawParams, allowed: readonly string[], method: string): void {
  for (const name of Object.keys(raw)) {
    if (!allowed.includes(name)) {
      const accepted = allowed.length === 0 ? '该方法没有参数' : `可用的参数为 ${allowed.join('、')}`;
      throw new Error(`未知参数“${name}”：${method} ${accepted}`);
    }
  }
}

/** A numeric parameter, `fallback` when absent; `valid` and `requirement` (e.g. "大于 0 的数") describe the accepted values. */
export function readNumber(
  raw: RawParams,
  name: string,
  fallback: number,
  valid: (value: number) => boolean,
  requirement: string
): number {
  const value = raw[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || !valid(value)) {
    throw new Error(`参数 ${name} 的值 ${JSON.stringify(value)} 无效：应为${requirement}`);
  }
  return value;
}

/** An integer parameter in [min, max]. */
export function readInteger(raw: RawParams, name: string, fallback: number, min: number, max: number): number {
  const requirement = max === Number.POSITIVE_INFINITY ? `不小于 ${min} 的整数` : ` ${min} 到 ${max} 之间的整数`;
  return readNumber(
    raw,
    name,
    fallback,
    (value) => Number.isInteger(value) && value >= min && value <= max,
    requirement
  );
}

/** A probability strictly between 0 and 1, such as `alpha`. */
export function readProbability(raw: RawParams, name: string, fallback: number): number {
  return readNumber(raw, name, fallback, (value) => value > 0 && value < 1, '大于 0 且小于 1 的数');
}

/** `rangeStart` (a date of the series) when given, else undefined; checks its form only. */
export function readRangeStart(raw: RawParams): string | undefined {
  const value = raw.rangeStart;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new Error(`参数 rangeStart 的值 ${JSON.stringify(value)} 无效：应为日期，格式 YYYY-MM-DD`);
  }
  return value;
}

/**
 * The index of the first assessed point: `rangeStart`'s index, or `firstAssessable` (the first point with enough
 * history) when it is absent. Throws when the series is too short or `rangeStart` is not a date of the series or too early.
 */
export function firstAssessedIndex(
  series: CountSeries,
  rangeStart: string | undefined,
  firstAssessable: number
): number {
  const needed = `该方法需要在首个评估时间点之前有 ${firstAssessable} 个时间点的数据`;
  if (series.dates.length <= firstAssessable) {
    throw new Error(`序列太短：${needed}，现有 ${series.dates.length} 个时间点`);
  }
  if (rangeStart === undefined) return firstAssessable;
  const index = series.dates.indexOf(rangeStart);
  if (index < 0) {
    throw new Error(
      `参数 rangeStart 的值“${rangeStart}”不在序列中：序列为 ${series.dates[0]} 至 ${series.dates[series.dates.length - 1]}`
    );
  }
  if (index < firstAssessable) {
    throw new Error(
      `参数 rangeStart 的值“${rangeStart}”过早：${needed}，最早可从 ${series.dates[firstAssessable]} 开始评估`
    );
  }
  return index;
}
