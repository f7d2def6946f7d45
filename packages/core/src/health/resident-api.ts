/**
 * The resident API (docs/health-records.md §5): search, the record, create and change, the timeline across
 * the clinical and programme tables, duplicates and merge, and who read the record. Dates are 'YYYY-MM-DD',
 * instants ISO strings. ID numbers are masked unless the caller holds `record.identify` and asks.
 */
import type { IdType } from './id-types.js';
import type { ResidentFlagCode } from './key-populations.js';
import type { ProgramCode } from './programs.js';
import type { RecordStatus } from './record-status.js';
import type { Sex } from './sex.js';

/** A key-population flag kept on the record (the other flags are derived from age and programmes). */
export interface ResidentFlag {
  flag: ResidentFlagCode;
  fromDate: string;
  /** null while the flag holds. */
  toDate: string | null;
}

/** A resident as lists show them: search results, duplicates, household members. */
export interface ResidentSummary {
  id: number;
  name: string;
  sex: Sex;
  birthDate: string;
  idType: IdType;
  /** e.g. 640221********1234; null when the person has no document number on record. */
  idNumberMasked: string | null;
  phone: string | null;
  townshipCode: string;
  townshipName: string;
  villageCode: string | null;
  villageName: string | null;
  recordStatus: RecordStatus;
  /** Set when this entry was merged into another resident (kept for audit). */
  mergedIntoId: number | null;
}

/** GET /counties/:code/residents */
export interface ResidentSearchQuery {
  /** A name (prefix or part), a full ID number (exact), a masked number (640221****1234) or a phone number. */
  q?: string;
  township?: string;
  village?: string;
  /** Only residents with an open enrolment in the programme. */
  program?: ProgramCode;
  /** Default 50, at most 200. */
  limit?: number;
  offset?: number;
}

export interface ResidentSearchResult {
  /** Matches in the caller's scope, of which `residents` is the page. */
  total: number;
  residents: ResidentSummary[];
}

export interface HouseholdMember {
  id: number;
  name: string;
  sex: Sex;
  birthDate: string;
  /** GB/T 4761 relation to the head ('01' head, '02' spouse …). */
  relation: string | null;
}

export interface Household {
  id: number;
  /** 户编号. */
  householdNumber: string;
  address: string | null;
  /** The household's residents in the caller's scope, the record's owner included. */
  members: HouseholdMember[];
}

/** GET /counties/:code/residents/:id (audited as record.read; with ?identify=1 as record.identify). */
export interface ResidentDetail extends ResidentSummary {
  countyCode: string;
  /** The full number: only with ?identify=1 and `record.identify`; otherwise absent. */
  idNumber?: string;
  household: Household | null;
  householdRelation: string | null;
  /** 建档日期; null while indexed without a health record. */
  recordDate: string | null;
  /** When the status last changed (moved away, died). */
  statusDate: string | null;
  deathDate: string | null;
  recordFacilityId: number | null;
  recordFacilityName: string | null;
  flags: ResidentFlag[];
  createdAt: string;
  updatedAt: string;
}

/** POST /counties/:code/residents */
export interface ResidentInput {
  idType: IdType;
  /** Validated per type (a 居民身份证 number must agree with birth date and sex; 15 digits become 18). */
  idNumber?: string | null;
  name: string;
  sex: Sex;
  birthDate: string;
  phone?: string | null;
  /** A township of the county (9 digits). */
  townshipCode: string;
  /** A village of that township (12 digits). */
  villageCode?: string | null;
  /** 户编号: the household is created when the county has none with this number. */
  householdNumber?: string | null;
  householdRelation?: string | null;
  recordDate?: string | null;
  recordFacilityId?: number | null;
  flags?: ResidentFlag[];
}

/**
 * PATCH /counties/:code/residents/:id: the fields given change. Status `deceased` needs `deathDate` (the
 * status date defaults to it); `moved` needs `statusDate`; `active` clears both.
 */
export interface ResidentPatch extends Partial<ResidentInput> {
  recordStatus?: RecordStatus;
  statusDate?: string | null;
  deathDate?: string | null;
}

