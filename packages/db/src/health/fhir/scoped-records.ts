/**
 * The rows the FHIR API publishes (Patient, Encounter, Condition, Observation, Immunization, EpisodeOfCare),
 * each only when its resident lies in the reader's scope, so the FHIR API sees exactly what the REST API sees.
 */
import { and, asc, count, eq, inArray, like } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { diagnosis, encounter, observation, orgUnit, programEnrolment, resident, vaccination } from '../../schema.js';
import type { ResidentRow } from '../residents/find-resident.js';
import { residentInScope } from '../resident-scope.js';
import type { ResidentScope } from '../resident-scope.js';

const RECORD_TABLES = { encounter, diagnosis, observation, vaccination, programEnrolment } as const;

export type HealthRecordKind = keyof typeof RECORD_TABLES;
export type HealthRecordRow<K extends HealthRecordKind> = (typeof RECORD_TABLES)[K]['$inferSelect'];

export interface RecordPage {
  count: number;
  offset: number;
}

export interface ScopedPage<T> {
  rows: T[];
  total: number;
}

export interface PatientCriteria {
  /** Keyed hashes of a typed ID number (idNumberHashes): an exact match on any of them. */
  idNumberHashes?: readonly string[];
  /** Part of the name. */
  name?: string;
  birthDate?: string;
}

/** A resident by id in any county, when the scope covers them. */
export async function findResidentById(db: Db, scope: ResidentScope, residentId: number): Promise<ResidentRow | null> {
  const [row] = await db
    .select()
    .from(resident)
    .where(and(eq(resident.id, residentId), residentInScope(scope)));
  return row ?? null;
}

/** The residents in the scope matching the criteria, by id. */
export async function searchScopedResidents(
  db: Db,
  scope: ResidentScope,
  criteria: PatientCriteria,
  page: RecordPage
): Promise<ScopedPage<ResidentRow>> {
  const { idNumberHashes, name, birthDate } = criteria;
  const where = and(
    residentInScope(scope),
    idNumberHashes === undefined ? undefined : inArray(resident.idNumberHash, [...idNumberHashes, '']),
    name === undefined ? undefined : like(resident.name, `%${name.replace(/[\\%_]/g, '\\$&')}%`),
    birthDate === undefined ? undefined : eq(resident.birthDate, birthDate)
  );
  const [rows, [counted]] = await Promise.all([
    db.select().from(resident).where(where).orderBy(asc(resident.id)).limit(page.count).offset(page.offset),
    db.select({ total: count() }).from(resident).where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

/**
 * Records of a kind whose resident lies in the scope: one by id, or a resident's. A record outside the
 * scope is simply absent.
 */
export async function listScopedRecords<K extends HealthRecordKind>(
  db: Db,
  kind: K,
  scope: ResidentScope,
  filter: { id?: number; residentId?: number },
  page: RecordPage
): Promise<ScopedPage<HealthRecordRow<K>>> {
  // One table at a time; the union of the tables' types is more than Drizzle's builder can follow.
  const table = RECORD_TABLES[kind] as typeof encounter;
  const where: SQL | undefined = and(
    residentInScope(scope),
    filter.id === undefined ? undefined : eq(table.id, filter.id),
    filter.residentId === undefined ? undefined : eq(table.residentId, filter.residentId)
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select({ record: table })
      .from(table)
      .innerJoin(resident, eq(resident.id, table.residentId))
      .where(where)
      .orderBy(asc(table.id))
      .limit(page.count)
      .offset(page.offset),
    db.select({ total: count() }).from(table).innerJoin(resident, eq(resident.id, table.residentId)).where(where),
  ]);
  return { rows: rows.map((row) => row.record as HealthRecordRow<K>), total: counted?.total ?? 0 };
}

/** Names of org units (township, village) by code. */
export async function orgUnitNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: orgUnit.code, name: orgUnit.name })
    .from(orgUnit)
    .where(inArray(orgUnit.code, [...new Set(codes)]));
  return new Map(rows.map((row) => [row.code, row.name]));
}
