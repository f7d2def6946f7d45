/** Builders for schedule tests: an enrolment schedule with visits given as [kind, date, extra?]. */
import type { EnrolmentDetails } from '../program-api.js';
import type { ProgramCode } from '../programs.js';
import type { EnrolmentSchedule, ScheduleResident, ScheduleVisit } from './types.js';

export type VisitSpec = [kind: string, visitDate: string, extra?: Partial<ScheduleVisit>];

export const testResident: ScheduleResident = { birthDate: '1955-06-15', sex: '1', deathDate: null };

export function testSchedule(
  program: ProgramCode,
  options: {
    enrolledDate: string;
    asOf: string;
    visits?: VisitSpec[];
    details?: EnrolmentDetails;
    resident?: Partial<ScheduleResident>;
  }
): EnrolmentSchedule {
  const visits = (options.visits ?? []).map(([kind, visitDate, extra]): ScheduleVisit => ({
    enrolmentId: 1,
    program,
    kind,
    visitDate,
    controlled: null,
    referral: false,
    values: {},
    ...extra,
  }));
  return {
    resident: { ...testResident, ...options.resident },
    enrolment: { id: 1, program, enrolledDate: options.enrolledDate, endedDate: null, details: options.details ?? {} },
    visits,
    asOf: options.asOf,
  };
}
