/** Errors of the case report workflow; the server maps `kind` to the HTTP status and `problems` to details. */
import type { CaseReportFieldError } from '@chp/core';
import { AccessError } from '../../access/errors.js';

export class InvalidCaseReportError extends AccessError {
  readonly problems: readonly CaseReportFieldError[];

  constructor(problems: readonly CaseReportFieldError[]) {
    super('invalid', 'invalid_case_report', problems.map((problem) => problem.message).join('；'));
    this.name = 'InvalidCaseReportError';
    this.problems = problems;
  }
}

export function caseNotFound(): AccessError {
  return new AccessError('not_found', 'not_found', '未找到该传染病报告卡');
}

export function caseConflict(message: string): AccessError {
  return new AccessError('conflict', 'case_report_conflict', message);
}

/** A township user reports and changes only cards of their townships (undefined: the whole county). */
export function assertTownship(townships: readonly string[] | undefined, townshipCode: string): void {
  if (townships !== undefined && !townships.includes(townshipCode)) {
    throw new AccessError('forbidden', 'forbidden', `您没有报告乡镇（街道）${townshipCode} 传染病报告卡的权限`);
  }
}