/** Residents that look like the one saved: same name, birth date and sex, with no or another ID number. */
export interface SimilarResidentWarning {
  message: string;
  resident: ResidentSummary;
}

/** The answer to POST (201) and PATCH. */
export interface ResidentSaved {
  resident: ResidentDetail;
  warnings: SimilarResidentWarning[];
}

/** The body of the 409 when the ID number is already on record for another resident of the county. */
export interface DuplicateResidentError {
  error: 'duplicate_resident';
  message: string;
  existingResidentId: number;
}

/** GET /counties/:code/residents/duplicates: residents of the county sharing name, birth date and sex. */
export interface DuplicateGroup {
  name: string;
  sex: Sex;
  birthDate: string;
  residents: ResidentSummary[];
}

/** POST /counties/:code/residents/:id/merge: the resident in the path is merged into `intoId`. */
export interface MergeRequest {
  intoId: number;
}

export const TIMELINE_ITEM_TYPES = [
  'encounter',
  'diagnosis',
  'prescription',
  'observation',
  'enrolment',
  'follow_up',
  'vaccination',
  'contract',
] as const;
export type TimelineItemType = (typeof TIMELINE_ITEM_TYPES)[number];

export interface MergeResult {
  /** The resident the rows now belong to. */
  into: ResidentDetail;
  /** Rows moved from the merged resident, by kind (flags included). */
  moved: Record<TimelineItemType | 'flag', number>;
}

interface TimelineBase {
  /** The row's id in its table. */
  id: number;
  /** The day the item happened or began. */
  date: string;
  facilityId: number | null;
  facilityName: string | null;
}

export interface TimelineEncounter extends TimelineBase {
  type: 'encounter';
  /** 'outpatient' | 'inpatient' | 'emergency' | 'home' | 'public_health' */
  kind: string;
  endDate: string | null;
  department: string | null;
  clinician: string | null;
}

export interface TimelineDiagnosis extends TimelineBase {
  type: 'diagnosis';
  encounterId: number | null;
  icd10: string;
  name: string;
  primary: boolean;
}

export interface TimelinePrescription extends TimelineBase {
  type: 'prescription';
  encounterId: number | null;
  drugName: string;
  dose: string | null;
  frequency: string | null;
  route: string | null;
  days: number | null;
}

export interface TimelineObservation extends TimelineBase {
  type: 'observation';
  encounterId: number | null;
  category: string;
  code: string;
  name: string;
  valueNumber: number | null;
  valueText: string | null;
  unit: string | null;
  referenceRange: string | null;
  abnormal: string | null;
}

export interface TimelineEnrolment extends TimelineBase {
  type: 'enrolment';
  program: ProgramCode;
  endedDate: string | null;
  endReason: string | null;
}

export interface TimelineFollowUp extends TimelineBase {
  type: 'follow_up';
  enrolmentId: number;
  program: ProgramCode;
  kind: string;
  doctor: string | null;
  values: Record<string, unknown>;
  controlled: boolean | null;
  referral: boolean;
  nextVisitDate: string | null;
}

export interface TimelineVaccination extends TimelineBase {
  type: 'vaccination';
  vaccine: string;
  dose: number;
  lotNumber: string | null;
}

export interface TimelineContract extends TimelineBase {
  type: 'contract';
  teamId: number;
  teamName: string;
  packageId: number;
  packageName: string;
  signedDate: string;
  endDate: string;
  /** The stored status ('active' | 'terminated'); expiry is read from endDate. */
  status: string;
  terminatedDate: string | null;
}

/** One item of GET /counties/:code/residents/:id/timeline, oldest first. */
export type TimelineItem =
  | TimelineEncounter
  | TimelineDiagnosis
  | TimelinePrescription
  | TimelineObservation
  | TimelineEnrolment
  | TimelineFollowUp
  | TimelineVaccination
  | TimelineContract;

/** One read or change of a record: GET /counties/:code/residents/:id/access-log, newest first. */
export interface ResidentAccessEntry {
  id: number;
  at: string;
  username: string | null;
  /** 'record.read', 'record.identify', 'resident.create', 'resident.update', 'resident.merge' … */
  action: string;
  ip: string | null;
}
