/** Loads everything a county's indicator summaries need in a constant number of queries. */
import type { IndicatorSummary } from '@chp/core';
import type { Db } from '@chp/db';
import { approvedCountySeries, listRegionalReferences } from '@chp/db';
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

export async function countyIndicatorSummaries(
  db: Db,
  cache: PlanCache,
  countyCode: string,
  year: number
): Promise<IndicatorSummary[]> {
  return summarizeIndicators(cache, await loadSummaryInputs(db, cache, countyCode), year);
}

/** The year a dashboard shows by default: last year, kept within the plan period. */
export function defaultYear(period: { start: number; end: number } | null, now: Date = new Date()): number {
  const last = now.getFullYear() - 1;
  if (!period) {
    return last;
  }
  return Math.min(Math.max(last, period.start), period.end);
}
