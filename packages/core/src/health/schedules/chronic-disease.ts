/**
 * 规范（第三版）高血压患者健康管理服务规范 and 2型糖尿病患者健康管理服务规范, 服务内容 (二)随访评估,
 * (三)分类干预 and (四)健康体检 — the two programmes share their rules:
 * - at least 4 face-to-face follow-ups a year: the next is due 3 months after the last one (or the enrolment,
 *   where 建档 is the first contact), with the 14-day grace of `dueAfter`;
 * - 第一次出现控制不满意 (the last follow-up not controlled): follow up within 2 weeks;
 * - 连续两次出现控制不满意: refer to a higher-level hospital and 2周内主动随访转诊情况 — the item is flagged
 *   `referral`; a follow-up recorded as referred is followed up within 2 weeks likewise;
 * - 每年进行1次较全面的健康检查 (annual-check.ts).
 */
import { annualCheckItem } from './annual-check.js';
import { dueAfter, visitItem, visitsOfKind } from './visit-item.js';
import type { DueItem, EnrolmentSchedule } from './types.js';

/** What the follow-up controls: 血压 for hypertension, 血糖 for diabetes. */
export type ChronicMeasure = '血压' | '血糖';

export function chronicDiseaseDueItems(schedule: EnrolmentSchedule, measure: ChronicMeasure): DueItem[] {
  const followUps = visitsOfKind(schedule, 'follow_up');
  const last = followUps.at(-1);
  const previous = followUps.at(-2);
  const items: DueItem[] = [];
  if (last === undefined) {
    const timing = dueAfter(schedule.enrolment.enrolledDate, { months: 3 });
    items.push(visitItem(schedule, 'follow_up', timing, '纳入管理后每季度至少面对面随访1次'));
  } else if (last.controlled === false && previous?.controlled === false) {
    const reason = last.referral
      ? `连续两次随访${measure}控制不满意，已转诊，2周内主动随访转诊情况`
      : `连续两次随访${measure}控制不满意，建议转诊上级医院，2周内主动随访转诊情况`;
    items.push(visitItem(schedule, 'follow_up', dueAfter(last.visitDate, { days: 14 }), reason, true));
  } else if (last.referral) {
    const reason = `${last.visitDate}随访已转诊，2周内主动随访转诊情况`;
    items.push(visitItem(schedule, 'follow_up', dueAfter(last.visitDate, { days: 14 }), reason, true));
  } else if (last.controlled === false) {
    const reason = `上次随访${measure}未控制，2周内复查`;
    items.push(visitItem(schedule, 'follow_up', dueAfter(last.visitDate, { days: 14 }), reason));
  } else {
    const reason = `每季度至少面对面随访1次（上次随访${last.visitDate}）`;
    items.push(visitItem(schedule, 'follow_up', dueAfter(last.visitDate, { months: 3 }), reason));
  }
  const check = annualCheckItem(schedule, schedule.enrolment.enrolledDate, '每年1次较全面的健康检查');
  if (check !== null) items.push(check);
  return items;
}
