/**
 * Shapes of the programme API (docs/health-records.md §5): enrolments, follow-ups, vaccinations, a
 * resident's due items, the worklist of a user's area and the programme summary by township. Dates are
 * YYYY-MM-DD strings.
 */
import type { FollowUpValues } from './follow-up-fields.js';
import type { ProgramCode, VisitKind } from './programs.js';
import type { DueItem } from './schedules/types.js';

/** Why an enrolment ended; 'completed' closes a pregnancy after the 42-day check or a child at 7 years. */
export const ENROLMENT_END_REASONS = {
  completed: '管理期满结案',
  cured: '治愈（疗程结束）',
  excluded: '排除诊断',
  moved: '迁出',
  deceased: '死亡',
  refused: '拒绝管理',
  other: '其他',
} as const;

export type EnrolmentEndReason = keyof typeof ENROLMENT_END_REASONS;

/**
 * Programme facts kept on the enrolment (`program_enrolment.details`). Maternal: 末次月经 (lmp) or 预产期
 * (edd) is required, the schedule counts gestational weeks from it; the others are recorded as they become
 * known. Child: the discharge date after birth starts the newborn visit (birth date when absent).
 * Tuberculosis: treatment start and the date the continuation phase began.
 */
export interface EnrolmentDetails {
  /** 末次月经 (maternal). */
  lmp?: string;
  /** 预产期 (maternal); computed from lmp (+280 days) when not given. */
  edd?: string;
  /** 孕次 and 产次 (maternal). */
  gravidity?: number;
  parity?: number;
  /** 分娩日期 (maternal), set when the delivery is recorded. */
  deliveryDate?: string;
  /** 出院日期: the mother's after the delivery (maternal), the newborn's after birth (child). */
  dischargeDate?: string;
  /** 治疗开始日期 and 继续期开始日期 (tuberculosis). */
  treatmentStart?: string;
  continuationStart?: string;
}

export interface ProgramEnrolment {
  id: number;
  residentId: number;
  program: ProgramCode;
  enrolledDate: string;
  endedDate: string | null;
  endReason: EnrolmentEndReason | null;
  facilityId: number | null;
  details: EnrolmentDetails;
}

/** POST …/residents/:id/enrolments. One open enrolment per programme and resident. */
export interface CreateEnrolmentRequest {
  program: ProgramCode;
  enrolledDate: string;
  facilityId?: number | null;
  details?: EnrolmentDetails;
}

/** PATCH …/enrolments/:enrolmentId: ends the enrolment, or updates its details while it is open. */
export interface UpdateEnrolmentRequest {
  endedDate?: string;
  endReason?: EnrolmentEndReason;
  details?: EnrolmentDetails;
}

/** POST …/residents/:id/follow-ups. The visit belongs to the resident's enrolment in `program` on its date. */
export interface FollowUpInput {
  program: ProgramCode;
  kind: VisitKind;
  visitDate: string;
  /** The enrolment; when omitted, the enrolment of `program` open on the visit date. */
  enrolmentId?: number;
  facilityId?: number | null;
  doctor?: string | null;
  values: FollowUpValues;
  /** Referred by the doctor; also set when this and the previous visit were both uncontrolled. */
  referral?: boolean;
  nextVisitDate?: string | null;
}

export interface SavedFollowUp {
  id: number;
  residentId: number;
  enrolmentId: number;
  program: ProgramCode;
  kind: VisitKind;
  visitDate: string;
  facilityId: number | null;
  doctor: string | null;
  values: FollowUpValues;
  /** On target (blood pressure, glucose) by the rules of the programme at the resident's age; null if not judged. */
  controlled: boolean | null;
  referral: boolean;
  nextVisitDate: string | null;
}

/** POST …/residents/:id/vaccinations: a dose of the national schedule. */
export interface VaccinationInput {
  /** Vaccine code (core immunisation-schedule), e.g. 'HepB'. */
  vaccine: string;
  dose: number;
  vaccinatedDate: string;
  facilityId?: number | null;
  lotNumber?: string | null;
}

export interface SavedVaccination {
  id: number;
  residentId: number;
  vaccine: string;
  dose: number;
  vaccinatedDate: string;
  facilityId: number | null;
  lotNumber: string | null;
}

/** The answer to a saved follow-up or vaccination: the record and the resident's due items after it. */
export interface SavedFollowUpResponse {
  followUp: SavedFollowUp;
  due: DueItem[];
}

export interface SavedVaccinationResponse {
  vaccination: SavedVaccination;
  due: DueItem[];
}

/** GET …/residents/:id/due?asOf= */
export interface ResidentDueResponse {
  asOf: string;
  items: DueItem[];
}

export type WorklistView = 'today' | 'overdue';

/** A due item on a worklist, with who and where. */
export interface WorklistItem extends DueItem {
  residentId: number;
  residentName: string;
  idNumberMasked: string | null;
  townshipCode: string;
  villageCode: string | null;
  /** The village's name, or the township's when the resident has no village. */
  placeName: string;
}

/**
 * GET /counties/:code/worklist?asOf=&program=&township=&village=&view= — "today" holds items due now or
 * within 7 days that are not yet overdue, "overdue" the items past their overdue date; with `view` only
 * that list is filled.
 */
export interface WorklistResponse {
  asOf: string;
  today: WorklistItem[];
  overdue: WorklistItem[];
}

/** One programme in one township: enrolled residents, visits in the year, and items due and overdue. */
export interface ProgramSummaryRow {
  program: ProgramCode | 'immunisation';
  townshipCode: string;
  townshipName: string;
  /** Residents enrolled at any time in the year (immunisation: children under 7 on `asOf`). */
  enrolled: number;
  /** Visits in the year (immunisation: doses given). */
  visits: number;
  /** Items due on `asOf` that are not yet overdue, and items overdue on `asOf`. */
  due: number;
  overdue: number;
}

/** GET /counties/:code/programs/summary?year= — due and overdue as of today, or 31 December of a past year. */
export interface ProgramSummaryResponse {
  year: number;
  asOf: string;
  rows: ProgramSummaryRow[];
}
