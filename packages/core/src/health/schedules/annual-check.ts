import { laterDate } from '../date-arithmetic.js';
import { visitItem, visitsOfKind } from './visit-item.js';
import { outstandingWindow } from './visit-windows.js';
import type { VisitWindow } from './visit-windows.js';
import type { DueItem, EnrolmentSchedule } from './types.js';

/**
 * The yearly health check (年度健康检查 of hypertension and diabetes, the 65+ 健康体检): once per calendar
 * year, due from 1 January — or from `from` (enrolment, the 65th birthday) in the first year — and overdue when
 * the year ends without one. A check in a later year also settles a missed year (see outstandingWindow).
 */
export function annualCheckItem(schedule: EnrolmentSchedule, from: string, reason: string): DueItem | null {
  const windows: VisitWindow[] = [];
  const lastYear = Number(schedule.asOf.slice(0, 4)) + 1;
  for (let year = Number(from.slice(0, 4)); year <= lastYear; year++) {
    windows.push({ opens: laterDate(from, `${year}-01-01`), overdueFrom: `${year + 1}-01-01`, label: `${year}年度` });
  }
  const dates = visitsOfKind(schedule, 'annual_check').map((visit) => visit.visitDate);
  const outstanding = outstandingWindow(windows, dates, schedule.asOf);
  if (outstanding === null) return null;
  return visitItem(schedule, 'annual_check', outstanding, `${reason}：${outstanding.reason}`);
}
