/**
 * Alert response times (响应及时性): minutes from raising to verifying (初步核实), to verified (排除 or 确认) and to
 * closed (结案, an exclusion also closes), as median and P90 (linear interpolation, R quantile type 7) over
 * the alerts that reached the step, grouped by township (the alert's area; county-wide alerts under the
 * county code) and by facility (for alerts raised from case cards, the reporting facility of the first card).
 */
import { quantileType7 } from './moving-percentile.js';

export interface AlertTimes {
  readonly areaCode: string;
  readonly facilityId: number | null;
  readonly raisedAt: Date;
  readonly verifyingAt: Date | null;
  readonly verifiedAt: Date | null;
  readonly closedAt: Date | null;
}

export interface DurationSummary {
  /** Alerts that reached the step. */
  readonly count: number;
  readonly medianMinutes: number | null;
  readonly p90Minutes: number | null;
}

export interface ResponseMetricsRow {
  readonly key: string;
  readonly alerts: number;
  readonly toVerifying: DurationSummary;
  readonly toVerified: DurationSummary;
  readonly toClosed: DurationSummary;
}

export interface ResponseMetrics {
  readonly overall: ResponseMetricsRow;
  readonly byTownship: readonly ResponseMetricsRow[];
  readonly byFacility: readonly ResponseMetricsRow[];
}

function summarise(times: readonly AlertTimes[], step: (t: AlertTimes) => Date | null): DurationSummary {
  const minutes = times.flatMap((t) => {
    const at = step(t);
    return at ? [(at.getTime() - t.raisedAt.getTime()) / 60_000] : [];
  });
  if (minutes.length === 0) return { count: 0, medianMinutes: null, p90Minutes: null };
  return { count: minutes.length, medianMinutes: quantileType7(minutes, 0.5), p90Minutes: quantileType7(minutes, 0.9) };
}

function row(key: string, times: readonly AlertTimes[]): ResponseMetricsRow {
  return {
    key,
    alerts: times.length,
    toVerifying: summarise(times, (t) => t.verifyingAt),
    toVerified: summarise(times, (t) => t.verifiedAt),
    toClosed: summarise(times, (t) => t.closedAt),
  };
}

function grouped(times: readonly AlertTimes[], keyOf: (t: AlertTimes) => string | null): ResponseMetricsRow[] {
  const groups = new Map<string, AlertTimes[]>();
  for (const t of times) {
    const key = keyOf(t);
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => row(key, group));
}

export function responseMetrics(times: readonly AlertTimes[]): ResponseMetrics {
  return {
    overall: row('all', times),
    byTownship: grouped(times, (t) => t.areaCode),
    byFacility: grouped(times, (t) => (t.facilityId === null ? null : String(t.facilityId))),
  };
}
