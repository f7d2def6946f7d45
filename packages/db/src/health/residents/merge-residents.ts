/**
 * Merging a duplicate resident into the one kept: every row of the person (visits, diagnoses,
 * prescriptions, results, enrolments, follow-ups, vaccinations, contracts, flags) moves to the kept
 * resident in one transaction; the kept record takes the values it lacks (ID number, phone, household,
 * 建档 date and facility); the duplicate stays, marked `merged_into_id`, for the audit trail.
 */
import type { MergeResult, ProgramCode } from '@chp/core';
import { PROGRAMS } from '@chp/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { writeAudit } from '../../access/audit.js';
import type { Actor } from '../../access/audit.js';
import { AccessError } from '../../access/errors.js';
import {
  diagnosis,
  encounter,
  familyDoctorContract,
  followUp,
  observation,
  prescription,
  programEnrolment,
  resident,
  residentFlag,
  vaccination,
} from '../../schema.js';
import type { ResidentScope } from '../resident-scope.js';
import { findScopedResident, lockResidentRows } from './find-resident.js';
import type { ResidentRow } from './find-resident.js';
import { RESIDENT_ENTITY } from './record-access.js';
import { residentDetail, residentFlags } from './resident-detail.js';
import { auditedResident } from './resident-write.js';

/** The tables whose rows belong to one resident, by the kind MergeResult counts them under. */
const PERSON_TABLES = {
  encounter,
  diagnosis,
  prescription,
  observation,
  enrolment: programEnrolment,
  follow_up: followUp,
  vaccination,
  contract: familyDoctorContract,
  flag: residentFlag,
} as const;

type MovedKind = keyof typeof PERSON_TABLES;

async function mergeable(db: Db, scope: ResidentScope, countyCode: string, id: number): Promise<ResidentRow> {
  const row = await findScopedResident(db, scope, countyCode, id);
  if (row === null)
    throw new AccessError('not_found', 'resident_not_found', `居民档案（编号 ${String(id)}）不存在或无权访问`);
  if (row.mergedIntoId !== null) {
    throw new AccessError(
      'conflict',
      'resident_merged',
      `居民档案（编号 ${String(id)}）已合并到编号 ${String(row.mergedIntoId)} 的档案`
    );
  }
  return row;
}

const END_OF_TIME = '9999-12-31';

/** Enrolments of one programme may not overlap (a visit's date names one enrolment): refuse before moving. */
async function assertEnrolmentsCompatible(db: Db, sourceId: number, intoId: number): Promise<void> {
  const rows = await db
    .select({
      residentId: programEnrolment.residentId,
      program: programEnrolment.program,
      from: programEnrolment.enrolledDate,
      to: programEnrolment.endedDate,
    })
    .from(programEnrolment)
    .where(inArray(programEnrolment.residentId, [sourceId, intoId]));
  const of = (id: number): typeof rows => rows.filter((row) => row.residentId === id);
  for (const source of of(sourceId)) {
    for (const kept of of(intoId)) {
      if (source.program !== kept.program) continue;
      if (source.from <= (kept.to ?? END_OF_TIME) && kept.from <= (source.to ?? END_OF_TIME)) {
        const label = PROGRAMS[source.program as ProgramCode].label;
        const period = (row: typeof source): string => `${row.from} 至 ${row.to ?? '今'}`;
        throw new AccessError(
          'conflict',
          'enrolment_overlap',
          `两份档案的${label}健康管理时间重叠（${period(source)}、${period(kept)}），请先结案其中一份再合并`
        );
      }
    }
  }
}

/** The kept resident's doses win: the duplicate's record of the same vaccine dose is removed (and audited). */
async function dropRepeatedDoses(db: Db, sourceId: number, intoId: number): Promise<unknown[]> {
  const kept = await db
    .select({ vaccine: vaccination.vaccine, dose: vaccination.dose })
    .from(vaccination)
    .where(eq(vaccination.residentId, intoId));
  const keptDoses = new Set(kept.map((dose) => `${dose.vaccine}\u0000${String(dose.dose)}`));
  const repeated = (await db.select().from(vaccination).where(eq(vaccination.residentId, sourceId))).filter((dose) =>
    keptDoses.has(`${dose.vaccine}\u0000${String(dose.dose)}`)
  );
  if (repeated.length > 0) {
    await db.delete(vaccination).where(
      inArray(
        vaccination.id,
        repeated.map((dose) => dose.id)
      )
    );
  }
  return repeated;
}

