/**
 * The platform's schema. One dialect: PostgreSQL (PGlite embedded, or a server via DATABASE_URL).
 * Every table that holds county data carries `county_code` (GB/T 2260, 6 digits) so the schema can be
 * distributed by county later without redesign.
 */
import type { BoundaryCollection, FeatureMatch } from '@chp/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
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

/*
 * Resident health records, family doctors and basic public-health services (issue 4; docs/health-records.md).
 * Codes of the enumerated columns are defined in @chp/core (health/). A person's township and village are
 * held on `resident` only, so every scope and every by-township figure follows where the person lives now.
 */

/** A household (户) in a village; residents point to it. */
export const household = pgTable(
  'household',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    /** 户编号 as used by the county (unique per county). */
    householdNumber: text('household_number').notNull(),
    townshipCode: text('township_code').notNull(),
    villageCode: text('village_code'),
    address: text('address'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('household_number_unique').on(t.countyCode, t.householdNumber)]
);

/**
 * The resident master index (居民主索引) and the health record (健康档案) it carries. The ID number is
 * stored encrypted (AES-256-GCM), with a keyed hash for exact lookup and duplicate detection and a masked
 * form for display; never in clear.
 */
export const resident = pgTable(
  'resident',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    /** ID document type (core health/id-types). */
    idType: text('id_type').notNull(),
    idNumberCipher: text('id_number_cipher'),
    /** HMAC-SHA256 of the normalised ID number (type-prefixed), for lookup and duplicate detection. */
    idNumberHash: text('id_number_hash'),
    /** e.g. 640221********1234, safe to show to any role that sees the person. */
    idNumberMasked: text('id_number_masked'),
    name: text('name').notNull(),
    /** GB/T 2261.1: '0' unknown, '1' male, '2' female, '9' unspecified. */
    sex: text('sex').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    phone: text('phone'),
    townshipCode: text('township_code').notNull(),
    villageCode: text('village_code'),
    householdId: bigint('household_id', { mode: 'number' }),
    /** Relation to the head of household (GB/T 4761 code), '02'… ; '01' is the head. */
    householdRelation: text('household_relation'),
    /** 建档日期; null while the person is indexed without a health record. */
    recordDate: date('record_date', { mode: 'string' }),
    /** 'active' | 'moved' | 'deceased' (core health/record-status). */
    recordStatus: text('record_status').notNull().default('active'),
    statusDate: date('status_date', { mode: 'string' }),
    deathDate: date('death_date', { mode: 'string' }),
    /** The facility that keeps the record (usually the township health centre). */
    recordFacilityId: integer('record_facility_id'),
    /** Set when this entry was merged into another (duplicate); merged entries are kept for audit. */
    mergedIntoId: bigint('merged_into_id', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('resident_id_number_unique')
      .on(t.countyCode, t.idNumberHash)
      .where(sql`merged_into_id is null and id_number_hash is not null`),
    index('resident_area_idx').on(t.countyCode, t.townshipCode, t.villageCode),
    index('resident_name_idx').on(t.countyCode, t.name),
    index('resident_phone_idx').on(t.countyCode, t.phone),
    index('resident_household_idx').on(t.householdId),
  ]
);

/** Key-population flags that are not derived from age or programmes: disabled, 脱贫户, 监测户. */
export const residentFlag = pgTable(
  'resident_flag',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    flag: text('flag').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
  },
  (t) => [
    index('resident_flag_resident_idx').on(t.residentId),
    index('resident_flag_county_idx').on(t.countyCode, t.flag),
  ]
);

/** A visit or stay at a facility (outpatient, inpatient, emergency, home visit, public-health service). */
export const encounter = pgTable(
  'encounter',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    facilityId: integer('facility_id'),
    /** 'outpatient' | 'inpatient' | 'emergency' | 'home' | 'public_health' */
    kind: text('kind').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    department: text('department'),
    clinician: text('clinician'),
    createdAt: createdAt(),
  },
  (t) => [index('encounter_resident_idx').on(t.residentId, t.startDate)]
);

