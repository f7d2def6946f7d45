import { INDICATOR_STATUSES } from '@chp/core';
import type { IndicatorStatus, IndicatorSummary, RegisterValue } from '@chp/core';
import type { EvaluationReportInput } from './report-model.js';
import { valueInYear } from './format.js';

/** Facts both the Word report and the Excel annex state, computed once so they cannot disagree. */
export interface ReportSummary {
  total: number;
  tableCount: number;
  proseCount: number;
  statusCounts: Record<IndicatorStatus, number>;
  /** Indicators with an approved value in the report year itself. */
  withValueInYear: number;
  /** Indicators evaluated on a value carried forward from an earlier year. */
  withEarlierValue: number;
  /** Indicators without an approved value in the report year, evaluated on the value computed from the registers. */
  withComputedValue: number;
  /** Indicators with a value computed from the registers for the report year, in plan order. */
  computed: (IndicatorSummary & { computed: RegisterValue })[];
  binding: IndicatorSummary[];
  bindingAlerts: IndicatorSummary[];
  /** Off-track indicators first, then at-risk ones, each in plan order. */
  lagging: IndicatorSummary[];
  /** Indicators grouped by domain, domains in plan order. */
  domains: { domain: string; indicators: IndicatorSummary[] }[];
}

const NO_DOMAIN = '其他';

export function summarizeReport(input: EvaluationReportInput): ReportSummary {
  const statusCounts = Object.fromEntries(INDICATOR_STATUSES.map((status) => [status, 0])) as Record<
    IndicatorStatus,
    number
  >;
  const domains = new Map<string, IndicatorSummary[]>();
  let withValueInYear = 0;
  let withEarlierValue = 0;
  let withComputedValue = 0;
  for (const indicator of input.indicators) {
    statusCounts[indicator.evaluation.status] += 1;
    if (valueInYear(indicator, input.year) !== null) withValueInYear += 1;
    else if (indicator.evaluation.valueSource === 'computed') withComputedValue += 1;
    else if (indicator.evaluation.value !== null) withEarlierValue += 1;
    const domain = indicator.domain ?? NO_DOMAIN;
    domains.set(domain, [...(domains.get(domain) ?? []), indicator]);
  }
  const withStatus = (status: IndicatorStatus): IndicatorSummary[] =>
    input.indicators.filter((indicator) => indicator.evaluation.status === status);
  return {
    total: input.indicators.length,
    tableCount: input.indicators.filter((indicator) => indicator.source === 'table').length,
    proseCount: input.indicators.filter((indicator) => indicator.source === 'prose').length,
    statusCounts,
    withValueInYear,
    withEarlierValue,
    withComputedValue,
    computed: input.indicators.filter(
      (indicator): indicator is IndicatorSummary & { computed: RegisterValue } =>
        indicator.computed !== undefined && indicator.computed.value !== null
    ),
    binding: input.indicators.filter((indicator) => indicator.attribute === '约束性'),
    bindingAlerts: input.indicators.filter((indicator) => indicator.evaluation.bindingAlert),
    lagging: [...withStatus('off_track'), ...withStatus('at_risk')],
    domains: [...domains].map(([domain, indicators]) => ({ domain, indicators })),
  };
}
