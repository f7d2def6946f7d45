/**
 * Fixed-threshold rules, pure functions over counts:
 * - immediate signal: for a disease whose `immediate` flag is set (甲类, 乙类按甲类管理, or listed locally), every
 *   day with count ≥ `threshold` (default 1, a single case) alarms;
 * - cluster rule (聚集性疫情): at one site such as a school, `cases` (default 5) or more cases within `days`
 *   (default 7) consecutive days, the day itself included, alarm on that day.
 */
import { checkParamNames, readInteger } from './detection-params.js';
import type { RawParams } from './detection-params.js';
import type { CountSeries, DetectionPoint } from './detection-types.js';

export interface ImmediateSignalParams {
  readonly threshold: number;
}

export function parseImmediateSignalParams(raw: RawParams): ImmediateSignalParams {
  checkParamNames(raw, ['threshold'], '立即预警');
  return { threshold: readInteger(raw, 'threshold', 1, 1, Number.POSITIVE_INFINITY) };
}

/** Every point of the series, alarming when its count reaches the threshold. */
export function immediateSignal(series: CountSeries, params: ImmediateSignalParams): DetectionPoint[] {
  return series.counts.map((observed, index) => ({
    date: series.dates[index] ?? '',
    observed,
    upperbound: params.threshold,
    alarm: observed >= params.threshold,
  }));
}

export interface ClusterParams {
  readonly cases: number;
  readonly days: number;
}

export function parseClusterParams(raw: RawParams): ClusterParams {
  checkParamNames(raw, ['cases', 'days'], '聚集性疫情规则');
  return {
    cases: readInteger(raw, 'cases', 5, 1, Number.POSITIVE_INFINITY),
    days: readInteger(raw, 'days', 7, 1, 366),
  };
}

/** Daily counts at one site. */
export interface SiteCounts {
  readonly siteId: string;
  readonly series: CountSeries;
}

export interface ClusterAlarm extends DetectionPoint {
  readonly siteId: string;
}

/** The alarming days of every site: observed = cases in the `days` days ending that day, upperbound = `cases`. */
export function clusterAlarms(sites: readonly SiteCounts[], params: ClusterParams): ClusterAlarm[] {
  const alarms: ClusterAlarm[] = [];
  for (const { siteId, series } of sites) {
    if (series.frequency !== 365) {
      throw new Error(`站点 ${siteId} 的序列不是日序列：聚集性疫情规则按日计数`);
    }
    let windowSum = 0;
    series.counts.forEach((count, index) => {
      // Before the first full window the index is negative: nothing leaves it.
      windowSum += count - (series.counts[index - params.days] ?? 0);
      if (windowSum >= params.cases) {
        alarms.push({
          siteId,
          date: series.dates[index] ?? '',
          observed: windowSum,
          upperbound: params.cases,
          alarm: true,
        });
      }
    });
  }
  return alarms;
}
