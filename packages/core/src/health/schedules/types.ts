/**
 * Inputs and output of the programme schedules (docs/health-records.md §3). Dates are YYYY-MM-DD strings; the
 * schedules read stored facts only and do no I/O.
 */
import type { EnrolmentDetails } from '../program-api.js';
import type { ProgramCode } from '../programs.js';

/** The facts of a resident the schedules read. */
export interface ScheduleResident {
  birthDate: string;
  /** GB/T 2261.1 sex code. */
  sex: string;
  deathDate: string | null;
}

/** A programme enrolment; maternal details hold 末次月经 etc., tuberculosis the treatment dates. */
export interface ScheduleEnrolment {
  id: number;
  program: ProgramCode;
  enrolledDate: string;
  endedDate: string | null;
  details: EnrolmentDetails;
}

/** A recorded programme visit (follow_up row). */
export interface ScheduleVisit {
  enrolmentId: number;
  program: ProgramCode;
  kind: string;
  visitDate: string;
  /** On target (blood pressure, glucose) as judged when saved; null when not judged. */
  controlled: boolean | null;
  referral: boolean;
  /** Recorded values by field (riskGrade for severe mental disorders, …). */
  values: Readonly<Record<string, unknown>>;
}

/** A vaccine dose given (vaccination row). */
export interface GivenDose {
  /** Vaccine code of the national schedule, e.g. 'DTaP'. */
  vaccine: string;
  dose: number;
  date: string;
}

/**
 * A service a resident is due for: a programme visit, or under 'immunisation' a vaccine dose. The item is due
 * from `dueDate` (a worklist shows it 7 days ahead) and overdue from `overdueFrom` (never earlier than dueDate).
 */
export interface DueItem {
  program: ProgramCode | 'immunisation';
  /** The visit kind (programs.ts), or for immunisation the vaccine code. */
  kind: string;
  /** Chinese label of the visit kind, or of the vaccine and dose (百白破疫苗 第3剂). */
  label: string;
  /** The dose number, for immunisation. */
  dose?: number;
  /** The enrolment the visit belongs to, for programme visits. */
  enrolmentId?: number;
  dueDate: string;
  overdueFrom: string;
  /** Why it is due, in Chinese (上次随访血压未控制，2周内复查). */
  reason: string;
  /** Referral to a higher-level hospital is indicated (two uncontrolled visits, 病情不稳定). */
  referral?: boolean;
}

/** One enrolment with the inputs its schedule reads: its own visits up to `asOf`, in date order. */
export interface EnrolmentSchedule {
  resident: ScheduleResident;
  enrolment: ScheduleEnrolment;
  visits: readonly ScheduleVisit[];
  asOf: string;
}
