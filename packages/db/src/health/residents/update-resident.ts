/**
 * Changing a resident: the fields given replace the stored ones and the whole record is checked again
 * (a new birth date must still agree with the ID number). Status changes carry their dates: deceased needs
 * the death date (the status date defaults to it), moved the date of moving, active clears both.
 */
import type { ResidentPatch, ResidentSaved } from '@chp/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { writeAudit } from '../../access/audit.js';
import type { Actor } from '../../access/audit.js';
import { AccessError } from '../../access/errors.js';
import { today as localToday } from '../../registers/fields.js';
import { household, resident } from '../../schema.js';
import type { IdCipher } from '../id-cipher.js';
import type { ResidentScope } from '../resident-scope.js';
import { findScopedResident, lockResidentRows } from './find-resident.js';
import type { ResidentRow } from './find-resident.js';
import { RESIDENT_ENTITY } from './record-access.js';
import { residentFlags } from './resident-detail.js';
import type { ResidentDraft } from './resident-values.js';
import {
  assertIdNumberFree,
  assertWritableArea,
  auditedResident,
  checkResidentInCounty,
  householdIdOf,
  idNumberToStore,
  replaceFlags,
  residentColumns,
  savedResident,
} from './resident-write.js';

/** The value of a field after the patch: the given one, else the stored one. */
function patched<T>(given: T | undefined, stored: T): T {
  return given === undefined ? stored : given;
}

/** The stored record with the patch applied, status dates following the status. */
export function applyResidentPatch(current: ResidentDraft, patch: ResidentPatch): ResidentDraft {
  const recordStatus = patched(patch.recordStatus, current.recordStatus);
  const statusChanged = patch.recordStatus !== undefined && patch.recordStatus !== current.recordStatus;
  const deathDate = patched(patch.deathDate, recordStatus === 'active' && statusChanged ? null : current.deathDate);
  const storedStatusDate = statusChanged ? null : current.statusDate;
  const statusDate = patched(
    patch.statusDate,
    recordStatus === 'deceased' ? (storedStatusDate ?? deathDate) : storedStatusDate
  );
  return {
    idType: patched(patch.idType, current.idType),
    idNumber: patched(patch.idNumber, current.idNumber),
    name: patched(patch.name, current.name),
    sex: patched(patch.sex, current.sex),
    birthDate: patched(patch.birthDate, current.birthDate),
    phone: patched(patch.phone, current.phone),
    townshipCode: patched(patch.townshipCode, current.townshipCode),
    villageCode: patched(patch.villageCode, current.villageCode),
    householdNumber: patched(patch.householdNumber, current.householdNumber),
    householdRelation: patched(patch.householdRelation, current.householdRelation),
    recordDate: patched(patch.recordDate, current.recordDate),
    recordFacilityId: patched(patch.recordFacilityId, current.recordFacilityId),
    recordStatus,
    statusDate,
    deathDate,
    flags: patched(patch.flags, current.flags),
  };
}

async function storedDraft(db: Db, row: ResidentRow, idNumber: string | null): Promise<ResidentDraft> {
  const [householdRow] =
    row.householdId === null
      ? []
      : await db
          .select({ householdNumber: household.householdNumber })
          .from(household)
          .where(eq(household.id, row.householdId));
  return {
    // Stored codes were checked when written.
    idType: row.idType as ResidentDraft['idType'],
    idNumber,
    name: row.name,
    sex: row.sex as ResidentDraft['sex'],
    birthDate: row.birthDate,
    phone: row.phone,
    townshipCode: row.townshipCode,
    villageCode: row.villageCode,
    householdNumber: householdRow?.householdNumber ?? null,
    householdRelation: row.householdRelation,
    recordDate: row.recordDate,
    recordFacilityId: row.recordFacilityId,
    recordStatus: row.recordStatus as ResidentDraft['recordStatus'],
    statusDate: row.statusDate,
    deathDate: row.deathDate,
    flags: await residentFlags(db, row.id),
  };
}

/** Changes the resident; the scope must cover them before and after the change. */
export async function updateResident(
  db: Db,
  cipher: IdCipher,
  actor: Actor,
  countyCode: string,
  scope: ResidentScope,
  residentId: number,
  patch: ResidentPatch,
  today: string = localToday()
): Promise<ResidentSaved> {
  return db.transaction(async (tx) => {
    await lockResidentRows(tx, [residentId]);
    const before = await findScopedResident(tx, scope, countyCode, residentId);
    if (before === null) throw new AccessError('not_found', 'resident_not_found', '居民档案不存在或无权访问');
    if (before.mergedIntoId !== null) {
      throw new AccessError(
        'conflict',
        'resident_merged',
        `该档案已合并到编号 ${String(before.mergedIntoId)} 的档案，请修改合并后的档案`
      );
    }
    const number = before.idNumberCipher === null ? null : cipher.decrypt(before.idNumberCipher);
    const current = await storedDraft(tx, before, number);
    const checked = await checkResidentInCounty(tx, countyCode, applyResidentPatch(current, patch), today);
    const stored = idNumberToStore(cipher, checked, { row: before, number });
    await assertIdNumberFree(tx, countyCode, stored, residentId);
    const householdId = await householdIdOf(tx, countyCode, checked);
    const [after] = await tx
      .update(resident)
      .set({ householdId, ...residentColumns(checked, stored), updatedAt: new Date() })
      .where(eq(resident.id, residentId))
      .returning();
    if (after === undefined) throw new Error(`resident ${String(residentId)} not updated`);
    await assertWritableArea(tx, scope, after);
    if (patch.flags !== undefined) await replaceFlags(tx, countyCode, residentId, checked.flags);
    await writeAudit(tx, actor, {
      action: 'resident.update',
      entity: RESIDENT_ENTITY,
      entityId: residentId,
      countyCode,
      before: auditedResident(before, current.flags),
      after: auditedResident(after, checked.flags),
    });
    return savedResident(tx, scope, after);
  });
}