/** An ICD-10 diagnosis of a resident, usually made at an encounter. */
export const diagnosis = pgTable(
  'diagnosis',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    encounterId: bigint('encounter_id', { mode: 'number' }),
    icd10: text('icd10').notNull(),
    name: text('name').notNull(),
    diagnosedDate: date('diagnosed_date', { mode: 'string' }).notNull(),
    primary: boolean('is_primary').notNull().default(false),
  },
  (t) => [index('diagnosis_resident_idx').on(t.residentId, t.diagnosedDate)]
);

/** A prescription line written at an encounter. */
export const prescription = pgTable(
  'prescription',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    encounterId: bigint('encounter_id', { mode: 'number' }),
    prescribedDate: date('prescribed_date', { mode: 'string' }).notNull(),
    drugName: text('drug_name').notNull(),
    dose: text('dose'),
    frequency: text('frequency'),
    route: text('route'),
    days: integer('days'),
  },
  (t) => [index('prescription_resident_idx').on(t.residentId, t.prescribedDate)]
);

/** A laboratory, imaging or examination result. */
export const observation = pgTable(
  'observation',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    encounterId: bigint('encounter_id', { mode: 'number' }),
    /** 'laboratory' | 'imaging' | 'exam' | 'vital-signs' (FHIR observation-category) */
    category: text('category').notNull(),
    /** LOINC where known, else a local code. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    observedDate: date('observed_date', { mode: 'string' }).notNull(),
    valueNumber: doublePrecision('value_number'),
    valueText: text('value_text'),
    unit: text('unit'),
    referenceRange: text('reference_range'),
    /** 'H' | 'L' | 'A' (abnormal) | null */
    abnormal: text('abnormal'),
  },
  (t) => [index('observation_resident_idx').on(t.residentId, t.observedDate)]
);

/**
 * Enrolment of a resident in a basic public-health programme (hypertension, diabetes, severe mental
 * disorder, tuberculosis, 65+, maternal, child 0–6). Programme-specific facts (LMP, delivery, risk grade)
 * are in `details`.
 */
export const programEnrolment = pgTable(
  'program_enrolment',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    program: text('program').notNull(),
    enrolledDate: date('enrolled_date', { mode: 'string' }).notNull(),
    endedDate: date('ended_date', { mode: 'string' }),
    endReason: text('end_reason'),
    facilityId: integer('facility_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index('program_enrolment_resident_idx').on(t.residentId),
    index('program_enrolment_county_idx').on(t.countyCode, t.program, t.enrolledDate),
  ]
);

/**
 * A programme visit: follow-up, check, antenatal care, postpartum visit, newborn visit… (kinds in core).
 * `controlled` is derived from the values when saved (blood pressure or glucose on target), so the control
 * rates need no JSON reads. One visit of a kind per enrolment and day.
 */
export const followUp = pgTable(
  'follow_up',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    enrolmentId: bigint('enrolment_id', { mode: 'number' }).notNull(),
    program: text('program').notNull(),
    kind: text('kind').notNull(),
    visitDate: date('visit_date', { mode: 'string' }).notNull(),
    facilityId: integer('facility_id'),
    doctor: text('doctor'),
    values: jsonb('values').$type<Record<string, unknown>>().notNull().default({}),
    controlled: boolean('controlled'),
    referral: boolean('referral').notNull().default(false),
    nextVisitDate: date('next_visit_date', { mode: 'string' }),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('follow_up_unique').on(t.countyCode, t.enrolmentId, t.kind, t.visitDate),
    index('follow_up_date_idx').on(t.countyCode, t.visitDate),
    index('follow_up_resident_idx').on(t.residentId, t.visitDate),
  ]
);

/** A dose of a vaccine given (国家免疫规划 and others); one record per resident, vaccine and dose. */
export const vaccination = pgTable(
  'vaccination',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    /** Vaccine code (core health/immunisation-schedule). */
    vaccine: text('vaccine').notNull(),
    dose: integer('dose').notNull(),
    vaccinatedDate: date('vaccinated_date', { mode: 'string' }).notNull(),
    facilityId: integer('facility_id'),
    lotNumber: text('lot_number'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('vaccination_unique').on(t.countyCode, t.residentId, t.vaccine, t.dose),
    index('vaccination_date_idx').on(t.countyCode, t.vaccinatedDate),
  ]
);

