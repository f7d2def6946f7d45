/**
 * Per-county plan data that only changes when a plan is (re)loaded: the indicator list and the plan's
 * data-quality findings (core checkPlan). Kept in memory so a dashboard costs a constant few queries.
 */
import type { CountyPlan, CountySummary, DataQualityFinding, StandardIndicator } from '@chp/core';
import { checkPlan } from '@chp/core';
import type { Db, IndicatorRecord } from '@chp/db';
import { getCountyPlan, listCountyIndicators, listCountySummaries, listProjects, readCatalog } from '@chp/db';

export interface CountyPlanData {
  countyCode: string;
  /** Null when the county is not installed. */
  county: CountySummary | null;
  /** Null when the county is installed but has no plan loaded. */
  plan: { title: string; seedFile: string; start: number; end: number } | null;
  indicators: IndicatorRecord[];
  indicatorsById: Map<string, IndicatorRecord>;
  findings: DataQualityFinding[];
  findingCounts: Map<string, number>;
}

export class PlanCache {
  private readonly db: Db;
  private readonly counties = new Map<string, Promise<CountyPlanData>>();
  private catalogCache: StandardIndicator[] | undefined;

  constructor(db: Db) {
    this.db = db;
  }

  catalog(): StandardIndicator[] {
    this.catalogCache ??= readCatalog();
    return this.catalogCache;
  }

  /** The catalog direction (which way is better) of a standard indicator code. */
  standardDirection(code: string | null): 'up' | 'down' | undefined {
    return code === null ? undefined : this.catalog().find((entry) => entry.code === code)?.direction;
  }

  county(countyCode: string): Promise<CountyPlanData> {
    let entry = this.counties.get(countyCode);
    if (!entry) {
      entry = this.load(countyCode);
      // A failed load must not poison the cache.
      entry.catch(() => this.counties.delete(countyCode));
      this.counties.set(countyCode, entry);
    }
    return entry;
  }

  invalidate(countyCode: string): void {
    this.counties.delete(countyCode);
  }

  private async load(countyCode: string): Promise<CountyPlanData> {
    const [[county], period, indicators, projects] = await Promise.all([
      listCountySummaries(this.db, [countyCode]),
      getCountyPlan(this.db, countyCode),
      listCountyIndicators(this.db, countyCode),
      listProjects(this.db, countyCode),
    ]);
    const plan = period
      ? { title: period.title, seedFile: period.seedFile, start: period.start, end: period.end }
      : null;
    const findings =
      period === undefined
        ? []
        : checkPlan(
            {
              countyCode,
              countyName: '',
              title: period.title,
              seedFile: period.seedFile,
              period: { start: period.start, end: period.end },
              indicators,
              projects,
            } satisfies CountyPlan,
            this.catalog()
          );
    const findingCounts = new Map<string, number>();
    for (const finding of findings) {
      if (finding.indicatorId !== null) {
        findingCounts.set(finding.indicatorId, (findingCounts.get(finding.indicatorId) ?? 0) + 1);
      }
    }
    return {
      countyCode,
      county: county ?? null,
      plan,
      indicators,
      indicatorsById: new Map(indicators.map((i) => [i.id, i])),
      findings,
      findingCounts,
    };
  }
}
