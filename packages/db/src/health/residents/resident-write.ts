/**
 * What creating and changing a resident share: the checks against the county (area, keeping facility), the
 * ID number's uniqueness, the household by number, the flags, the row as written and as audited, and the
 * residents that look like the same person.
 */
import type { ResidentDetail, ResidentFlag, ResidentSaved, SimilarResidentWarning } from '@chp/core';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { AccessError } from '../../access/errors.js';
import { facility, resident, residentFlag } from '../../schema.js';
import type { IdCipher } from '../id-cipher.js';
import { residentInScope } from '../resident-scope.js';
import type { ResidentScope } from '../resident-scope.js';
import type { ResidentRow } from './find-resident.js';
import { householdIds } from './households.js';
import { loadAreaLookup, residentAreaProblems } from './resident-area.js';
import { residentDetail } from './resident-detail.js';
import { DuplicateResidentError, InvalidResidentError } from './resident-errors.js';
import { storedIdNumber } from './resident-id.js';
import type { StoredIdNumber } from './resident-id.js';
import { listResidentSummaries } from './resident-summary.js';
import { checkResident } from './resident-values.js';
import type { CheckedResident, ResidentDraft, ResidentProblem } from './resident-values.js';

/** Checks the values, the area (a township of the county, a village of it) and the keeping facility. */
export async function checkResidentInCounty(
  db: Db,
  countyCode: string,
  draft: ResidentDraft,
  today: string
): Promise<CheckedResident> {
  const checked = checkResident(draft, today);
  const problems: ResidentProblem[] = checked.ok ? [] : [...checked.problems];
  const codes = [draft.townshipCode, ...(draft.villageCode === null ? [] : [draft.villageCode])];
  problems.push(...residentAreaProblems(countyCode, draft, await loadAreaLookup(db, countyCode, codes)));
  if (draft.recordFacilityId !== null) {
    const [found] = await db
      .select({ id: facility.id })
      .from(facility)
      .where(and(eq(facility.id, draft.recordFacilityId), eq(facility.countyCode, countyCode)));
    if (found === undefined) {
      problems.push({
        field: 'recordFacilityId',
        message: `建档机构（编号 ${String(draft.recordFacilityId)}）不是本县（区）${countyCode} 的机构`,
      });
    }
  }
  if (!checked.ok || problems.length > 0) throw new InvalidResidentError(problems);
  return checked.value;
}

/** Refuses an ID number another unmerged resident of the county holds. */
export async function assertIdNumberFree(
  db: Db,
  countyCode: string,
  stored: StoredIdNumber,
  exceptResidentId: number | null
): Promise<void> {
  if (stored.idNumberHash === null) return;
  const [holder] = await db
    .select({ id: resident.id })
    .from(resident)
    .where(
      and(
        eq(resident.countyCode, countyCode),
        eq(resident.idNumberHash, stored.idNumberHash),
        isNull(resident.mergedIntoId),
        exceptResidentId === null ? undefined : ne(resident.id, exceptResidentId)
      )
    );
  if (holder !== undefined) throw new DuplicateResidentError(holder.id, stored.idNumberMasked ?? '');
}

/** The household id for the resident's 户编号 (created where the resident lives when new), or null. */
export async function householdIdOf(db: Db, countyCode: string, checked: CheckedResident): Promise<number | null> {
  const { householdNumber, townshipCode, villageCode } = checked;
  if (householdNumber === null) return null;
  const ids = await householdIds(db, countyCode, [{ householdNumber, townshipCode, villageCode }]);
  return ids.get(householdNumber) ?? null;
}

/** The resident columns of checked values (without the household, which is looked up). */
export function residentColumns(
  checked: CheckedResident,
  stored: StoredIdNumber
): Omit<typeof resident.$inferInsert, 'countyCode' | 'householdId'> {
  return {
    idType: checked.idType,
    ...stored,
    name: checked.name,
    sex: checked.sex,
    birthDate: checked.birthDate,
    phone: checked.phone,
    townshipCode: checked.townshipCode,
    villageCode: checked.villageCode,
    householdRelation: checked.householdRelation,
    recordDate: checked.recordDate,
    recordStatus: checked.recordStatus,
    statusDate: checked.statusDate,
    deathDate: checked.deathDate,
    recordFacilityId: checked.recordFacilityId,
  };
}

