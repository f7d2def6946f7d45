import { describe, expect, it } from 'vitest';
import { addDays } from '../health/date-arithmetic.js';
import { detect } from './detect.js';
import { FIXTURE_SERIES, differencesFromR, fixtureResult, fixtureSeries } from './r-fixtures.js';

describe('detect', () => {
  it.each([
    ['ears-c1', 'ears-c1'],
    ['ears-c2', 'ears-c2'],
    ['ears-c3', 'ears-c3'],
    ['cusum', 'cusum'],
  ] as const)('dispatches %s to the R-parity implementation', (method, fixture) => {
    for (const name of FIXTURE_SERIES) {
      const series = fixtureSeries(name);
      const points = detect(method, series, { frequency: series.frequency });
      expect(differencesFromR(points, fixtureResult(`${name}-${fixture}.csv`))).toEqual([]);
    }
  });

  it('dispatches moving-percentile and farrington on four years of weekly counts', () => {
    const counts = Array.from({ length: 4 * 52 }, (_, index) => 5 + (index % 4));
    counts[counts.length - 1] = 30;
    const dates = counts.map((_, index) => addDays('2020-01-06', 7 * index));
    const series = { dates, counts, frequency: 52 } as const;
    for (const method of ['moving-percentile', 'farrington'] as const) {
      const points = detect(method, series, {});
      expect(points[points.length - 1]).toMatchObject({ date: dates[dates.length - 1], observed: 30, alarm: true });
    }
  });

  it('names an unknown parameter and a frequency that does not match the data', () => {
    const series = fixtureSeries('daily-sparse');
    expect(() => detect('ears-c1', series, { percentile: 90 })).toThrow('未知参数“percentile”：EARS C1 可用的参数为');
    expect(() => detect('cusum', series, { frequency: 52 })).toThrow(
      '参数 frequency 的值 52 与数据不符：数据为日序列（365）'
    );
  });
});
