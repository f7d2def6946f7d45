/** The control parameters of the improved Farrington method, named as in R's `farringtonFlexible(control = …)`. */
import type { RawParams } from './detection-params.js';
import { readInteger, readNumber, readProbability, readRangeStart } from './detection-params.js';

export type FarringtonPowerTransform = '2/3' | '1/2' | 'none';
export type FarringtonThresholdMethod = 'delta' | 'nbPlugin' | 'muan';

export interface FarringtonParams {
  /** Years of history. */
  readonly b: number;
  /** Half-width of the window around the reference weeks. */
  readonly w: number;
  readonly reweight: boolean;
  readonly weightsThreshold: number;
  readonly alpha: number;
  readonly trend: boolean;
  readonly pThresholdTrend: number;
  /** No alarm unless at least limit54[0] cases in the last limit54[1] time points. */
  readonly limit54: readonly [number, number];
  readonly powertrans: FarringtonPowerTransform;
  readonly noPeriods: number;
  readonly pastWeeksNotIncluded: number;
  readonly thresholdMethod: FarringtonThresholdMethod;
  readonly frequency: 52 | 365;
  readonly rangeStart: string | undefined;
}

export const FARRINGTON_PARAM_NAMES: readonly string[] = [
  'b',
  'w',
  'reweight',
  'weightsThreshold',
  'alpha',
  'trend',
  'pThresholdTrend',
  'limit54',
  'powertrans',
  'noPeriods',
  'pastWeeksNotIncluded',
  'thresholdMethod',
  'frequency',
  'rangeStart',
];

function readBoolean(raw: RawParams, name: string, fallback: boolean): boolean {
  const value = raw[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean')
    throw new Error(`参数 ${name} 的值 ${JSON.stringify(value)} 无效：应为 true 或 false`);
  return value;
}

function readChoice<T extends string>(raw: RawParams, name: string, fallback: T, choices: readonly T[]): T {
  const value = raw[name];
  if (value === undefined) return fallback;
  const choice = choices.find((candidate) => candidate === value);
  if (choice === undefined) {
    throw new Error(
      `参数 ${name} 的值 ${JSON.stringify(value)} 无效：应为 ${choices.map((c) => `“${c}”`).join('、')} 之一`
    );
  }
  return choice;
}

function readLimit54(raw: RawParams): readonly [number, number] {
  const value = raw.limit54;
  if (value === undefined) return [5, 4];
  const [cases, period] = Array.isArray(value) ? (value as unknown[]) : [];
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof cases !== 'number' ||
    typeof period !== 'number' ||
    !Number.isInteger(cases) ||
    !Number.isInteger(period) ||
    cases < 0 ||
    period < 1
  ) {
    throw new Error(
      `参数 limit54 的值 ${JSON.stringify(value)} 无效：应为两个整数 [病例数, 时间点数]，病例数不小于 0，时间点数不小于 1`
    );
  }
  return [cases, period];
}

/** Validates `raw` (defaults as listed in FarringtonParams; b = 3); throws an Error with a Chinese message naming the bad parameter. */
export function parseFarringtonParams(raw: RawParams, frequency: 52 | 365): FarringtonParams {
  const given = raw.frequency;
  if (given !== undefined && given !== frequency) {
    throw new Error(`参数 frequency 的值 ${JSON.stringify(given)} 无效：序列的频率为 ${frequency}`);
  }
  const w = readInteger(raw, 'w', 3, 0, 26);
  return {
    b: readInteger(raw, 'b', 3, 1, 20),
    w,
    reweight: readBoolean(raw, 'reweight', true),
    weightsThreshold: readNumber(raw, 'weightsThreshold', 2.58, (value) => value > 0, '大于 0 的数'),
    alpha: readProbability(raw, 'alpha', 0.05),
    trend: readBoolean(raw, 'trend', true),
    pThresholdTrend: readProbability(raw, 'pThresholdTrend', 0.05),
    limit54: readLimit54(raw),
    powertrans: readChoice<FarringtonPowerTransform>(raw, 'powertrans', '2/3', ['2/3', '1/2', 'none']),
    noPeriods: readInteger(raw, 'noPeriods', 1, 1, 52),
    pastWeeksNotIncluded: readInteger(raw, 'pastWeeksNotIncluded', w, 0, frequency),
    thresholdMethod: readChoice<FarringtonThresholdMethod>(raw, 'thresholdMethod', 'delta', [
      'delta',
      'nbPlugin',
      'muan',
    ]),
    frequency,
    rangeStart: readRangeStart(raw),
  };
}
