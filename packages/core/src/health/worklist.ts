/**
 * The worklist of the residents in a user's area (docs/health-records.md §3): "today" — items due now or within
 * 7 days and not yet overdue, earliest due first — and "overdue", longest overdue first.
 */
import { dueItems, isDueWithin, isOverdue } from './due-items.js';
import type { DueItem, GivenDose, ScheduleEnrolment, ScheduleResident, ScheduleVisit } from './schedules/types.js';

/** How many days ahead the "today" list looks. */
export const WORKLIST_DAYS_AHEAD = 7;

/** One resident's inputs to the schedules. */
export interface WorklistResident {
  residentId: number;
  resident: ScheduleResident;
  enrolments: readonly ScheduleEnrolment[];
  visits: readonly ScheduleVisit[];
  vaccinations: readonly GivenDose[];
}

export interface ResidentDueItem extends DueItem {
  residentId: number;
}

export interface DueWorklist {
  today: ResidentDueItem[];
  overdue: ResidentDueItem[];
}

/** Splits residents' due items into the two lists; items due later than the look-ahead are left out. */
export function splitWorklist(items: Iterable<ResidentDueItem>, asOf: string): DueWorklist {
  const today: ResidentDueItem[] = [];
  const overdue: ResidentDueItem[] = [];
  for (const item of items) {
    if (isOverdue(item, asOf)) overdue.push(item);
    else if (isDueWithin(item, asOf, WORKLIST_DAYS_AHEAD)) today.push(item);
  }
  today.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.residentId - b.residentId);
  overdue.sort((a, b) => a.overdueFrom.localeCompare(b.overdueFrom) || a.residentId - b.residentId);
  return { today, overdue };
}

/** The worklist of `residents` on `asOf`. */
export function buildWorklist(residents: Iterable<WorklistResident>, asOf: string): DueWorklist {
  const items: ResidentDueItem[] = [];
  for (const entry of residents) {
    for (const item of dueItems(entry.resident, entry.enrolments, entry.visits, entry.vaccinations, asOf)) {
      items.push({ ...item, residentId: entry.residentId });
    }
  }
  return splitWorklist(items, asOf);
}
