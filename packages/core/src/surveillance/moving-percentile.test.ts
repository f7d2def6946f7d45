import { describe, expect, it } from 'vitest';
import { addDays } from '../health/date-arithmetic.js';
import type { CountSeries } from './detection-types.js';
import { movingPercentile, parseMovingPercentileParams, quantileType7 } from './moving-percentile.js';
import { fixtureQuantiles } from './r-fixtures.js';

function series(counts: number[], frequency: 52 | 365): CountSeries {
  const step = frequency === 365 ? 1 : 7;
  return { dates: counts.map((_, index) => addDays('2020-01-06', index * step)), counts, frequency };
}

describe('quantileType7', () => {
  it("matches R's quantile(type = 7) (fixtures/quantile-type7.csv)", () => {
    for (const { values, p, quantile } of fixtureQuantiles()) {
      expect(Math.abs(quantileType7(values, p) - quantile)).toBeLessThanOrEqual(1e-12 * Math.max(1, quantile));
    }
  });
});

describe('movingPercentile', () => {
  // Weekly counts i mod 7. The first assessable week is 158 (3 years of 52 weeks, 2 weeks either side):
  // its baseline is weeks 104–108, 52–56 and 0–4 = 6 0 1 2 3, 3 4 5 6 0, 0 1 2 3 4, sorted
  // 0 0 0 1 1 2 2 3 3 3 4 4 5 6 6; the 80th percentile is at 14 · 0.8 = 11.2: 4 + 0.2 · (5 − 4) = 4.2.
  const weekly = Array.from({ length: 160 }, (_, index) => index % 7);

  it('takes the same week and two weeks either side in each of the last three years', () => {
    const points = movingPercentile(series(weekly, 52), parseMovingPercentileParams({}));
    expect(points).toHaveLength(2);
    expect(points[0]).toMatchObject({ observed: 4, alarm: false });
    expect(points[0]?.upperbound).toBeCloseTo(4.2, 12);
    const raised = weekly.map((count, index) => (index === 158 ? 5 : count));
    expect(movingPercentile(series(raised, 52), parseMovingPercentileParams({}))[0]?.alarm).toBe(true);
    // The median (50th percentile) is the 8th of 15: 3.
    expect(movingPercentile(series(weekly, 52), parseMovingPercentileParams({ percentile: 50 }))[0]?.upperbound).toBe(
      3
    );
  });

  it('sums the last 7 days of a daily series and compares with the same 7 days a year (365 days) back', () => {
    // b = 1, w = 0: the first assessable day is 365 + 7 − 1 = 371; its baseline is days 0–6 of a series of ones.
    const daily = Array.from({ length: 373 }, (_, index) => (index === 372 ? 3 : 1));
    const points = movingPercentile(series(daily, 365), parseMovingPercentileParams({ b: 1, w: 0 }));
    expect(points.map(({ observed, upperbound, alarm }) => ({ observed, upperbound, alarm }))).toEqual([
      { observed: 7, upperbound: 7, alarm: false },
      { observed: 9, upperbound: 7, alarm: true },
    ]);
  });

  it('never alarms on an empty period', () => {
    const zeros = Array.from({ length: 160 }, () => 0);
    expect(movingPercentile(series(zeros, 52), parseMovingPercentileParams({})).some((point) => point.alarm)).toBe(
      false
    );
  });

  it.each<[Record<string, unknown>, string]>([
    [{ percentile: 100 }, '参数 percentile 的值 100 无效：应为大于 0 且小于 100 的数'],
    [{ b: 0 }, '参数 b 的值 0 无效：应为 1 到 10 之间的整数'],
    [{ w: 26 }, '参数 w 的值 26 无效：应为 0 到 25 之间的整数'],
    [{ alpha: 0.05 }, '未知参数“alpha”：移动百分位数法 可用的参数为 b、w、percentile、rangeStart'],
  ])('rejects %j', (raw, message) => {
    expect(() => parseMovingPercentileParams(raw)).toThrow(message);
  });

  it('needs b years of history', () => {
    expect(() => movingPercentile(series(weekly.slice(0, 100), 52), parseMovingPercentileParams({}))).toThrow(
      '序列太短：该方法需要在首个评估时间点之前有 158 个时间点的数据，现有 100 个时间点'
    );
  });
});