/** What the kept record lacks and the duplicate has. */
function takenFrom(source: ResidentRow, kept: ResidentRow): Partial<typeof resident.$inferInsert> {
  const taken: Partial<typeof resident.$inferInsert> = {};
  if (kept.idNumberHash === null && source.idNumberHash !== null) {
    taken.idType = source.idType;
    taken.idNumberCipher = source.idNumberCipher;
    taken.idNumberHash = source.idNumberHash;
    taken.idNumberMasked = source.idNumberMasked;
  }
  if (kept.phone === null && source.phone !== null) taken.phone = source.phone;
  if (kept.householdId === null && source.householdId !== null) {
    taken.householdId = source.householdId;
    taken.householdRelation = source.householdRelation;
  }
  if (source.recordDate !== null && (kept.recordDate === null || source.recordDate < kept.recordDate)) {
    taken.recordDate = source.recordDate;
  }
  if (kept.recordFacilityId === null && source.recordFacilityId !== null) {
    taken.recordFacilityId = source.recordFacilityId;
  }
  return taken;
}

/** Merges resident `sourceId` into `intoId`; both must be unmerged residents of the county in the scope. */
export async function mergeResidents(
  db: Db,
  actor: Actor,
  countyCode: string,
  scope: ResidentScope,
  sourceId: number,
  intoId: number
): Promise<MergeResult> {
  if (sourceId === intoId) throw new AccessError('invalid', 'merge_same', '不能把档案合并到它自己');
  return db.transaction(async (tx) => {
    await lockResidentRows(tx, [sourceId, intoId]);
    const source = await mergeable(tx, scope, countyCode, sourceId);
    const kept = await mergeable(tx, scope, countyCode, intoId);
    const [sourceFlags, keptFlags] = [await residentFlags(tx, sourceId), await residentFlags(tx, intoId)];
    await assertEnrolmentsCompatible(tx, sourceId, intoId);
    const droppedDoses = await dropRepeatedDoses(tx, sourceId, intoId);

    const moved = {} as Record<MovedKind, number>;
    for (const [kind, table] of Object.entries(PERSON_TABLES) as [MovedKind, (typeof PERSON_TABLES)[MovedKind]][]) {
      const rows = await tx
        .update(table)
        .set({ residentId: intoId })
        .where(eq(table.residentId, sourceId))
        .returning({ id: table.id });
      moved[kind] = rows.length;
    }

    // The duplicate leaves the unique ID-number index first, so the kept record can take its number.
    const [merged] = await tx
      .update(resident)
      .set({ mergedIntoId: intoId, updatedAt: new Date() })
      .where(and(eq(resident.id, sourceId), eq(resident.countyCode, countyCode)))
      .returning();
    const [after] = await tx
      .update(resident)
      .set({ ...takenFrom(source, kept), updatedAt: new Date() })
      .where(eq(resident.id, intoId))
      .returning();
    if (merged === undefined || after === undefined) throw new Error('merged residents not updated');

    const afterFlags = await residentFlags(tx, intoId);
    await writeAudit(tx, actor, {
      action: 'resident.merge',
      entity: RESIDENT_ENTITY,
      entityId: sourceId,
      countyCode,
      before: auditedResident(source, sourceFlags),
      after: { ...auditedResident(merged, []), moved, droppedDoses },
    });
    await writeAudit(tx, actor, {
      action: 'resident.merge',
      entity: RESIDENT_ENTITY,
      entityId: intoId,
      countyCode,
      before: auditedResident(kept, keptFlags),
      after: { ...auditedResident(after, afterFlags), mergedFromId: sourceId, moved },
    });
    const into = await residentDetail(tx, scope, countyCode, intoId);
    if (into === null) throw new Error(`resident ${String(intoId)} not readable after merging`);
    return { into, moved };
  });
}
