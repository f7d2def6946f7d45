/** IndicatorSummary: an indicator with its approved county-level series and its evaluation for a year. */
import type { EvaluationOptions, IndicatorSummary, YearValue } from '@chp/core';
import { evaluateIndicator } from '@chp/core';
import type { IndicatorRecord, RegionalReferenceRecord } from '@chp/db';
import { compareWithEntered, enteredInYear } from './computed-values.js';
import type { LinkedComputation } from './computed-values.js';
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

/** `computedValue`: the county value computed from the registers for `year`, evaluated when none was entered. */
export function evaluationOptions(
  cache: PlanCache,
  indicator: IndicatorRecord,
  references: RegionalReferenceRecord[],
  year: number,
  computedValue: number | null = null
): EvaluationOptions {
  const options: EvaluationOptions = { regionalReference: referenceFor(references, indicator.id, year), computedValue };
  const direction = cache.standardDirection(indicator.standardCode);
  if (direction) {
    options.standardDirection = direction;
  }
  return options;
}

/** `computed`: the indicator's values computed from the registers for `year`, when it is linked to them. */
export function summarizeIndicator(
  cache: PlanCache,
  inputs: SummaryInputs,
  indicator: IndicatorRecord,
  year: number,
  computed: LinkedComputation | undefined
): IndicatorSummary {
  const series = inputs.series.get(indicator.id) ?? [];
  const county = computed && compareWithEntered(computed.county, enteredInYear(series, year));
  return {
    ...indicator,
    evaluation: evaluateIndicator(
      indicator,
      series,
      year,
      evaluationOptions(cache, indicator, inputs.references, year, county?.value)
    ),
    series,
    findingCount: inputs.data.findingCounts.get(indicator.id) ?? 0,
    ...(county ? { computed: county } : {}),
  };
}

export function summarizeIndicators(
  cache: PlanCache,
  inputs: SummaryInputs,
  year: number,
  computed: ReadonlyMap<string, LinkedComputation>
): IndicatorSummary[] {
  return inputs.data.indicators.map((indicator) =>
    summarizeIndicator(cache, inputs, indicator, year, computed.get(indicator.id))
  );
}
