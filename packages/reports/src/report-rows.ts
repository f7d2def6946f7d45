import type { DataQualityFinding, PlanProject, ProjectSummary } from '@chp/core';
import { DASH, formatNumber, formatPercent } from './format.js';

const SEVERITY_ORDER: Record<DataQualityFinding['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then notes; within each, in the order of the plan text. */
export function sortFindings(findings: DataQualityFinding[]): DataQualityFinding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER)
  );
}

/** Where a finding's indicator and project names are looked up: a report input or a plan. */
export interface NamedItems {
  indicators: readonly { id: string; name: string }[];
  projects: readonly { id: string; name: string }[];
}

/** The name of the indicator or project a finding is about. */
export function findingSubject(input: NamedItems, finding: DataQualityFinding): string {
  const indicator = input.indicators.find((candidate) => candidate.id === finding.indicatorId);
  if (indicator) return indicator.name;
  const project = input.projects.find((candidate) => candidate.id === finding.projectId);
  return project ? project.name : DASH;
}

/** "26,000 / 44,600（58.3%）", or "/ 未列" when the plan gives no planned investment. */
export function projectInvestment(project: ProjectSummary): string {
  const toDate = formatNumber(project.investmentToDate);
  if (project.investmentPlanned === null) return `${toDate} / 未列`;
  return `${toDate} / ${formatNumber(project.investmentPlanned)}（${formatPercent(project.investmentToDate, project.investmentPlanned)}）`;
}

/** "专项债券 34400万元；县级 10200万元", or null when the plan names no source. */
export function fundingText(project: PlanProject): string | null {
  const parts = project.fundingSources.map((funding) =>
    funding.amount === null ? funding.source : `${funding.source} ${funding.amount}万元`
  );
  return parts.length > 0 ? parts.join('；') : null;
}
