import { chronicDiseaseDueItems } from './chronic-disease.js';
import { childDueItems } from './child.js';
import { elderlyDueItems } from './elderly.js';
import { maternalDueItems } from './maternal.js';
import { severeMentalDueItems } from './severe-mental.js';
import { tuberculosisDueItems } from './tuberculosis.js';
import type { DueItem, EnrolmentSchedule } from './types.js';

/**
 * The items due under one open enrolment, by the rules of its programme (规范（第三版）; each programme's file
 * cites its section). Includes items not yet due: the next visit of each kind the programme still owes.
 */
export function programSchedules(schedule: EnrolmentSchedule): DueItem[] {
  switch (schedule.enrolment.program) {
    case 'hypertension':
      return chronicDiseaseDueItems(schedule, '血压');
    case 'diabetes':
      return chronicDiseaseDueItems(schedule, '血糖');
    case 'severe_mental':
      return severeMentalDueItems(schedule);
    case 'tuberculosis':
      return tuberculosisDueItems(schedule);
    case 'elderly':
      return elderlyDueItems(schedule);
    case 'maternal':
      return maternalDueItems(schedule);
    case 'child':
      return childDueItems(schedule);
  }
}
