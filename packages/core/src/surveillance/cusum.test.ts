import { describe, expect, it } from 'vitest';
import { cusum, parseCusumParams } from './cusum.js';
import type { CountSeries } from './detection-types.js';
import { FIXTURE_SERIES, differencesFromR, fixtureResult, fixtureSeries } from './r-fixtures.js';

describe('cusum against R surveillance::algo.cusum (fixtures/ears-cusum.R)', () => {
  for (const name of FIXTURE_SERIES) {
    it(`${name} with R's defaults from point 8`, () => {
      const points = cusum(fixtureSeries(name), parseCusumParams({}));
      expect(differencesFromR(points, fixtureResult(`${name}-cusum.csv`))).toEqual([]);
    });
    it(`${name} with k 0.5, h 4 from point 30`, () => {
      const series = fixtureSeries(name);
      const points = cusum(series, parseCusumParams({ k: 0.5, h: 4, rangeStart: series.dates[29] }));
      expect(differencesFromR(points, fixtureResult(`${name}-cusum-custom.csv`))).toEqual([]);
    });
  }

  it('the fixtures include alarms', () => {
    expect(fixtureResult('daily-outbreak-cusum.csv').some((point) => point.alarm)).toBe(true);
  });
});

describe('cusum by hand', () => {
  const series: CountSeries = {
    dates: ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06'],
    counts: [4, 4, 4, 4, 9, 4],
    frequency: 365,
  };

  it('accumulates standardized excesses over k and reports the count that would alarm', () => {
    // m = 4 fixed: z = (9 − 4)/2 = 2.5, C = 2.5 − 1.04 = 1.46 < 2.26; the bound is ceil(2·(3.3 − C(t−1)) + 4).
    const points = cusum(series, parseCusumParams({ m: 4, rangeStart: '2024-01-05' }));
    expect(points).toEqual([
      { date: '2024-01-05', observed: 9, upperbound: 11, alarm: false },
      { date: '2024-01-06', observed: 4, upperbound: 8, alarm: false },
    ]);
    expect(cusum(series, parseCusumParams({ m: 4, h: 1.4, rangeStart: '2024-01-05' }))[0]?.alarm).toBe(true);
  });

  it('estimates m from every point before the first assessed one', () => {
    expect(cusum(series, parseCusumParams({ baseline: 4 }))[0]?.upperbound).toBe(Math.ceil(2 * 3.3 + 4));
  });

  it.each<[Record<string, unknown>, string]>([
    [{ k: -1 }, '参数 k 的值 -1 无效：应为不小于 0 的数'],
    [{ h: 0 }, '参数 h 的值 0 无效：应为大于 0 的数'],
    [{ m: 'glm' }, '参数 m 的值 "glm" 无效：应为大于 0 的数'],
    [{ baseline: 7, rangeStart: '2024-01-05' }, '参数 baseline 与 rangeStart 不能同时指定'],
    [{ trans: 'rossi' }, '未知参数“trans”：CUSUM 可用的参数为 k、h、m、baseline、rangeStart'],
  ])('rejects %j', (raw, message) => {
    expect(() => parseCusumParams(raw)).toThrow(message);
  });
});
