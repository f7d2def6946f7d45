/**
 * 规范（第三版）孕产妇健康管理服务规范, 服务内容, with gestational age counted from 末次月经 (lmp; from 预产期
 * − 280 days when only that is recorded):
 * - (一)孕早期: 孕13周前建册并进行第1次产前检查 — `booking`, due from the enrolment, overdue at 13 weeks;
 * - (二)孕中期 孕16～20周、21～24周 and (三)孕晚期 孕28～36周、37～40周 各1次 — `antenatal` windows, with
 *   the booking (≥ 5 checks in all); windows that had closed before the enrolment are not owed, and a late check
 *   settles a missed window (visit-windows.ts);
 * - `delivery`: a reminder to record the birth, due at 预产期 and overdue at 42 weeks (过期妊娠);
 * - (四)产后访视: 出院后1周内 — due 3 days after the mother's discharge (the delivery date when not recorded),
 *   overdue after 7, and no longer listed once the 42-day check is due;
 * - (五)产后42天健康检查: due 42 days after the delivery, overdue after 56.
 */
import { addDays, laterDate } from '../date-arithmetic.js';
import { detailDate, visitItem, visitsOfKind } from './visit-item.js';
import { outstandingWindow } from './visit-windows.js';
import type { VisitWindow } from './visit-windows.js';
import type { DueItem, EnrolmentSchedule } from './types.js';

/** Days from lmp to 预产期. */
export const PREGNANCY_DAYS = 280;

/** The antenatal windows after the booking, in completed gestational weeks [from, to]. */
export const ANTENATAL_WINDOWS = [
  { from: 16, to: 20, label: '第2次产前检查（孕16–20周）' },
  { from: 21, to: 24, label: '第3次产前检查（孕21–24周）' },
  { from: 28, to: 36, label: '第4次产前检查（孕28–36周）' },
  { from: 37, to: 40, label: '第5次产前检查（孕37–40周）' },
] as const;

const BOOKING_BEFORE_WEEKS = 13;
const POST_TERM_WEEKS = 42;
/** Without an lmp the gestational age is unknown; the booking is then due within 2 weeks of the enrolment. */
const BOOKING_WITHOUT_LMP_DAYS = 14;

function atWeek(lmp: string, weeks: number): string {
  return addDays(lmp, weeks * 7);
}

/** The delivery date: as recorded on the enrolment, or the date of a `delivery` visit. */
function deliveryDateOf(schedule: EnrolmentSchedule): string | null {
  const recorded = detailDate(schedule.enrolment.details.deliveryDate);
  return recorded ?? visitsOfKind(schedule, 'delivery')[0]?.visitDate ?? null;
}

function pregnancyItems(schedule: EnrolmentSchedule, lmp: string | null, edd: string | null): DueItem[] {
  const { enrolledDate } = schedule.enrolment;
  const bookings = visitsOfKind(schedule, 'booking');
  const items: DueItem[] = [];
  if (bookings.length === 0) {
    const timing =
      lmp === null
        ? { dueDate: enrolledDate, overdueFrom: addDays(enrolledDate, BOOKING_WITHOUT_LMP_DAYS) }
        : {
            dueDate: enrolledDate,
            overdueFrom: laterDate(addDays(enrolledDate, 1), atWeek(lmp, BOOKING_BEFORE_WEEKS)),
          };
    const reason =
      lmp === null
        ? '建册并进行第1次产前检查（未登记末次月经，无法推算孕周）'
        : `孕13周前建册并进行第1次产前检查（${atWeek(lmp, BOOKING_BEFORE_WEEKS)}前）`;
    items.push(visitItem(schedule, 'booking', timing, reason));
  }
  if (lmp === null) return items;
  const windows: VisitWindow[] = ANTENATAL_WINDOWS.map((window) => ({
    opens: atWeek(lmp, window.from),
    overdueFrom: atWeek(lmp, window.to + 1),
    label: window.label,
  })).filter((window) => window.overdueFrom > enrolledDate);
  const checkDates = [...bookings, ...visitsOfKind(schedule, 'antenatal')].map((visit) => visit.visitDate);
  const antenatal = outstandingWindow(windows, checkDates, schedule.asOf);
  if (antenatal !== null) items.push(visitItem(schedule, 'antenatal', antenatal, antenatal.reason));
  const dueDate = edd ?? addDays(lmp, PREGNANCY_DAYS);
  const overdueFrom = laterDate(addDays(dueDate, 1), atWeek(lmp, POST_TERM_WEEKS));
  items.push(visitItem(schedule, 'delivery', { dueDate, overdueFrom }, `预产期${dueDate}，分娩后登记分娩信息`));
  return items;
}

function postpartumItems(schedule: EnrolmentSchedule, deliveryDate: string): DueItem[] {
  const afterDelivery = (kind: 'postpartum' | 'postpartum_42'): boolean =>
    visitsOfKind(schedule, kind).some((visit) => visit.visitDate >= deliveryDate);
  const items: DueItem[] = [];
  const checkDue = addDays(deliveryDate, 42);
  if (!afterDelivery('postpartum') && schedule.asOf < checkDue) {
    const discharge = detailDate(schedule.enrolment.details.dischargeDate);
    const from = discharge !== null && discharge >= deliveryDate ? discharge : deliveryDate;
    const timing = { dueDate: addDays(from, 3), overdueFrom: addDays(from, 8) };
    items.push(visitItem(schedule, 'postpartum', timing, `出院（${from}）后1周内产后访视`));
  }
  if (!afterDelivery('postpartum_42')) {
    const timing = { dueDate: checkDue, overdueFrom: addDays(deliveryDate, 57) };
    items.push(visitItem(schedule, 'postpartum_42', timing, `分娩（${deliveryDate}）后42天健康检查`));
  }
  return items;
}

export function maternalDueItems(schedule: EnrolmentSchedule): DueItem[] {
  const { details } = schedule.enrolment;
  const deliveryDate = deliveryDateOf(schedule);
  if (deliveryDate !== null && deliveryDate <= schedule.asOf) return postpartumItems(schedule, deliveryDate);
  const edd = detailDate(details.edd);
  const lmp = detailDate(details.lmp) ?? (edd === null ? null : addDays(edd, -PREGNANCY_DAYS));
  return pregnancyItems(schedule, lmp, edd);
}
