/** Request and response types of the case report card API (docs/surveillance.md "Case reports"). */
import type { IdType } from '../health/id-types.js';
import type { Sex } from '../health/sex.js';
import type { CaseClassification, CaseRevisionAction, CaseStatus } from './case-report-codes.js';
import type { Disease } from './diseases.js';

/** `POST /cases`. Times are ISO 8601 with offset; `reportedAt` defaults to the time received. */
export interface CaseReportInput {
  /** Caller's id of the card: a repeat with the same value returns the existing card (200, `created` false). */
  sourceRef?: string | null | undefined;
  patientName: string;
  idType?: IdType | null | undefined;
  idNumber?: string | null | undefined;
  sex: Sex;
  /** YYYY-MM-DD; taken from a 身份证号 when absent. */
  birthDate?: string | null | undefined;
  phone?: string | null | undefined;
  townshipCode: string;
  villageCode?: string | null | undefined;
  address?: string | null | undefined;
  diseaseCode: string;
  classification: CaseClassification;
  /** YYYY-MM-DD. */
  onsetDate: string;
  diagnosedAt: string;
  reportedAt?: string | undefined;
  facilityId: number;
  reportingDoctor: string;
}

/** `PUT /cases/:id` (订正): the fields changed, and the reason (required). */
export type CaseReportRevisionInput = Partial<Omit<CaseReportInput, 'sourceRef' | 'reportedAt'>> & { reason: string };

/** A field-level problem (422 `details`). `field` is the input's property name. */
export interface CaseReportFieldError {
  field: string;
  message: string;
}

/** `GET /diseases`: the national catalogue plus the county's local diseases. */
export type DiseaseCatalogue = Disease[];

export interface CaseReportSummary {
  id: number;
  cardNumber: string;
  residentId: number | null;
  patientName: string;
  idNumberMasked: string | null;
  sex: Sex;
  birthDate: string | null;
  townshipCode: string;
  villageCode: string | null;
  diseaseCode: string;
  diseaseName: string;
  classification: CaseClassification;
  onsetDate: string;
  diagnosedAt: string;
  reportedAt: string;
  /** diagnosedAt + the disease's deadline hours. */
  deadlineAt: string;
  reportedInTime: boolean;
  facilityId: number;
  facilityName: string | null;
  status: CaseStatus;
  revision: number;
  duplicateOfId: number | null;
}

export interface CaseReportRevisionView {
  id: number;
  action: CaseRevisionAction;
  reason: string | null;
  /** The card's fields before the change (ID number masked only). */
  before: Record<string, unknown> | null;
  changedBy: number | null;
  changedAt: string;
}

export interface CaseReportDetail extends CaseReportSummary {
  idType: IdType | null;
  phone: string | null;
  address: string | null;
  reportingDoctor: string;
  reviewedBy: number | null;
  reviewedAt: string | null;
  deletedReason: string | null;
  sourceRef: string | null;
  createdAt: string;
  updatedAt: string;
  revisions: CaseReportRevisionView[];
  /** Non-deleted cards of the same patient and disease with onset within 30 days (重卡 candidates). */
  possibleDuplicates: CaseReportSummary[];
}

/** `POST /cases` response: 201 when created, 200 when `sourceRef` was already received. */
export interface CaseReportSaved {
  created: boolean;
  card: CaseReportDetail;
}

export interface CaseReportListQuery {
  disease?: string | undefined;
  township?: string | undefined;
  status?: CaseStatus | undefined;
  /** Onset date range, YYYY-MM-DD inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface CaseReportPage {
  items: CaseReportSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CaseReasonInput {
  reason: string;
}

export interface CaseDuplicateInput {
  /** The card this one repeats; null clears the marking. */
  duplicateOfId: number | null;
  reason?: string | undefined;
}

/** One row of 报告及时率 / 完整率 (shares in [0, 1], null without cards). */
export interface CaseTimelinessRow {
  /** Facility id or township code; the county code for the total. */
  key: string;
  name: string;
  cards: number;
  inTime: number;
  timeliness: number | null;
  complete: number;
  completeness: number | null;
}

/** `GET /cases/timeliness?year=` or `?from=&to=` (diagnosis date, Beijing time). */
export interface CaseTimelinessReport {
  from: string;
  to: string;
  total: CaseTimelinessRow;
  byFacility: CaseTimelinessRow[];
  byTownship: CaseTimelinessRow[];
}
