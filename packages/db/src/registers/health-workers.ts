/** The workforce register: one row per person and employment spell at a facility, with qualifications. */
import { KNOWN_SEXES } from '@chp/core';
import type { KnownSex } from '@chp/core';
import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { writeAudit } from '../access/audit.js';
import type { Actor } from '../access/audit.js';
import { AccessError } from '../access/errors.js';
import { batches } from '../org-units/upsert.js';
import { healthWorker } from '../schema.js';
import { checkCountyFacilities } from './facilities.js';
import { QUALIFICATIONS } from './qualifications.js';
import type { Qualification } from './qualifications.js';
import { MAX_AGE } from './vital-codes.js';

export interface HealthWorkerInput {
  facilityId: number;
  personRef: string;
  sex: KnownSex;
  birthYear: number | null;
  qualifications: Qualification[];
  employedFrom: number;
  employedTo: number | null;
}

export interface HealthWorker extends HealthWorkerInput {
  id: number;
  countyCode: string;
}

/** The youngest age at which a person may start work (劳动法: 16 周岁). */
const MIN_WORKING_AGE = 16;

/** A birth year must make the person of working age when employed; shared by addHealthWorkers and the import. */
export function birthYearProblem(birthYear: number, employedFrom: number): string | null {
  const age = employedFrom - birthYear;
  return age < MIN_WORKING_AGE || age > MAX_AGE
    ? `出生年份 ${birthYear} 与入职年份 ${employedFrom} 不符（入职时应为 ${MIN_WORKING_AGE}—${MAX_AGE} 岁）`
    : null;
}

/** A spell cannot end before it started; shared by addHealthWorkers and the import. */
export function employmentEndProblem(employedFrom: number, employedTo: number | null): string | null {
  return employedTo !== null && employedTo < employedFrom
    ? `离职年份 ${employedTo} 早于入职年份 ${employedFrom}`
    : null;
}

function workerProblem(input: HealthWorkerInput): string | null {
  const label = `人员 ${input.personRef}`;
  if (!KNOWN_SEXES.some((sex) => sex.code === input.sex)) return `${label}的性别 ${input.sex} 无效（应为 1 或 2）`;
  const unknown = input.qualifications.filter((code) => !QUALIFICATIONS.some((q) => q.code === code));
  if (unknown.length > 0) return `${label}的资质 ${unknown.join('、')} 无效`;
  const years =
    (input.birthYear === null ? null : birthYearProblem(input.birthYear, input.employedFrom)) ??
    employmentEndProblem(input.employedFrom, input.employedTo);
  return years === null ? null : `${label}的${years}`;
}

/** Adds employment spells; all or none. A spell the county already has (same person, facility, start) is a conflict. */
export async function addHealthWorkers(
  db: Db,
  actor: Actor,
  countyCode: string,
  inputs: readonly HealthWorkerInput[]
): Promise<HealthWorker[]> {
  const problems = inputs.map(workerProblem).filter((problem) => problem !== null);
  if (problems.length > 0) throw new AccessError('invalid', 'invalid_health_worker', problems.join('；'));
  return db.transaction(async (tx) => {
    await checkCountyFacilities(
      tx,
      countyCode,
      inputs.map((input) => input.facilityId)
    );
    const added: HealthWorker[] = [];
    for (const batch of batches(inputs)) {
      const rows = await tx
        .insert(healthWorker)
        .values(batch.map((input) => ({ ...input, countyCode })))
        .onConflictDoNothing()
        .returning();
      if (rows.length < batch.length) {
        // Throwing rolls the whole transaction back: nothing of this call is kept.
        throw new AccessError(
          'conflict',
          'duplicate_health_worker',
          '有人员的同一任职记录（人员、机构、入职年份）重复或已存在'
        );
      }
      added.push(...rows.map(toWorker));
    }
    await writeAudit(tx, actor, {
      action: 'health_worker.create',
      entity: 'health_worker',
      entityId: null,
      countyCode,
      after: { count: added.length },
    });
    return added;
  });
}

/** The county's employment spells, or those running in a given year. */
export async function listHealthWorkers(db: Db, countyCode: string, year?: number): Promise<HealthWorker[]> {
  const conditions: (SQL | undefined)[] = [eq(healthWorker.countyCode, countyCode)];
  if (year !== undefined) {
    conditions.push(
      lte(healthWorker.employedFrom, year),
      or(isNull(healthWorker.employedTo), gte(healthWorker.employedTo, year))
    );
  }
  const rows = await db
    .select()
    .from(healthWorker)
    .where(and(...conditions))
    .orderBy(asc(healthWorker.id));
  return rows.map(toWorker);
}

function toWorker(row: typeof healthWorker.$inferSelect): HealthWorker {
  return { ...row, sex: row.sex as KnownSex, qualifications: row.qualifications as Qualification[] };
}
