import type { Attribute, Comparator, CountyPlan, IndicatorSource } from '@chp/core';

/** One row of `chp plan export --format json`: the interface other tools read. */
export interface PlanExportRow {
  id: string;
  countyCode: string;
  seq: string | null;
  name: string;
  domain: string | null;
  unit: string | null;
  baseline: number | null;
  baselineText: string | null;
  baselineYear: number | null;
  target: string;
  comparator: Comparator;
  targetValue: number | null;
  targetYear: number;
  attribute: Attribute | null;
  source: IndicatorSource;
  seedFile: string;
  line: number;
  quote: string;
  standardCode: string | null;
  note: string | null;
}

export function toPlanExport(plan: CountyPlan): PlanExportRow[] {
  return plan.indicators.map((indicator) => ({
    id: indicator.id,
    countyCode: plan.countyCode,
    seq: indicator.seq,
    name: indicator.name,
    domain: indicator.domain,
    unit: indicator.unit,
    baseline: indicator.baseline,
    baselineText: indicator.baselineText,
    baselineYear: indicator.baselineYear,
    target: indicator.target,
    comparator: indicator.comparator,
    targetValue: indicator.targetValue,
    targetYear: indicator.targetYear,
    attribute: indicator.attribute,
    source: indicator.source,
    seedFile: plan.seedFile,
    line: indicator.line,
    quote: indicator.quote,
    standardCode: indicator.standardCode,
    note: indicator.note ?? null,
  }));
}
