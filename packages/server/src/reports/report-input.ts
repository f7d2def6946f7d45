/**
 * Everything an evaluation report needs, loaded from the database: shared by the server's download
 * route and the CLI (`chp report`).
 */
import type { ReportKind } from '@chp/core';
import { reportYears } from '@chp/core';
import type { Db } from '@chp/db';
import { listCountySummaries, listProjects } from '@chp/db';
import type { EvaluationReportInput } from '@chp/reports';
import { ComputedCache } from '../evaluation/computed-values.js';
import { countyIndicatorSummaries } from '../evaluation/county-summaries.js';
import { PlanCache } from '../evaluation/plan-cache.js';

export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

/**
 * Loads the report input for a county. `year` defaults to the kind's year (mid-term: the middle of the
 * period, final: its last year, annual: the last plan year).
 */
export async function buildReportInput(
  db: Db,
  countyCode: string,
  kind: ReportKind,
  year?: number,
  cache: PlanCache = new PlanCache(db),
  computed: ComputedCache = new ComputedCache(db)
): Promise<EvaluationReportInput> {
  const [[county], data, projects] = await Promise.all([
    listCountySummaries(db, [countyCode]),
    cache.county(countyCode),
    listProjects(db, countyCode),
  ]);
  if (!county) {
    throw new ReportInputError(`县（区）${countyCode} 尚未安装`);
  }
  if (!data.plan) {
    throw new ReportInputError(`${county.name}尚未加载规划，无法生成评估报告`);
  }
  const period = { start: data.plan.start, end: data.plan.end };
  const reportYear = year ?? reportYears(kind, period).at(-1) ?? period.end;
  if (reportYear < period.start - 1 || reportYear > period.end) {
    throw new ReportInputError(`年份 ${reportYear} 不在规划期（${period.start}—${period.end}）内`);
  }
  return {
    kind,
    year: reportYear,
    generatedAt: new Date(),
    county: { countyCode, name: county.name, provinceName: county.provinceName, cityName: county.cityName },
    plan: { title: data.plan.title, periodStart: period.start, periodEnd: period.end, seedFile: data.plan.seedFile },
    indicators: await countyIndicatorSummaries(
      db,
      cache,
      countyCode,
      reportYear,
      await computed.get(countyCode, reportYear)
    ),
    findings: data.findings,
    projects,
  };
}
