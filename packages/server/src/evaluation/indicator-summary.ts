/** IndicatorSummary: an indicator with its approved county-level series and its evaluation for a year. */
import type { EvaluationOptions, IndicatorSummary, YearValue } from '@chp/core';
import { evaluateIndicator } from '@chp/core';
import type { IndicatorRecord, RegionalReferenceRecord } from '@chp/db';
import type { CountyPlanData, PlanCache } from './plan-cache.js';

export interface SummaryInputs {
  data: CountyPlanData;
  series: Map<string, YearValue[]>;
  references: RegionalReferenceRecord[];
}

/** The reference in force in `year`: the latest one at or before it, else the earliest after it. */
export function referenceFor(references: RegionalReferenceRecord[], indicatorId: string, year: number): number | null {
  const own = references.filter((r) => r.indicatorId === indicatorId).sort((a, b) => a.year - b.year);
  const before = own.filter((r) => r.year <= year);
  return (before.at(-1) ?? own[0])?.value ?? null;
}

export function evaluationOptions(
  cache: PlanCache,
  indicator: IndicatorRecord,
  references: RegionalReferenceRecord[],
  year: number
): EvaluationOptions {
  const options: EvaluationOptions = { regionalReference: referenceFor(references, indicator.id, year) };
  const direction = cache.standardDirection(indicator.standardCode);
  if (direction) {
    options.standardDirection = direction;
  }
  return options;
}

export function summarizeIndicator(
  cache: PlanCache,
  inputs: SummaryInputs,
  indicator: IndicatorRecord,
  year: number
): IndicatorSummary {
  const series = inputs.series.get(indicator.id) ?? [];
  return {
    ...indicator,
    evaluation: evaluateIndicator(
      indicator,
      series,
      year,
      evaluationOptions(cache, indicator, inputs.references, year)
    ),
    series,
    findingCount: inputs.data.findingCounts.get(indicator.id) ?? 0,
  };
}

export function summarizeIndicators(cache: PlanCache, inputs: SummaryInputs, year: number): IndicatorSummary[] {
  return inputs.data.indicators.map((indicator) => summarizeIndicator(cache, inputs, indicator, year));
}
