/**
 * The platform's schema. One dialect: PostgreSQL (PGlite embedded, or a server via DATABASE_URL).
 * Every table that holds county data carries `county_code` (GB/T 2260, 6 digits) so the schema can be
 * distributed by county later without redesign.
 */
import type { BoundaryCollection, FeatureMatch } from '@chp/core';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// No return-type annotation: it would erase notNull() from the column's type.
const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/**
 * Administrative divisions (DHIS2 org units): province (1) → city (2) → county (3) → township (4) →
 * village (5). Codes are the national statistical codes: 2/4/6/9/12 digits.
 */
export const orgUnit = pgTable(
  'org_unit',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: integer('level').notNull(),
    parentCode: text('parent_code'),
    /** The county this unit lies in; null for provinces and cities. */
    countyCode: text('county_code'),
    /** Materialised path of codes from the province down, '/64/6402/640221/'. */
    path: text('path').notNull(),
  },
  (t) => [index('org_unit_parent_idx').on(t.parentCode), index('org_unit_county_idx').on(t.countyCode, t.level)]
);

/** Counties installed on this platform (a county's plan and data can be loaded once it is here). */
export const county = pgTable('county', {
  countyCode: text('county_code').primaryKey(),
  name: text('name').notNull(),
  provinceName: text('province_name').notNull(),
  cityName: text('city_name').notNull(),
  createdAt: createdAt(),
});

/** A county's 十四五 plan, transcribed from its source document. */
export const plan = pgTable('plan', {
  id: text('id').primaryKey(),
  countyCode: text('county_code').notNull(),
  title: text('title').notNull(),
  seedFile: text('seed_file').notNull(),
  periodStart: integer('period_start').notNull(),
  periodEnd: integer('period_end').notNull(),
  loadedAt: createdAt(),
});

/**
 * A plan indicator or prose target. Definitions are either entered (values typed in and approved) or
 * computed (numerator / denominator × factor over platform data, DHIS2-style).
 */
