import { addDays, laterDate } from '../date-arithmetic.js';
import type { DueTiming } from './visit-item.js';

/** A period in which one visit of a series is due, e.g. 孕16–20周 or the 6-month child check. */
export interface VisitWindow {
  /** First day the visit is due. */
  opens: string;
  /** First day the visit is late. */
  overdueFrom: string;
  /** Chinese name of the visit, e.g. 6月龄健康检查. */
  label: string;
}

/**
 * The outstanding visit of a series of windows, with catch-up: a window is done by any visit on or after the
 * day it opens, so a late visit settles the missed window and the current one together, and a visit before a
 * window opens does not count for it. The item is the earliest window not done (its dates), and names the
 * latest window already open when that is a later one. Null when every window is done.
 */
export function outstandingWindow(
  windows: readonly VisitWindow[],
  visitDates: readonly string[],
  asOf: string
): (DueTiming & { reason: string }) | null {
  const lastVisit = visitDates.reduce<string | null>(
    (last, date) => (last === null ? date : laterDate(last, date)),
    null
  );
  const open = windows.filter((window) => lastVisit === null || window.opens > lastVisit);
  const first = open[0];
  if (first === undefined) return null;
  const current = open.filter((window) => window.opens <= asOf).at(-1) ?? first;
  const period = `${first.opens}至${addDays(first.overdueFrom, -1)}`;
  const reason =
    current === first ? `${first.label}（${period}）` : `${current.label}到期；${first.label}未做（应在${period}完成）`;
  return { dueDate: first.opens, overdueFrom: first.overdueFrom, reason };
}
