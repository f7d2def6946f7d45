import type { DataQualityFinding, IndicatorSummary, ProjectSummary, ReportKind } from '@chp/core';

/** Everything an evaluation report needs, already loaded: the reports package never touches the database. */
export interface EvaluationReportInput {
  kind: ReportKind;
  /** The year evaluated (2023 for the mid-term, 2025 for the final evaluation). */
  year: number;
  generatedAt: Date;
  county: { countyCode: string; name: string; provinceName: string; cityName: string };
  plan: { title: string; periodStart: number; periodEnd: number; seedFile: string };
  /** Each with its evaluation for `year` and its approved county-level values. */
  indicators: IndicatorSummary[];
  findings: DataQualityFinding[];
  projects: ProjectSummary[];
}

export const REPORT_KIND_NAMES: Record<ReportKind, string> = {
  annual: '年度监测报告',
  midterm: '中期评估报告',
  final: '终期评估报告',
};

/** The report title, e.g. "襄垣县卫生健康事业发展“十四五”规划2022年度监测报告". */
export function reportTitle(input: Pick<EvaluationReportInput, 'kind' | 'year' | 'county'>): string {
  const prefix = `${input.county.name}卫生健康事业发展“十四五”规划`;
  switch (input.kind) {
    case 'annual':
      return `${prefix}${input.year}年度监测报告`;
    case 'midterm':
    case 'final':
      return `${prefix}${REPORT_KIND_NAMES[input.kind]}`;
  }
}
