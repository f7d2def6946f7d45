/** The record of one resident (ResidentDetail): household with its members, flags and keeping facility. */
import type { Household, ResidentDetail, ResidentFlag, ResidentFlagCode, Sex } from '@chp/core';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { facility, household, resident, residentFlag } from '../../schema.js';
import type { IdCipher } from '../id-cipher.js';
import { residentInScope } from '../resident-scope.js';
import type { ResidentScope } from '../resident-scope.js';
import { findScopedResident } from './find-resident.js';
import type { ResidentRow } from './find-resident.js';
import { listResidentSummaries } from './resident-summary.js';

async function householdOf(db: Db, scope: ResidentScope, row: ResidentRow): Promise<Household | null> {
  if (row.householdId === null) return null;
  const [found] = await db
    .select({ id: household.id, householdNumber: household.householdNumber, address: household.address })
    .from(household)
    .where(eq(household.id, row.householdId));
  if (found === undefined) return null;
  const members = await db
    .select({
      id: resident.id,
      name: resident.name,
      sex: resident.sex,
      birthDate: resident.birthDate,
      relation: resident.householdRelation,
    })
    .from(resident)
    .where(and(eq(resident.householdId, found.id), isNull(resident.mergedIntoId), residentInScope(scope)))
    .orderBy(asc(resident.householdRelation), asc(resident.birthDate), asc(resident.id));
  return { ...found, members: members.map((member) => ({ ...member, sex: member.sex as Sex })) };
}

export async function residentFlags(db: Db, residentId: number): Promise<ResidentFlag[]> {
  const rows = await db
    .select({ flag: residentFlag.flag, fromDate: residentFlag.fromDate, toDate: residentFlag.toDate })
    .from(residentFlag)
    .where(eq(residentFlag.residentId, residentId))
    .orderBy(asc(residentFlag.fromDate), asc(residentFlag.id));
  return rows.map((row) => ({ ...row, flag: row.flag as ResidentFlagCode }));
}

async function facilityName(db: Db, facilityId: number | null): Promise<string | null> {
  if (facilityId === null) return null;
  const [found] = await db.select({ name: facility.name }).from(facility).where(eq(facility.id, facilityId));
  return found?.name ?? null;
}

/**
 * The resident's record when the scope covers them, else null. With `identify` the full ID number is
 * decrypted into `idNumber` (the caller checks `record.identify` and audits the read).
 */
export async function residentDetail(
  db: Db,
  scope: ResidentScope,
  countyCode: string,
  residentId: number,
  identify?: IdCipher
): Promise<ResidentDetail | null> {
  const row = await findScopedResident(db, scope, countyCode, residentId);
  if (row === null) return null;
  const [[summary], householdOfRow, flags, recordFacilityName] = await Promise.all([
    listResidentSummaries(db, eq(resident.id, row.id)),
    householdOf(db, scope, row),
    residentFlags(db, row.id),
    facilityName(db, row.recordFacilityId),
  ]);
  if (summary === undefined) return null;
  const detail: ResidentDetail = {
    ...summary,
    countyCode: row.countyCode,
    household: householdOfRow,
    householdRelation: row.householdRelation,
    recordDate: row.recordDate,
    statusDate: row.statusDate,
    deathDate: row.deathDate,
    recordFacilityId: row.recordFacilityId,
    recordFacilityName,
    flags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
  if (identify !== undefined && row.idNumberCipher !== null) detail.idNumber = identify.decrypt(row.idNumberCipher);
  return detail;
}
