/** Loads everything a county's indicator summaries need in a constant number of queries. */
import type { IndicatorSummary } from '@chp/core';
import type { Db } from '@chp/db';
import { approvedCountySeries, listRegionalReferences } from '@chp/db';
import { linkComputed } from './computed-values.js';
import type { ComputedCache, LinkedComputation, RegisterComputation } from './computed-values.js';
import { summarizeIndicators } from './indicator-summary.js';
import type { SummaryInputs } from './indicator-summary.js';
import type { PlanCache } from './plan-cache.js';

export async function loadSummaryInputs(db: Db, cache: PlanCache, countyCode: string): Promise<SummaryInputs> {
  const [data, series, references] = await Promise.all([
    cache.county(countyCode),
    approvedCountySeries(db, [countyCode]),
    listRegionalReferences(db, countyCode),
  ]);
  return { data, series, references };
}

/** `computation`: what the registers give for the county and `year` (ComputedCache). */
export async function countyIndicatorSummaries(
  db: Db,
  cache: PlanCache,
  countyCode: string,
  year: number,
  computation: RegisterComputation
): Promise<IndicatorSummary[]> {
  const inputs = await loadSummaryInputs(db, cache, countyCode);
  return summarizeIndicators(cache, inputs, year, linkComputed(inputs.data.indicators, computation, countyCode));
}

/** The county's plan indicators linked to the registers' values for `year`, by indicator id. */
export async function countyComputedValues(
  cache: PlanCache,
  computed: ComputedCache,
  countyCode: string,
  year: number
): Promise<Map<string, LinkedComputation>> {
  const [data, computation] = await Promise.all([cache.county(countyCode), computed.get(countyCode, year)]);
  return linkComputed(data.indicators, computation, countyCode);
}

/** The year a dashboard shows by default: last year, kept within the plan period. */
export function defaultYear(period: { start: number; end: number } | null, now: Date = new Date()): number {
  const last = now.getFullYear() - 1;
  if (!period) {
    return last;
  }
  return Math.min(Math.max(last, period.start), period.end);
}
