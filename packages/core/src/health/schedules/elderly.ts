/**
 * 规范（第三版）老年人健康管理服务规范: 每年为老年人提供1次健康管理服务 (生活方式和健康状况评估, 体格检查,
 * 辅助检查, 健康指导), with the 生活自理能力评估. One check per calendar year from the later of the enrolment and
 * the 65th birthday (annual-check.ts).
 */
import { addYears, laterDate } from '../date-arithmetic.js';
import { annualCheckItem } from './annual-check.js';
import type { DueItem, EnrolmentSchedule } from './types.js';

export const ELDERLY_AGE = 65;

export function elderlyDueItems(schedule: EnrolmentSchedule): DueItem[] {
  const from = laterDate(schedule.enrolment.enrolledDate, addYears(schedule.resident.birthDate, ELDERLY_AGE));
  const check = annualCheckItem(schedule, from, '65岁及以上老年人每年1次健康体检（含生活自理能力评估）');
  return check === null ? [] : [check];
}
