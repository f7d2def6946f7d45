/**
 * 报告时限: a card is reported in time when reported within the disease's deadline (2 or 24 hours) of the
 * diagnosis. 报告及时率 = cards reported in time / cards (deleted cards excluded), per docs/surveillance.md.
 */
import type { Disease } from './diseases.js';

const HOUR_MS = 3_600_000;

export function reportingDeadline(disease: Pick<Disease, 'deadlineHours'>, diagnosedAt: Date): Date {
  return new Date(diagnosedAt.getTime() + disease.deadlineHours * HOUR_MS);
}

export function isReportedInTime(
  disease: Pick<Disease, 'deadlineHours'>,
  diagnosedAt: Date,
  reportedAt: Date
): boolean {
  return reportedAt.getTime() <= reportingDeadline(disease, diagnosedAt).getTime();
}

/** A share as a fraction in [0, 1], null when there is nothing to count. */
export function shareOf(count: number, total: number): number | null {
  return total === 0 ? null : count / total;
}
