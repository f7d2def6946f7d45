import { describe, expect, it } from 'vitest';
import type { CountSeries } from './detection-types.js';
import { clusterAlarms, immediateSignal, parseClusterParams, parseImmediateSignalParams } from './fixed-threshold.js';

const dates = ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05', '2024-05-06'];

function daily(counts: number[]): CountSeries {
  return { dates: dates.slice(0, counts.length), counts, frequency: 365 };
}

describe('immediateSignal', () => {
  it('alarms on every day with a single case by default', () => {
    expect(immediateSignal(daily([0, 1, 0, 2]), parseImmediateSignalParams({})).map((point) => point.alarm)).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });

  it('takes a configurable threshold', () => {
    expect(immediateSignal(daily([1, 2]), parseImmediateSignalParams({ threshold: 2 }))).toEqual([
      { date: '2024-05-01', observed: 1, upperbound: 2, alarm: false },
      { date: '2024-05-02', observed: 2, upperbound: 2, alarm: true },
    ]);
    expect(() => parseImmediateSignalParams({ threshold: 0 })).toThrow(
      '参数 threshold 的值 0 无效：应为不小于 1 的整数'
    );
  });
});

describe('clusterAlarms', () => {
  it('alarms on each day a site has reached `cases` within `days` days', () => {
    const sites = [
      { siteId: 'school-1', series: daily([1, 2, 0, 1, 1, 0]) },
      { siteId: 'school-2', series: daily([1, 1, 1, 1, 0, 0]) },
    ];
    // school-1: 3-day windows 1, 3, 3, 3, 2, 2 and the 5-day window ending 05-05 holds 5.
    expect(clusterAlarms(sites, parseClusterParams({ cases: 3, days: 3 }))).toEqual([
      { siteId: 'school-1', date: '2024-05-02', observed: 3, upperbound: 3, alarm: true },
      { siteId: 'school-1', date: '2024-05-03', observed: 3, upperbound: 3, alarm: true },
      { siteId: 'school-1', date: '2024-05-04', observed: 3, upperbound: 3, alarm: true },
      { siteId: 'school-2', date: '2024-05-03', observed: 3, upperbound: 3, alarm: true },
      { siteId: 'school-2', date: '2024-05-04', observed: 3, upperbound: 3, alarm: true },
    ]);
    expect(clusterAlarms(sites, parseClusterParams({}))).toEqual([
      { siteId: 'school-1', date: '2024-05-05', observed: 5, upperbound: 5, alarm: true },
      { siteId: 'school-1', date: '2024-05-06', observed: 5, upperbound: 5, alarm: true },
    ]);
  });

  it('rejects weekly series and unknown parameters', () => {
    const weekly: CountSeries = { dates: ['2024-05-06'], counts: [9], frequency: 52 };
    expect(() => clusterAlarms([{ siteId: 's', series: weekly }], parseClusterParams({}))).toThrow(
      '站点 s 的序列不是日序列'
    );
    expect(() => parseClusterParams({ n: 5 })).toThrow('未知参数“n”：聚集性疫情规则 可用的参数为 cases、days');
  });
});
