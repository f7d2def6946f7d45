/**
 * 规范（第三版）肺结核患者健康管理服务规范, 服务内容:
 * - (三)第一次入户随访: within 72 hours of the notice — the first follow-up is due 3 days after the enrolment;
 * - (四)督导服药和随访管理: 强化期每10天随访1次, 继续期每1个月随访1次 (the family-supervised frequency, the
 *   stricter one, is applied to all). The intensive phase is the first 2 months of treatment (2HRZE/4HR)
 *   unless the enrolment records when the continuation phase started;
 * - (五)结案评估 when treatment stops: due 6 months after the treatment start (the standard regimen). Follow-ups
 *   are due until then.
 */
import { addMonths } from '../date-arithmetic.js';
import { detailDate, dueAfter, visitItem, visitsOfKind } from './visit-item.js';
import type { DueItem, EnrolmentSchedule } from './types.js';

export const TUBERCULOSIS_INTENSIVE_MONTHS = 2;
export const TUBERCULOSIS_TREATMENT_MONTHS = 6;

export function tuberculosisDueItems(schedule: EnrolmentSchedule): DueItem[] {
  const { enrolment } = schedule;
  if (visitsOfKind(schedule, 'treatment_end').length > 0) return [];
  const treatmentStart = detailDate(enrolment.details.treatmentStart) ?? enrolment.enrolledDate;
  const continuationStart =
    detailDate(enrolment.details.continuationStart) ?? addMonths(treatmentStart, TUBERCULOSIS_INTENSIVE_MONTHS);
  const treatmentEnd = dueAfter(treatmentStart, { months: TUBERCULOSIS_TREATMENT_MONTHS });
  const items: DueItem[] = [];
  const last = visitsOfKind(schedule, 'follow_up').at(-1);
  if (last === undefined) {
    const timing = dueAfter(enrolment.enrolledDate, { days: 3 });
    items.push(visitItem(schedule, 'follow_up', timing, '接到管理通知后72小时内第一次入户随访'));
  } else {
    const intensive = last.visitDate < continuationStart;
    const timing = intensive ? dueAfter(last.visitDate, { days: 10 }) : dueAfter(last.visitDate, { months: 1 });
    if (timing.dueDate < treatmentEnd.dueDate) {
      const reason = intensive
        ? `强化期每10天随访1次（上次随访${last.visitDate}）`
        : `继续期每月随访1次（上次随访${last.visitDate}）`;
      items.push(visitItem(schedule, 'follow_up', timing, reason));
    }
  }
  const reason = `疗程${TUBERCULOSIS_TREATMENT_MONTHS}个月（${treatmentStart}开始治疗）结束时结案评估`;
  items.push(visitItem(schedule, 'treatment_end', treatmentEnd, reason));
  return items;
}
