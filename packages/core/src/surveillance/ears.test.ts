import { describe, expect, it } from 'vitest';
import type { CountSeries } from './detection-types.js';
import { earsC, parseEarsParams } from './ears.js';
import type { EarsMethod } from './ears.js';
import { FIXTURE_SERIES, differencesFromR, fixtureResult, fixtureSeries } from './r-fixtures.js';

function daily(counts: number[]): CountSeries {
  const dates = counts.map((_, index) => new Date(Date.UTC(2024, 0, 1 + index)).toISOString().slice(0, 10));
  return { dates, counts, frequency: 365 };
}

describe('earsC against R surveillance::earsC (fixtures/ears-cusum.R)', () => {
  for (const name of FIXTURE_SERIES) {
    for (const method of ['C1', 'C2', 'C3'] as const) {
      it(`${name} ${method} with R's defaults`, () => {
        const points = earsC(fixtureSeries(name), parseEarsParams({}, method));
        expect(differencesFromR(points, fixtureResult(`${name}-ears-${method.toLowerCase()}.csv`))).toEqual([]);
      });
    }
    it(`${name} C3 with baseline 10, alpha 0.01, minSigma 0.5 from point 20`, () => {
      const series = fixtureSeries(name);
      const params = parseEarsParams({ baseline: 10, alpha: 0.01, minSigma: 0.5, rangeStart: series.dates[19] }, 'C3');
      expect(differencesFromR(earsC(series, params), fixtureResult(`${name}-ears-c3-custom.csv`))).toEqual([]);
    });
  }

  it('the fixtures include alarms and NaN bounds, so the comparison means something', () => {
    expect(fixtureResult('daily-outbreak-ears-c1.csv').some((point) => point.alarm)).toBe(true);
    expect(fixtureResult('daily-sparse-ears-c3.csv').some((point) => Number.isNaN(point.upperbound))).toBe(true);
  });
});

describe('earsC by hand', () => {
  // Baseline 1..7: mean 4, sd √(28/6); z(0.999) = 3.090232306167813.
  const series = daily([1, 2, 3, 4, 5, 6, 7, 20]);

  it('C1 uses the 7 points before and alarms above mean + z·sd', () => {
    const [point] = earsC(series, parseEarsParams({}, 'C1'));
    expect(point?.date).toBe('2024-01-08');
    expect(point?.upperbound).toBeCloseTo(4 + 3.090232306167813 * Math.sqrt(28 / 6), 12);
    expect(point?.alarm).toBe(true);
  });

  it('assesses from rangeStart and rejects dates without enough history', () => {
    const longer = daily([1, 2, 3, 4, 5, 6, 7, 20, 3, 4, 5, 6]);
    expect(earsC(longer, parseEarsParams({ rangeStart: '2024-01-10' }, 'C2')).map((p) => p.date)).toEqual([
      '2024-01-10',
      '2024-01-11',
      '2024-01-12',
    ]);
    expect(() => earsC(longer, parseEarsParams({ rangeStart: '2024-01-08' }, 'C2'))).toThrow(
      '参数 rangeStart 的值“2024-01-08”过早：该方法需要在首个评估时间点之前有 9 个时间点的数据，最早可从 2024-01-10 开始评估'
    );
    expect(() => earsC(series, parseEarsParams({}, 'C3'))).toThrow('序列太短');
  });

  it.each<[Record<string, unknown>, EarsMethod, string]>([
    [{ baseline: 2 }, 'C1', '参数 baseline 的值 2 无效：应为不小于 3 的整数'],
    [{ alpha: 1.5 }, 'C2', '参数 alpha 的值 1.5 无效：应为大于 0 且小于 1 的数'],
    [{ minSigma: -1 }, 'C3', '参数 minSigma 的值 -1 无效：应为不小于 0 的数'],
    [{ rangeStart: '1/2/2024' }, 'C1', '参数 rangeStart 的值 "1/2/2024" 无效：应为日期，格式 YYYY-MM-DD'],
    [{ k: 1 }, 'C1', '未知参数“k”：EARS C1 可用的参数为 alpha、baseline、minSigma、rangeStart'],
  ])('rejects %j for %s', (raw, method, message) => {
    expect(() => parseEarsParams(raw, method)).toThrow(message);
  });
});
