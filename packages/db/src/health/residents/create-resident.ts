/** Creating a resident (建档): checked, unique by ID number in the county, audited; similar residents warned. */
import type { ResidentInput, ResidentSaved } from '@chp/core';
import type { Db } from '../../connection.js';
import { writeAudit } from '../../access/audit.js';
import type { Actor } from '../../access/audit.js';
import { today as localToday } from '../../registers/fields.js';
import { resident } from '../../schema.js';
import type { IdCipher } from '../id-cipher.js';
import type { ResidentScope } from '../resident-scope.js';
import { RESIDENT_ENTITY } from './record-access.js';
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

/** The input with its optional fields filled: a new record is active. */
export function draftOfInput(input: ResidentInput): ResidentDraft {
  return {
    idType: input.idType,
    idNumber: input.idNumber ?? null,
    name: input.name,
    sex: input.sex,
    birthDate: input.birthDate,
    phone: input.phone ?? null,
    townshipCode: input.townshipCode,
    villageCode: input.villageCode ?? null,
    householdNumber: input.householdNumber ?? null,
    householdRelation: input.householdRelation ?? null,
    recordDate: input.recordDate ?? null,
    recordFacilityId: input.recordFacilityId ?? null,
    recordStatus: 'active',
    statusDate: null,
    deathDate: null,
    flags: input.flags ?? [],
  };
}

/**
 * Creates the resident in the county. The user's scope must cover the resident's area (for 妇幼 staff the
 * area alone: the mother is enrolled afterwards).
 */
export async function createResident(
  db: Db,
  cipher: IdCipher,
  actor: Actor,
  countyCode: string,
  scope: ResidentScope,
  input: ResidentInput,
  today: string = localToday()
): Promise<ResidentSaved> {
  const checked = await checkResidentInCounty(db, countyCode, draftOfInput(input), today);
  return db.transaction(async (tx) => {
    const stored = idNumberToStore(cipher, checked, null);
    await assertIdNumberFree(tx, countyCode, stored, null);
    const householdId = await householdIdOf(tx, countyCode, checked);
    const [row] = await tx
      .insert(resident)
      .values({ countyCode, householdId, ...residentColumns(checked, stored) })
      .returning();
    if (row === undefined) throw new Error('resident not inserted');
    await assertWritableArea(tx, scope, row);
    await replaceFlags(tx, countyCode, row.id, checked.flags);
    await writeAudit(tx, actor, {
      action: 'resident.create',
      entity: RESIDENT_ENTITY,
      entityId: row.id,
      countyCode,
      after: auditedResident(row, checked.flags),
    });
    return savedResident(tx, scope, row);
  });
}
