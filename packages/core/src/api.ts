/**
 * Shapes of the REST API under /api/v1, shared by the server (which validates with zod) and the web UI.
 * Dates are ISO strings.
 */
import type { DataQualityFinding, IndicatorEvaluation } from './evaluation-types.js';
import type { PlanIndicator, PlanProject } from './plan.js';
import type { Role } from './roles.js';

export interface ApiError {
  error: string;
  message: string;
  /** Row-level problems of an import: file, sheet, row, column, reason. */
  details?: ImportIssue[];
}

export interface RoleAssignment {
  role: Role;
  orgUnitCode: string;
  orgUnitName: string;
  countyCode: string | null;
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  roles: RoleAssignment[];
}

export interface CountySummary {
  countyCode: string;
  name: string;
  provinceName: string;
  cityName: string;
  townshipCount: number;
  villageCount: number;
  indicatorCount: number;
  projectCount: number;
  hasPlan: boolean;
}

export interface OrgUnitNode {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  countyCode: string | null;
}

export const VALUE_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

export interface MonitoringValue {
  id: number;
  indicatorId: string;
  orgUnitCode: string;
  orgUnitName: string;
  year: number;
  value: number;
  status: ValueStatus;
  sourceDocument: string | null;
  note: string | null;
  enteredBy: string;
  enteredAt: string;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  returnReason: string | null;
  version: number;
}

export interface ValueHistoryEntry {
  id: number;
  action: 'create' | 'update' | 'submit' | 'approve' | 'return' | 'import';
  status: ValueStatus;
  value: number;
  sourceDocument: string | null;
  note: string | null;
  reason: string | null;
  actor: string;
  at: string;
}

export type IndicatorDefinitionType = 'entered' | 'computed';

export interface IndicatorSummary extends PlanIndicator {
  countyCode: string;
  definitionType: IndicatorDefinitionType;
  /** Status for the dashboard year, computed from approved county-level values. */
  evaluation: IndicatorEvaluation;
  /** Approved county-level values by year, for sparklines. */
  series: { year: number; value: number }[];
  findingCount: number;
  /** The county value computed from the registers for the evaluation year; absent when not linked. */
  computed?: RegisterValue;
}

/**
 * A plan indicator's value computed from the registers for one org unit and year, in the plan indicator's
 * unit, beside the approved entered value. Linked by the indicator's standard code (docs/evaluation.md §7).
 */
export interface RegisterValue {
  /** Null when the registers hold too little to compute it (see `warnings`). */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The plan indicator's unit, or the standard indicator's when the plan states none. */
  unit: string;
  /** When the registers were read for these figures (ISO time). */
  computedAt: string;
  /** The county (6 digits) or a township (9 digits). */
  orgUnit: string;
  orgUnitName: string;
  /** `value` − the approved entered value of the same org unit and year; null when either is missing. */
  difference: number | null;
  ciLower?: number;
  ciUpper?: number;
  warnings?: string[];
}

export interface DashboardResponse {
  county: CountySummary;
  year: number;
  indicators: IndicatorSummary[];
  /** Count of indicators in each status. */
  statusCounts: Record<IndicatorEvaluation['status'], number>;
  bindingAlerts: number;
}

export interface IndicatorDetailResponse {
  indicator: IndicatorSummary;
  /** The expected path from baseline to target, one point per year. */
  trajectory: { year: number; value: number }[];
  /** Evaluation for each year of the plan period. */
  evaluations: IndicatorEvaluation[];
  values: MonitoringValue[];
  history: (ValueHistoryEntry & { valueId: number; year: number; orgUnitCode: string })[];
  findings: DataQualityFinding[];
  regionalReferences: { year: number; value: number; sourceDocument: string | null }[];
  /** Each township's value computed from the registers for the indicator's year; empty when not linked. */
  computedTownships: RegisterValue[];
}

export interface SaveValueRequest {
  indicatorId: string;
  /** Defaults to the county. */
  orgUnitCode?: string;
  year: number;
  value: number;
  sourceDocument?: string;
  note?: string;
  /** Submit for approval straight away. */
  submit?: boolean;
}

export interface ImportIssue {
  file: string;
  sheet: string;
  row: number;
  column: string;
  reason: string;
}

export interface ImportResult {
  /** 'all' writes nothing when any row is invalid; 'valid-only' writes the valid rows. */
  mode: 'all' | 'valid-only';
  imported: number;
  skipped: number;
  errors: ImportIssue[];
}

export const PROJECT_STATUSES = ['not_started', 'in_progress', 'completed', 'delayed', 'suspended'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface Milestone {
  id: number;
  projectId: string;
  name: string;
  dueDate: string | null;
  doneDate: string | null;
  note: string | null;
}

export interface ProjectSummary extends PlanProject {
  countyCode: string;
  status: ProjectStatus;
  progressPct: number;
  investmentToDate: number;
  updatedAt: string;
  milestones: Milestone[];
}

export interface UpdateProjectRequest {
  status?: ProjectStatus;
  progressPct?: number;
  investmentToDate?: number;
}

export type ReportKind = 'annual' | 'midterm' | 'final';

export interface ComparisonRow {
  standardCode: string;
  name: string;
  unit: string;
  direction: 'up' | 'down';
  counties: {
    countyCode: string;
    countyName: string;
    indicatorId: string;
    baseline: number | null;
    target: string;
    targetValue: number | null;
    latestValue: number | null;
    latestYear: number | null;
    status: IndicatorEvaluation['status'];
  }[];
}

export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  disabled: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  roles: RoleAssignment[];
  createdAt: string;
}

/** PATCH /users/:id. `resetPassword` sets a generated one-time password (the user must change it). */
export interface UpdateUserRequest {
  displayName?: string;
  disabled?: boolean;
  unlock?: boolean;
  resetPassword?: boolean;
  roles?: { role: Role; orgUnitCode: string }[];
}

/** The answer to PATCH /users/:id: after `resetPassword` it carries the one-time password, shown only this once. */
export interface UpdateUserResponse extends UserSummary {
  oneTimePassword?: string;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  password: string;
  roles: { role: Role; orgUnitCode: string }[];
}

export interface AuditEntry {
  id: number;
  at: string;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  countyCode: string | null;
  before: unknown;
  after: unknown;
}

/**
 * GET /counties/:code/computed-indicators: one indicator computed from the registers for one org unit
 * (the county, then each township) and year; @chp/db's ComputedIndicator is this type.
 */
export interface ComputedIndicatorResponse {
  code: string;
  name: string;
  /** The county (6 digits) or a township (9 digits). */
  orgUnit: string;
  orgUnitName: string;
  /** numerator / denominator × factor, except where docs/indicators.md says otherwise; null when not computable (see `warnings`). */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: string;
  /** 95 % confidence interval (life expectancy). */
  ciLower?: number;
  ciUpper?: number;
  /** Staffing or resource norm in the indicator's unit (county level only). */
  norm?: number;
  compliant?: boolean | null;
  warnings?: string[];
}

/** One year of an org unit's computed indicator in a trend. */
export interface ComputedTrendPoint {
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  warnings?: string[];
}

/**
 * GET /counties/:code/computed-indicators/trend: one indicator computed from the registers for each
 * year of a range, for the county first, then each township (townships absent for county-only norms).
 */
export interface ComputedTrendResponse {
  code: string;
  name: string;
  unit: string;
  years: number[];
  orgUnits: { orgUnit: string; orgUnitName: string; points: ComputedTrendPoint[] }[];
}
