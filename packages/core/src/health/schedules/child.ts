/**
 * 规范（第三版）0～6岁儿童健康管理服务规范, 服务内容, until the 7th birthday:
 * - (一)新生儿家庭访视: 新生儿出院后1周内 — `newborn_visit`, due from the discharge (the birth date when not
 *   recorded), overdue after 7 days, listed until the newborn period ends at 28 days;
 * - (三)婴幼儿健康管理: 3、6、8、12、18、24、30、36月龄 — each `child_check` due from that age and overdue a month
 *   later; (四)学龄前儿童健康管理: 4～6岁每年1次 — due from the 4th, 5th and 6th birthday, overdue at the
 *   next. A check counts for every window open on its date that no earlier check settled (catch-up, see
 *   visit-windows.ts); windows that closed before the enrolment are not owed.
 */
import { addDays, addMonths, addYears } from '../date-arithmetic.js';
import { detailDate, visitItem, visitsOfKind } from './visit-item.js';
import { outstandingWindow } from './visit-windows.js';
import type { VisitWindow } from './visit-windows.js';
import type { DueItem, EnrolmentSchedule } from './types.js';

/** Ages in months of the infant checks (婴幼儿健康管理). */
export const INFANT_CHECK_MONTHS = [3, 6, 8, 12, 18, 24, 30, 36] as const;
/** Ages in years of the preschool checks (学龄前儿童健康管理). */
export const PRESCHOOL_CHECK_YEARS = [4, 5, 6] as const;
export const CHILD_PROGRAM_END_YEARS = 7;
export const NEONATAL_DAYS = 28;

function checkWindows(birthDate: string): VisitWindow[] {
  const infant = INFANT_CHECK_MONTHS.map((months) => ({
    opens: addMonths(birthDate, months),
    overdueFrom: addMonths(birthDate, months + 1),
    label: `${months}月龄健康检查`,
  }));
  const preschool = PRESCHOOL_CHECK_YEARS.map((years) => ({
    opens: addYears(birthDate, years),
    overdueFrom: addYears(birthDate, years + 1),
    label: `${years}岁健康检查`,
  }));
  return [...infant, ...preschool];
}

export function childDueItems(schedule: EnrolmentSchedule): DueItem[] {
  const { birthDate } = schedule.resident;
  const { asOf, enrolment } = schedule;
  if (asOf >= addYears(birthDate, CHILD_PROGRAM_END_YEARS)) return [];
  const items: DueItem[] = [];
  if (visitsOfKind(schedule, 'newborn_visit').length === 0 && asOf < addDays(birthDate, NEONATAL_DAYS)) {
    const discharge = detailDate(enrolment.details.dischargeDate);
    const from = discharge !== null && discharge >= birthDate ? discharge : birthDate;
    const timing = { dueDate: from, overdueFrom: addDays(from, 8) };
    items.push(visitItem(schedule, 'newborn_visit', timing, `出院（${from}）后1周内新生儿家庭访视`));
  }
  const windows = checkWindows(birthDate).filter((window) => window.overdueFrom > enrolment.enrolledDate);
  const checkDates = visitsOfKind(schedule, 'child_check').map((visit) => visit.visitDate);
  const check = outstandingWindow(windows, checkDates, asOf);
  if (check !== null) items.push(visitItem(schedule, 'child_check', check, check.reason));
  return items;
}
