/**
 * A resident's due items on a date (docs/health-records.md §3): the programme visits of each open enrolment
 * and, for children under 7, the vaccine doses of the national schedule. Only facts dated up to `asOf` count,
 * so the same function answers "as of" questions for past dates (indicators, year-end summaries).
 */
import { addDays } from './date-arithmetic.js';
import { immunisationDue } from './immunisation-schedule.js';
import { programSchedules } from './schedules/program-schedules.js';
import type { DueItem, GivenDose, ScheduleEnrolment, ScheduleResident, ScheduleVisit } from './schedules/types.js';

/** Whether the enrolment is open on `asOf` (enrolled that day or before, not ended by then). */
export function isEnrolmentOpen(enrolment: ScheduleEnrolment, asOf: string): boolean {
  return enrolment.enrolledDate <= asOf && (enrolment.endedDate === null || enrolment.endedDate > asOf);
}

/**
 * Everything the resident still owes on `asOf`, sorted by due date: for each open enrolment the next visit of
 * each kind its programme requires (programSchedules), and the next dose of each vaccine (immunisationDue). Items
 * may lie in the future; nothing is due after the resident's death.
 */
export function dueItems(
  resident: ScheduleResident,
  enrolments: readonly ScheduleEnrolment[],
  visits: readonly ScheduleVisit[],
  vaccinations: readonly GivenDose[],
  asOf: string
): DueItem[] {
  if (resident.deathDate !== null && resident.deathDate <= asOf) return [];
  const items: DueItem[] = [];
  for (const enrolment of enrolments) {
    if (!isEnrolmentOpen(enrolment, asOf)) continue;
    const own = visits
      .filter((visit) => visit.enrolmentId === enrolment.id && visit.visitDate <= asOf)
      .sort((a, b) => a.visitDate.localeCompare(b.visitDate));
    items.push(...programSchedules({ resident, enrolment, visits: own, asOf }));
  }
  items.push(...immunisationDue(resident.birthDate, vaccinations, asOf));
  return items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.overdueFrom.localeCompare(b.overdueFrom));
}

/** Whether the item is overdue on `asOf`. */
export function isOverdue(item: DueItem, asOf: string): boolean {
  return asOf >= item.overdueFrom;
}

/** Whether the item is due on `asOf` or within `days` after it, and not yet overdue. */
export function isDueWithin(item: DueItem, asOf: string, days: number): boolean {
  return !isOverdue(item, asOf) && item.dueDate <= addDays(asOf, days);
}