/** A family-doctor team (家庭医生团队): its facility and the villages or townships it serves. */
export const familyDoctorTeam = pgTable(
  'family_doctor_team',
  {
    id: serial('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    name: text('name').notNull(),
    facilityId: integer('facility_id'),
    townshipCode: text('township_code').notNull(),
    /** Org-unit codes (villages or townships) the team serves. */
    areaCodes: text('area_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [index('family_doctor_team_county_idx').on(t.countyCode, t.townshipCode)]
);

/** A member of a family-doctor team; `userId` links a platform account for the team panel. */
export const familyDoctorTeamMember = pgTable(
  'family_doctor_team_member',
  {
    id: serial('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    teamId: integer('team_id').notNull(),
    name: text('name').notNull(),
    /** 'leader' | 'general_practitioner' | 'village_doctor' | 'nurse' | 'public_health' | 'specialist' | 'pharmacist' */
    role: text('role').notNull(),
    healthWorkerId: integer('health_worker_id'),
    userId: integer('user_id'),
    phone: text('phone'),
  },
  (t) => [index('family_doctor_team_member_team_idx').on(t.teamId)]
);

/** A family-doctor service package (基础包 or 个性化包) offered in the county. */
export const servicePackage = pgTable(
  'service_package',
  {
    id: serial('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 'basic' | 'personalised' */
    kind: text('kind').notNull(),
    /** Yuan per year paid by the resident (after 医保 and public-health funds). */
    annualFee: doublePrecision('annual_fee').notNull().default(0),
    /** Key-population flags the package is meant for (empty: everyone). */
    targetFlags: text('target_flags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    services: text('services')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [uniqueIndex('service_package_code_unique').on(t.countyCode, t.code)]
);

/** A family-doctor contract (签约): one year by default; renewals point to the contract they renew. */
export const familyDoctorContract = pgTable(
  'family_doctor_contract',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }).notNull(),
    teamId: integer('team_id').notNull(),
    packageId: integer('package_id').notNull(),
    signedDate: date('signed_date', { mode: 'string' }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** 'active' | 'terminated'; expiry is read from end_date. */
    status: text('status').notNull().default('active'),
    terminatedDate: date('terminated_date', { mode: 'string' }),
    terminationReason: text('termination_reason'),
    renewsContractId: bigint('renews_contract_id', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('family_doctor_contract_resident_idx').on(t.residentId),
    index('family_doctor_contract_team_idx').on(t.countyCode, t.teamId, t.endDate),
    index('family_doctor_contract_period_idx').on(t.countyCode, t.startDate, t.endDate),
  ]
);

/*
 * Infectious-disease reporting and multi-point early warning (issue 5; design in docs/surveillance.md).
 * National notifiable diseases, syndromes, site kinds and alert states are codes in core (surveillance/).
 */

/** A locally monitored disease or syndrome (beyond the national list) and per-subject detection settings. */
export const surveillanceSubject = pgTable(
  'surveillance_subject',
  {
    id: serial('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    /** A national disease code, a syndrome code, or a local code ('L…') for a locally monitored disease. */
    code: text('code').notNull(),
    /** Name of a local disease; null for national codes (named in core). */
    name: text('name'),
    /** Immediate signal on one case (甲类-like handling) for local diseases. */
    immediate: boolean('immediate').notNull().default(false),
    /** Reporting deadline in hours for a local disease (2 or 24). */
    deadlineHours: integer('deadline_hours'),
    /** Detection settings (methods and their parameters), overriding the defaults in core. */
    detection: jsonb('detection').$type<Record<string, unknown>>(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('surveillance_subject_unique').on(t.countyCode, t.code)]
);

/**
 * A notifiable-disease case report card (传染病报告卡). The patient's ID number is stored like the resident
 * index (cipher, keyed hash, masked); `resident_id` links the card when it matches the index.
 */
export const caseReport = pgTable(
  'case_report',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    /** 卡片编号, unique per county. */
    cardNumber: text('card_number').notNull(),
    residentId: bigint('resident_id', { mode: 'number' }),
    patientName: text('patient_name').notNull(),
    idType: text('id_type'),
    idNumberCipher: text('id_number_cipher'),
    idNumberHash: text('id_number_hash'),
    idNumberMasked: text('id_number_masked'),
    sex: text('sex').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    phone: text('phone'),
    townshipCode: text('township_code').notNull(),
    villageCode: text('village_code'),
    address: text('address'),
    diseaseCode: text('disease_code').notNull(),
    /** 'suspected' 疑似 | 'clinical' 临床诊断 | 'confirmed' 确诊 | 'carrier' 病原携带 */
    classification: text('classification').notNull(),
    onsetDate: date('onset_date', { mode: 'string' }).notNull(),
    diagnosedAt: timestamp('diagnosed_at', { withTimezone: true, mode: 'date' }).notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }).notNull(),
    facilityId: integer('facility_id').notNull(),
    reportingDoctor: text('reporting_doctor').notNull(),
    /** 'pending' 待审核 | 'reviewed' 已审核 | 'deleted' 已删除 (core surveillance/case-report-status). */
    status: text('status').notNull().default('pending'),
    reviewedBy: integer('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    /** Revision number: 0 as first reported, +1 per 订正. */
    revision: integer('revision').notNull().default(0),
    deletedReason: text('deleted_reason'),
    /** Set when the card was found to repeat another card of the same patient and disease (重卡). */
    duplicateOfId: bigint('duplicate_of_id', { mode: 'number' }),
    /** Caller's id for idempotent API submission (e.g. the hospital system's card id). */
    sourceRef: text('source_ref'),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('case_report_card_unique').on(t.countyCode, t.cardNumber),
    uniqueIndex('case_report_source_unique')
      .on(t.countyCode, t.sourceRef)
      .where(sql`source_ref is not null`),
    index('case_report_disease_idx').on(t.countyCode, t.diseaseCode, t.onsetDate),
    index('case_report_area_idx').on(t.countyCode, t.townshipCode, t.onsetDate),
    index('case_report_patient_idx').on(t.countyCode, t.idNumberHash, t.diseaseCode),
    index('case_report_resident_idx').on(t.residentId),
  ]
);

/** Each revision (订正), review, deletion or duplicate marking of a card, with the card before the change. */
export const caseReportRevision = pgTable(
  'case_report_revision',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    caseReportId: bigint('case_report_id', { mode: 'number' }).notNull(),
    /** 'revise' | 'review' | 'delete' | 'mark_duplicate' */
    action: text('action').notNull(),
    reason: text('reason'),
    before: jsonb('before').$type<Record<string, unknown>>(),
    changedBy: integer('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('case_report_revision_card_idx').on(t.caseReportId, t.changedAt)]
);

/** A signal source site (哨点): a clinic, pharmacy, school, station, laboratory… mapped to a township. */
export const surveillanceSite = pgTable(
  'surveillance_site',
  {
    id: serial('id').primaryKey(),
    countyCode: text('county_code').notNull(),
    /** The site's code as senders use it in batches; unique per county. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Site kind (core surveillance/site-kinds): fever_clinic, pharmacy, school, … */
    kind: text('kind').notNull(),
    townshipCode: text('township_code').notNull(),
    villageCode: text('village_code'),
    facilityId: integer('facility_id'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('surveillance_site_code_unique').on(t.countyCode, t.code)]
);

/** A received batch of signal counts; the sender's batch id makes a repeated batch a no-op. */
export const signalBatch = pgTable(
  'signal_batch',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    batchId: text('batch_id').notNull(),
    /** 'api' | 'csv' | 'manual' */
    channel: text('channel').notNull(),
    rowCount: integer('row_count').notNull(),
    receivedBy: integer('received_by'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('signal_batch_unique').on(t.countyCode, t.batchId)]
);

/**
 * A day's count at a site for one syndrome or cause (e.g. fever visits, antipyretic sales, absences for
 * respiratory illness, lab positives for a disease). One row per site, day and signal: a late batch with
 * the same key replaces the count (a correction), never adds to it.
 */
export const signalCount = pgTable(
  'signal_count',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    siteId: integer('site_id').notNull(),
    /** The site's township at the time of the count (denormalised for detection by township). */
    townshipCode: text('township_code').notNull(),
    signalDate: date('signal_date', { mode: 'string' }).notNull(),
    /** Syndrome or cause code (core surveillance/syndromes) or a disease code for lab positives. */
    signal: text('signal').notNull(),
    count: integer('count').notNull(),
    batchId: bigint('batch_id', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('signal_count_unique').on(t.countyCode, t.siteId, t.signalDate, t.signal),
    index('signal_count_series_idx').on(t.countyCode, t.signal, t.signalDate),
  ]
);

/** One detection run (daily or on demand) for an assessed date; results are replaced on a re-run. */
export const detectionRun = pgTable(
  'detection_run',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    assessedDate: date('assessed_date', { mode: 'string' }).notNull(),
    /** 'daily' | 'manual' */
    trigger: text('trigger').notNull(),
    startedBy: integer('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    seriesCount: integer('series_count'),
    alarmCount: integer('alarm_count'),
    alertCount: integer('alert_count'),
  },
  (t) => [index('detection_run_date_idx').on(t.countyCode, t.assessedDate)]
);

/** The result of one method on one series (subject × source × area) for an assessed date. */
export const detectionResult = pgTable(
  'detection_result',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    assessedDate: date('assessed_date', { mode: 'string' }).notNull(),
    /** Disease or syndrome code. */
    subject: text('subject').notNull(),
    /** 'case' for report cards, else the site kind the signal came from. */
    source: text('source').notNull(),
    /** Township code, or the county code for the county-wide series. */
    areaCode: text('area_code').notNull(),
    method: text('method').notNull(),
    observed: doublePrecision('observed').notNull(),
    upperbound: doublePrecision('upperbound'),
    alarm: boolean('alarm').notNull(),
    runId: bigint('run_id', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('detection_result_unique').on(t.countyCode, t.assessedDate, t.subject, t.source, t.areaCode, t.method),
    index('detection_result_alarm_idx')
      .on(t.countyCode, t.assessedDate)
      .where(sql`alarm`),
  ]
);

/**
 * An early-warning alert (预警信号) for a subject in an area, graded 红/橙/黄/蓝. At most one open alert per
 * subject and area: new alarms update it (and may raise its grade) instead of opening another.
 */
export const alert = pgTable(
  'alert',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    subject: text('subject').notNull(),
    areaCode: text('area_code').notNull(),
    /** 'red' | 'orange' | 'yellow' | 'blue' */
    grade: text('grade').notNull(),
    /** 'new' | 'verifying' | 'excluded' | 'confirmed' | 'investigating' | 'closed' */
    status: text('status').notNull().default('new'),
    firstDate: date('first_date', { mode: 'string' }).notNull(),
    lastDate: date('last_date', { mode: 'string' }).notNull(),
    /** What raised it: sources, methods, observed and thresholds, the rule that set the grade. */
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull().default({}),
    assigneeId: integer('assignee_id'),
    raisedAt: timestamp('raised_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    verifyingAt: timestamp('verifying_at', { withTimezone: true, mode: 'date' }),
    /** When it was excluded or confirmed (核实完成). */
    verifiedAt: timestamp('verified_at', { withTimezone: true, mode: 'date' }),
    investigatingAt: timestamp('investigating_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    emergencyEventId: bigint('emergency_event_id', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('alert_open_unique')
      .on(t.countyCode, t.subject, t.areaCode)
      .where(sql`status in ('new', 'verifying', 'confirmed', 'investigating')`),
    index('alert_status_idx').on(t.countyCode, t.status, t.raisedAt),
  ]
);

/** The history of an alert: status changes, assignments, notes, grade changes. */
export const alertEvent = pgTable(
  'alert_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    alertId: bigint('alert_id', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    userId: integer('user_id'),
    /** 'raised' | 'updated' | 'status' | 'assign' | 'note' | 'escalate' */
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [index('alert_event_alert_idx').on(t.alertId, t.at)]
);

/** A public-health emergency event (突发公共卫生事件), opened from a confirmed alert; handled by a later issue. */
export const emergencyEvent = pgTable(
  'emergency_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    countyCode: text('county_code').notNull(),
    alertId: bigint('alert_id', { mode: 'number' }),
    title: text('title').notNull(),
    subject: text('subject').notNull(),
    areaCode: text('area_code').notNull(),
    /** 'open' | 'closed' */
    status: text('status').notNull().default('open'),
    createdBy: integer('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('emergency_event_county_idx').on(t.countyCode, t.status)]
);
