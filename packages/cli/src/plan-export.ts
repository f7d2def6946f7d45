import type { CountyPlan, PlanIndicator } from '@chp/core';

/**
 * One row of `chp plan export --format json`, the interface other tools read: the transcribed indicator
 * (name, unit, baseline, baselineYear, target as written, comparator, targetValue, attribute, source,
 * line …) with its county and seed file, and `note` always present.
 */
export type PlanExportRow = Omit<PlanIndicator, 'note'> & { countyCode: string; seedFile: string; note: string | null };

export function toPlanExport(plan: CountyPlan): PlanExportRow[] {
  return plan.indicators.map((indicator) => ({
    ...indicator,
    countyCode: plan.countyCode,
    seedFile: plan.seedFile,
    note: indicator.note ?? null,
  }));
}
