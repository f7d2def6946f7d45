import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CountSeries, DetectionPoint } from './detection-types.js';
import { farringtonFlexible, parseFarringtonParams } from './farrington-flexible.js';
import { differencesFromR } from './r-fixtures.js';

/** The controls of fixtures/farrington.R, by name. */
const CONTROLS: Record<string, Record<string, unknown>> = {
  default: {},
  notrend: { trend: false },
  none: { powertrans: 'none' },
  half: { powertrans: '1/2' },
  periods10: { noPeriods: 10 },
  noufaily: { noPeriods: 10, pastWeeksNotIncluded: 26 },
  alpha01: { alpha: 0.01 },
  b5w2: { b: 5, w: 2 },
  noreweight: { reweight: false, limit54: [0, 4] },
  nbPlugin: { thresholdMethod: 'nbPlugin' },
  muan: { thresholdMethod: 'muan', noPeriods: 10 },
};

function csvRows(file: string): string[][] {
  return readFileSync(new URL(`fixtures/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}

const series = new Map<string, CountSeries>();
for (const [name = '', frequency, date = '', count] of csvRows('farrington-input.csv')) {
  const existing = series.get(name) ?? { dates: [], counts: [], frequency: frequency === '365' ? 365 : 52 };
  series.set(name, { ...existing, dates: [...existing.dates, date], counts: [...existing.counts, Number(count)] });
}
const expected = new Map<string, DetectionPoint[]>();
for (const [name, control, date = '', observed, upperbound, alarm] of csvRows('farrington-output.csv')) {
  const key = `${name} ${control}`;
  expected.set(key, [
    ...(expected.get(key) ?? []),
    {
      date,
      observed: Number(observed),
      upperbound: upperbound === 'NA' ? Number.NaN : Number(upperbound),
      alarm: alarm === 'TRUE',
    },
  ]);
}

describe('farringtonFlexible', () => {
  it.each([...expected.keys()])('matches R for %s', (key) => {
    const [name = '', control = ''] = key.split(' ');
    const input = series.get(name);
    if (input === undefined) throw new Error(`no series ${name}`);
    const result = farringtonFlexible(input, parseFarringtonParams(CONTROLS[control] ?? {}, input.frequency));
    expect(differencesFromR(result, expected.get(key) ?? [])).toEqual([]);
  });
});

describe('parseFarringtonParams', () => {
  it('fills the defaults (b = 3, pastWeeksNotIncluded = w)', () => {
    expect(parseFarringtonParams({ w: 2 }, 52)).toEqual({
      b: 3,
      w: 2,
      reweight: true,
      weightsThreshold: 2.58,
      alpha: 0.05,
      trend: true,
      pThresholdTrend: 0.05,
      limit54: [5, 4],
      powertrans: '2/3',
      noPeriods: 1,
      pastWeeksNotIncluded: 2,
      thresholdMethod: 'delta',
      frequency: 52,
      rangeStart: undefined,
    });
  });

  it.each([
    [{ b: 0 }, '参数 b 的值 0 无效'],
    [{ alpha: 1.5 }, '参数 alpha 的值 1.5 无效'],
    [{ reweight: 'yes' }, '参数 reweight 的值 "yes" 无效'],
    [{ powertrans: '3/4' }, '参数 powertrans 的值 "3/4" 无效'],
    [{ thresholdMethod: 'exact' }, '参数 thresholdMethod 的值 "exact" 无效'],
    [{ limit54: [5] }, '参数 limit54 的值 [5] 无效'],
    [{ frequency: 365 }, '参数 frequency 的值 365 无效'],
    [{ rangeStart: '2020/01/01' }, '参数 rangeStart 的值 "2020/01/01" 无效'],
  ])('rejects %j', (raw, message) => {
    expect(() => parseFarringtonParams(raw, 52)).toThrow(message);
  });
});

describe('farringtonFlexible range', () => {
  const weekly = series.get('seasonal');
  if (weekly === undefined) throw new Error('no seasonal series');

  it('starts at rangeStart and refuses a start without b years of history', () => {
    const start = weekly.dates[200] ?? '';
    const result = farringtonFlexible(weekly, parseFarringtonParams({ rangeStart: start }, 52));
    expect(result[0]?.date).toBe(start);
    expect(result).toEqual(farringtonFlexible(weekly, parseFarringtonParams({}, 52)).slice(200 - 159));
    expect(() => farringtonFlexible(weekly, parseFarringtonParams({ rangeStart: weekly.dates[100] }, 52))).toThrow(
      '参数 rangeStart 的值'
    );
  });
});