export const indicator = pgTable(
  'indicator',
  {
    id: text('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    planId: text('plan_id').notNull(),
    sortOrder: integer('sort_order').notNull(),
    seq: text('seq'),
    name: text('name').notNull(),
    domain: text('domain'),
    unit: text('unit'),
    baseline: doublePrecision('baseline'),
    baselineText: text('baseline_text'),
    baselineYear: integer('baseline_year'),
    targetText: text('target_text').notNull(),
    comparator: text('comparator').notNull(),
    targetValue: doublePrecision('target_value'),
    targetYear: integer('target_year').notNull(),
    attribute: text('attribute'),
    source: text('source').notNull(),
    line: integer('line').notNull(),
    quote: text('quote').notNull(),
    standardCode: text('standard_code'),
    note: text('note'),
    /** 'entered' or 'computed'. */
    definitionType: text('definition_type').notNull().default('entered'),
    /** For computed indicators: the computed-source code (later issues register the sources). */
    computedSource: text('computed_source'),
    factor: doublePrecision('factor'),
  },
  (t) => [index('indicator_county_idx').on(t.countyCode, t.sortOrder), index('indicator_std_idx').on(t.standardCode)]
);

/**
 * A yearly monitoring value for one indicator at one org unit (the county, or a township where meaningful).
 * Workflow: draft → submitted → approved, or submitted → returned (with a reason) → submitted again.
 */
export const indicatorValue = pgTable(
  'indicator_value',
  {
    id: serial('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    indicatorId: text('indicator_id').notNull(),
    orgUnitCode: text('org_unit_code').notNull(),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
    status: text('status').notNull().default('draft'),
    sourceDocument: text('source_document'),
    note: text('note'),
    enteredBy: integer('entered_by').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    submittedBy: integer('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    approvedBy: integer('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    returnReason: text('return_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('indicator_value_unique').on(t.indicatorId, t.orgUnitCode, t.year),
    index('indicator_value_county_idx').on(t.countyCode, t.year),
    index('indicator_value_status_idx').on(t.countyCode, t.status),
  ]
);

/** Every change of a monitoring value: the full history behind the current row. */
export const indicatorValueHistory = pgTable(
  'indicator_value_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    valueId: integer('value_id').notNull(),
    action: text('action').notNull(),
    status: text('status').notNull(),
    value: doublePrecision('value').notNull(),
    sourceDocument: text('source_document'),
    note: text('note'),
    reason: text('reason'),
    actorId: integer('actor_id').notNull(),
    at: createdAt(),
  },
  (t) => [index('indicator_value_history_value_idx').on(t.valueId)]
);

/** A reference value the plan measures against, e.g. 全区平均水平 for "达到全区平均水平" targets. */
export const regionalReference = pgTable(
  'regional_reference',
  {
    id: serial('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    indicatorId: text('indicator_id').notNull(),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
    sourceDocument: text('source_document'),
  },
  (t) => [uniqueIndex('regional_reference_unique').on(t.indicatorId, t.year)]
);

/** A major project (重大工程 / 专栏 / annex row) with its tracking state. */
export const project = pgTable(
  'project',
  {
    id: text('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    planId: text('plan_id').notNull(),
    sortOrder: integer('sort_order').notNull(),
    name: text('name').notNull(),
    columnTitle: text('column_title'),
    content: text('content').notNull(),
    investmentPlanned: doublePrecision('investment_planned'),
    fundingSources: jsonb('funding_sources').$type<{ source: string; amount: number | null }[]>().notNull(),
    responsibleUnit: text('responsible_unit'),
    periodText: text('period_text'),
    line: integer('line').notNull(),
    note: text('note'),
    /** not_started | in_progress | completed | delayed | suspended */
    status: text('status').notNull().default('not_started'),
    progressPct: doublePrecision('progress_pct').notNull().default(0),
    investmentToDate: doublePrecision('investment_to_date').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('project_county_idx').on(t.countyCode, t.sortOrder)]
);

export const projectMilestone = pgTable(
  'project_milestone',
  {
    id: serial('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    projectId: text('project_id').notNull(),
    name: text('name').notNull(),
    dueDate: text('due_date'),
    doneDate: text('done_date'),
    note: text('note'),
  },
  (t) => [index('project_milestone_project_idx').on(t.projectId)]
);

export const appUser = pgTable('app_user', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: boolean('must_change_password').notNull().default(true),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
});

/** A role held by a user over an org unit and everything below it. */
export const userRole = pgTable(
  'user_role',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').notNull(),
    role: text('role').notNull(),
    orgUnitCode: text('org_unit_code').notNull(),
    /** The county the scope lies in; null when the scope is a province or city (or the whole platform). */
    countyCode: text('county_code'),
  },
  (t) => [index('user_role_user_idx').on(t.userId)]
);

/** Server-side sessions; the cookie carries the random token, the table only its SHA-256. */
export const session = pgTable(
  'session',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('session_user_idx').on(t.userId)]
);

/** Who did what, when, with the state before and after. Written in the same transaction as the change. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' })
      .notNull()
      .default(sql`now()`),
    userId: integer('user_id'),
    username: text('username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    countyCode: text('county_code'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_entity_idx').on(t.entity, t.entityId)]
);

/** Platform settings (e.g. whether first-start seeding ran). */
export const setting = pgTable('setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/*
 * Registers (issue 3): population aggregates, vital events and health resources, from which the platform
 * computes plan indicators by township and year. `org_unit_code` is the township (level 4) or the county
 * itself; codes and labels of the enumerated columns are in registers/ (sexes per GB/T 2261.1).
 */

/** Population by org unit × year × residence × sex × age group (single years or 5-year groups, open last). */
export const populationAggregate = pgTable(
  'population_aggregate',
  {
    id: serial('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    orgUnitCode: text('org_unit_code').notNull(),
    year: integer('year').notNull(),
    /** 'resident' 常住 | 'registered' 户籍 */
    residence: text('residence').notNull(),
    /** '1' male | '2' female (GB/T 2261.1) */
    sex: text('sex').notNull(),
    ageStart: integer('age_start').notNull(),
    /** Last year of age in the group, inclusive; null for the open group (e.g. 85+). */
    ageEnd: integer('age_end'),
    count: integer('count').notNull(),
  },
  (t) => [
    uniqueIndex('population_aggregate_unique').on(t.countyCode, t.orgUnitCode, t.year, t.residence, t.sex, t.ageStart),
    index('population_aggregate_year_idx').on(t.countyCode, t.year, t.residence),
  ]
);

export const liveBirth = pgTable(
  'live_birth',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    orgUnitCode: text('org_unit_code').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex').notNull(),
    birthWeightG: integer('birth_weight_g'),
    motherAge: integer('mother_age'),
    /** The record's id in the source system (e.g. 出生医学证明编号); unique per county. */
    sourceRef: text('source_ref').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('live_birth_source_unique').on(t.countyCode, t.sourceRef),
    index('live_birth_date_idx').on(t.countyCode, t.birthDate, t.orgUnitCode),
  ]
);

export const death = pgTable(
  'death',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    orgUnitCode: text('org_unit_code').notNull(),
    deathDate: date('death_date', { mode: 'string' }).notNull(),
    /** Known for most records; needed for infant and neonatal deaths. */
    birthDate: date('birth_date', { mode: 'string' }),
    /** Completed years at death (from the dates when both are known). */
    ageYears: integer('age_years').notNull(),
    sex: text('sex').notNull(),
    /** ICD-10 code of the underlying cause, upper case with a dot: 'I21.9'. */
    underlyingCauseIcd10: text('underlying_cause_icd10').notNull(),
    maternal: boolean('maternal').notNull().default(false),
    /** 'hospital' | 'home' | 'on_the_way' | 'other' | 'unknown' (registers/vital-codes.ts) */
    place: text('place').notNull(),
    sourceRef: text('source_ref').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('death_source_unique').on(t.countyCode, t.sourceRef),
    index('death_date_idx').on(t.countyCode, t.deathDate, t.orgUnitCode),
  ]
);

/** A health facility (or a childcare institution) in the county; types in registers/facility-types.ts. */
export const facility = pgTable(
  'facility',
  {
    id: serial('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    orgUnitCode: text('org_unit_code').notNull(),
    /** The facility's id in the source register (e.g. 统一社会信用代码); unique per county. */
    sourceRef: text('source_ref').notNull(),
    name: text('name').notNull(),
    facilityType: text('facility_type').notNull(),
    /** Hospital grade code (registers/facility-types.ts), null when not graded. */
    grade: text('grade'),
    /** 'public' 公立 | 'private' 非公立 */
    ownership: text('ownership').notNull(),
    /** The county medical community (医共体) the facility belongs to, if any. */
    consortium: text('consortium'),
    validFrom: integer('valid_from').notNull(),
    /** Last year the facility existed; null while it does. */
    validTo: integer('valid_to'),
  },
  (t) => [
    uniqueIndex('facility_source_unique').on(t.countyCode, t.sourceRef),
    index('facility_county_idx').on(t.countyCode, t.facilityType),
  ]
);

/** Beds of a facility in a year by department: 编制 (approved) and 实有 (actual). */
export const facilityBeds = pgTable(
  'facility_beds',
  {
    id: serial('id').primaryKey(),
    facilityId: integer('facility_id').notNull(),
    countyCode: text('county_code').notNull(),
    year: integer('year').notNull(),
    /** 'total' | 'icu' | 'infectious' | 'psychiatric' | 'geriatric' | … (registers/bed-departments.ts) */
    department: text('department').notNull(),
    approved: integer('approved'),
    actual: integer('actual'),
  },
  (t) => [
    uniqueIndex('facility_beds_unique').on(t.facilityId, t.year, t.department),
    index('facility_beds_year_idx').on(t.countyCode, t.year),
  ]
);

/** One employment spell of a health worker at a facility, with the person's qualifications. */
export const healthWorker = pgTable(
  'health_worker',
  {
    id: serial('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    facilityId: integer('facility_id').notNull(),
    /** The person's id in the source register; one person may have several spells. */
    personRef: text('person_ref').notNull(),
    sex: text('sex').notNull(),
    birthYear: integer('birth_year'),
    /** Qualification codes (registers/qualifications.ts). */
    qualifications: text('qualifications')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    employedFrom: integer('employed_from').notNull(),
    /** Last year employed there; null while employed. */
    employedTo: integer('employed_to'),
  },
  (t) => [
    uniqueIndex('health_worker_unique').on(t.countyCode, t.personRef, t.facilityId, t.employedFrom),
    index('health_worker_facility_idx').on(t.facilityId),
    index('health_worker_county_idx').on(t.countyCode, t.employedFrom),
  ]
);

/** Childcare places (托位) of a facility in a year, of which inclusive (普惠). */
export const childcarePlaces = pgTable(
  'childcare_places',
  {
    id: serial('id').primaryKey(),
    facilityId: integer('facility_id').notNull(),
    countyCode: text('county_code').notNull(),
    year: integer('year').notNull(),
    places: integer('places').notNull(),
    inclusivePlaces: integer('inclusive_places').notNull(),
  },
  (t) => [
    uniqueIndex('childcare_places_unique').on(t.facilityId, t.year),
    index('childcare_places_year_idx').on(t.countyCode, t.year),
  ]
);

/**
 * A county's township boundaries (issue 3, township views): the uploaded GeoJSON FeatureCollection as
 * stored, with the township each feature was matched to. One set per county; a new upload replaces it.
 */
export const townshipBoundary = pgTable('township_boundary', {
  countyCode: text('county_code').primaryKey(),
  geojson: jsonb('geojson').$type<BoundaryCollection>().notNull(),
  /** The township each feature was matched to, and by which property. */
  featureMatches: jsonb('feature_matches').$type<FeatureMatch[]>().notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  uploadedBy: integer('uploaded_by').notNull(),
});
