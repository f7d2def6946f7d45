/**
 * 规范（第三版）严重精神障碍患者管理服务规范, 服务内容 (二)随访评估 and (三)分类干预: at least 4 follow-ups a
 * year, more often by the 危险性评估 (riskGrade 0–5) recorded at the last follow-up:
 * - 病情不稳定 (危险性 3–5级): 对症处理后立即转诊, 2周内随访 — due in 2 weeks, flagged `referral`;
 * - 病情基本稳定 (危险性 1–2级): 初步处理后观察2周 — due in 2 weeks when the grade is new (the follow-up before
 *   was grade 0 or there was none); 未达到稳定者 1个月时随访 — due in 1 month when it was already ≥ 1;
 * - 病情稳定 (危险性 0级, or not recorded): 3个月时随访.
 * The first follow-up is due 3 months after the enrolment.
 */
import { dueAfter, visitItem, visitsOfKind } from './visit-item.js';
import type { DueItem, EnrolmentSchedule, ScheduleVisit } from './types.js';

/** The 危险性评估 grade recorded at a follow-up, or null when absent or not a grade. */
export function riskGradeOf(visit: ScheduleVisit | undefined): number | null {
  const value = visit?.values.riskGrade;
  const grade = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof grade === 'number' && Number.isInteger(grade) && grade >= 0 && grade <= 5 ? grade : null;
}

export function severeMentalDueItems(schedule: EnrolmentSchedule): DueItem[] {
  const followUps = visitsOfKind(schedule, 'follow_up');
  const last = followUps.at(-1);
  if (last === undefined) {
    const timing = dueAfter(schedule.enrolment.enrolledDate, { months: 3 });
    return [visitItem(schedule, 'follow_up', timing, '纳入管理后每3个月至少随访1次')];
  }
  const grade = riskGradeOf(last) ?? 0;
  if (grade >= 3) {
    const reason = `上次随访危险性评估${grade}级（病情不稳定），建议转诊，2周内随访`;
    return [visitItem(schedule, 'follow_up', dueAfter(last.visitDate, { days: 14 }), reason, true)];
  }
  if (grade >= 1) {
    const previousGrade = riskGradeOf(followUps.at(-2)) ?? 0;
    if (previousGrade >= 1) {
      const reason = `连续两次随访危险性评估≥1级（病情未达到稳定），1个月时随访`;
      return [visitItem(schedule, 'follow_up', dueAfter(last.visitDate, { months: 1 }), reason)];
    }
    const reason = `上次随访危险性评估${grade}级（病情基本稳定），观察2周后随访`;
    return [visitItem(schedule, 'follow_up', dueAfter(last.visitDate, { days: 14 }), reason)];
  }
  const reason = `病情稳定，每3个月随访1次（上次随访${last.visitDate}）`;
  return [visitItem(schedule, 'follow_up', dueAfter(last.visitDate, { months: 3 }), reason)];
}
