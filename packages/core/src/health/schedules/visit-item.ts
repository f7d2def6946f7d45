import { addDays, addMonths } from '../date-arithmetic.js';
import { isIsoDate } from '../iso-date.js';
import { visitKindLabel } from '../programs.js';
import type { VisitKind } from '../programs.js';
import type { DueItem, EnrolmentSchedule, ScheduleVisit } from './types.js';

/** How long after a previous contact a follow-up is next due. */
export type FollowUpInterval = { days: number } | { months: number };

export interface DueTiming {
  dueDate: string;
  overdueFrom: string;
}

/**
 * Due and overdue dates of a follow-up `interval` after `from`. Short intervals (the 规范's "2周内", "每10天")
 * are deadlines: overdue the day after. Longer ones get a grace for arranging the visit — 7 days on a monthly
 * interval, 14 days on a quarterly one — so a doctor who keeps to the due dates still makes the yearly number
 * of visits, while a missed quarter shows as overdue within half a month.
 */
export function dueAfter(from: string, interval: FollowUpInterval): DueTiming {
  if ('days' in interval) {
    const dueDate = addDays(from, interval.days);
    return { dueDate, overdueFrom: addDays(dueDate, 1) };
  }
  const dueDate = addMonths(from, interval.months);
  return { dueDate, overdueFrom: addDays(dueDate, interval.months >= 3 ? 14 : 7) };
}

/** A due programme visit of the schedule's enrolment. */
export function visitItem(
  schedule: EnrolmentSchedule,
  kind: VisitKind,
  timing: DueTiming,
  reason: string,
  referral = false
): DueItem {
  const { program, id } = schedule.enrolment;
  const item: DueItem = {
    program,
    kind,
    label: visitKindLabel(program, kind),
    enrolmentId: id,
    dueDate: timing.dueDate,
    overdueFrom: timing.overdueFrom,
    reason,
  };
  if (referral) item.referral = true;
  return item;
}

/** The schedule's visits of one kind, in date order. */
export function visitsOfKind(schedule: EnrolmentSchedule, kind: VisitKind): readonly ScheduleVisit[] {
  return schedule.visits.filter((visit) => visit.kind === kind);
}

/** A date kept in the enrolment details (JSON), or null when absent or not a valid date. */
export function detailDate(value: unknown): string | null {
  return typeof value === 'string' && isIsoDate(value) ? value : null;
}