/** Replaces the resident's recorded flags. */
export async function replaceFlags(
  db: Db,
  countyCode: string,
  residentId: number,
  flags: readonly ResidentFlag[]
): Promise<void> {
  await db.delete(residentFlag).where(eq(residentFlag.residentId, residentId));
  if (flags.length === 0) return;
  await db.insert(residentFlag).values(flags.map((flag) => ({ countyCode, residentId, ...flag })));
}

/** Columns the audit log leaves out: the number's cipher and hash, and the timestamps it has itself. */
const AUDIT_HIDDEN: ReadonlySet<string> = new Set(['idNumberCipher', 'idNumberHash', 'createdAt', 'updatedAt']);

/** The row as the audit log keeps it: never the encrypted number or its hash, only the masked form. */
export function auditedResident(row: ResidentRow, flags: readonly ResidentFlag[]): Record<string, unknown> {
  return { ...Object.fromEntries(Object.entries(row).filter(([key]) => !AUDIT_HIDDEN.has(key))), flags };
}

/** Whether the scope covers the resident's area, whatever the 妇幼 limit (a new mother is not yet enrolled). */
export function areasOf(scope: ResidentScope): ResidentScope {
  return scope.map((area) => ({ ...area, maternalChildOnly: false }));
}

/** Refuses a write that leaves the resident outside the areas where the user may write. */
export async function assertWritableArea(db: Db, scope: ResidentScope, row: ResidentRow): Promise<void> {
  const [inside] = await db
    .select({ id: resident.id })
    .from(resident)
    .where(and(eq(resident.id, row.id), residentInScope(areasOf(scope))));
  if (inside === undefined) {
    const place = row.villageCode ?? row.townshipCode;
    throw new AccessError('forbidden', 'resident_out_of_scope', `您没有在 ${place} 建立或修改居民档案的权限`);
  }
}

/** Residents of the county in the scope with the same name, birth date and sex: possibly the same person. */
async function similarResidents(db: Db, scope: ResidentScope, row: ResidentRow): Promise<SimilarResidentWarning[]> {
  const similar = await listResidentSummaries(
    db,
    and(
      eq(resident.countyCode, row.countyCode),
      eq(resident.name, row.name),
      eq(resident.birthDate, row.birthDate),
      eq(resident.sex, row.sex),
      ne(resident.id, row.id),
      isNull(resident.mergedIntoId),
      residentInScope(scope)
    )
  );
  return similar.map((other) => ({
    message:
      `已有同名、同出生日期、同性别的居民 ${other.name}（编号 ${String(other.id)}，${other.townshipName}` +
      `${other.villageName ?? ''}，证件号码 ${other.idNumberMasked ?? '无'}），请确认是否为同一人`,
    resident: other,
  }));
}

/** The saved resident's record (as the user's areas see it) and the similar residents. */
export async function savedResident(db: Db, scope: ResidentScope, row: ResidentRow): Promise<ResidentSaved> {
  const detail: ResidentDetail | null = await residentDetail(db, areasOf(scope), row.countyCode, row.id);
  if (detail === null) throw new Error(`resident ${String(row.id)} not readable after saving`);
  return { resident: detail, warnings: await similarResidents(db, scope, row) };
}

/** The resident's ID number as stored now, or the new one when the checked number differs. */
export function idNumberToStore(
  cipher: IdCipher,
  checked: CheckedResident,
  current: { row: ResidentRow; number: string | null } | null
): StoredIdNumber {
  const unchanged =
    current !== null && current.row.idType === checked.idType && current.number === (checked.idNumber?.number ?? null);
  if (unchanged) {
    const { idNumberCipher, idNumberHash, idNumberMasked } = current.row;
    return { idNumberCipher, idNumberHash, idNumberMasked };
  }
  return storedIdNumber(cipher, checked.idNumber);
}
