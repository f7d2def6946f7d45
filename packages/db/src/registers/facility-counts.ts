/**
 * Yearly counts of a facility: beds by department (编制 and 实有) and childcare places (托位, 其中普惠).
 * Saving a count for a facility, year (and department) again replaces it.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { writeAudit } from '../access/audit.js';
import type { Actor } from '../access/audit.js';
import { AccessError } from '../access/errors.js';
import { batches, takeExcluded } from '../org-units/upsert.js';
import { childcarePlaces, facilityBeds } from '../schema.js';
import { BED_DEPARTMENTS } from './bed-departments.js';
import type { BedDepartment } from './bed-departments.js';
import { checkCountyFacilities } from './facilities.js';

export interface FacilityBedsInput {
  facilityId: number;
  year: number;
  department: BedDepartment;
  approved: number | null;
  actual: number | null;
}

export interface ChildcarePlacesInput {
  facilityId: number;
  year: number;
  places: number;
  inclusivePlaces: number;
}

/**
 * Saves yearly counts in one transaction: the facilities must belong to the county, rows are upserted in
 * batches, and one audit entry records the save.
 */
async function saveFacilityCounts<Input extends { facilityId: number }>(
  db: Db,
  actor: Actor,
  countyCode: string,
  entity: string,
  inputs: readonly Input[],
  upsertBatch: (tx: Db, batch: Input[]) => Promise<unknown>
): Promise<void> {
  await db.transaction(async (tx) => {
    await checkCountyFacilities(
      tx,
      countyCode,
      inputs.map((input) => input.facilityId)
    );
    for (const batch of batches(inputs)) {
      await upsertBatch(tx, batch);
    }
    await writeAudit(tx, actor, {
      action: `${entity}.save`,
      entity,
      entityId: null,
      countyCode,
      after: { count: inputs.length },
    });
  });
}

const isCount = (value: number | null): boolean => value === null || (Number.isInteger(value) && value >= 0);

/** 普惠托位 are part of all 托位; shared by saveChildcarePlaces and the childcare import. */
export function inclusivePlacesProblem(places: number, inclusivePlaces: number): string | null {
  return inclusivePlaces > places ? `普惠托位 ${inclusivePlaces} 多于托位 ${places}` : null;
}

export async function saveFacilityBeds(
  db: Db,
  actor: Actor,
  countyCode: string,
  inputs: readonly FacilityBedsInput[]
): Promise<void> {
  const bad = inputs.find(
    (input) =>
      !BED_DEPARTMENTS.some((department) => department.code === input.department) ||
      !isCount(input.approved) ||
      !isCount(input.actual)
  );
  if (bad) {
    throw new AccessError(
      'invalid',
      'invalid_beds',
      `机构 ${bad.facilityId} ${bad.year} 年的床位数无效：科室应为已知科室，床位数应为不小于 0 的整数`
    );
  }
  await saveFacilityCounts(db, actor, countyCode, 'facility_beds', inputs, (tx, batch) =>
    tx
      .insert(facilityBeds)
      .values(batch.map((input) => ({ ...input, countyCode })))
      .onConflictDoUpdate({
        target: [facilityBeds.facilityId, facilityBeds.year, facilityBeds.department],
        set: takeExcluded(facilityBeds, ['approved', 'actual']),
      })
  );
}

export async function listFacilityBeds(
  db: Db,
  countyCode: string,
  year: number
): Promise<(FacilityBedsInput & { countyCode: string })[]> {
  const rows = await db
    .select()
    .from(facilityBeds)
    .where(and(eq(facilityBeds.countyCode, countyCode), eq(facilityBeds.year, year)))
    .orderBy(asc(facilityBeds.facilityId), asc(facilityBeds.department));
  return rows.map(({ id: _id, ...row }) => ({ ...row, department: row.department as BedDepartment }));
}

export async function saveChildcarePlaces(
  db: Db,
  actor: Actor,
  countyCode: string,
  inputs: readonly ChildcarePlacesInput[]
): Promise<void> {
  const bad = inputs.find(
    (input) =>
      !isCount(input.places) ||
      !isCount(input.inclusivePlaces) ||
      inclusivePlacesProblem(input.places, input.inclusivePlaces) !== null
  );
  if (bad) {
    throw new AccessError(
      'invalid',
      'invalid_childcare_places',
      `机构 ${bad.facilityId} ${bad.year} 年的托位数无效：应为不小于 0 的整数，普惠托位不能多于托位总数`
    );
  }
  await saveFacilityCounts(db, actor, countyCode, 'childcare_places', inputs, (tx, batch) =>
    tx
      .insert(childcarePlaces)
      .values(batch.map((input) => ({ ...input, countyCode })))
      .onConflictDoUpdate({
        target: [childcarePlaces.facilityId, childcarePlaces.year],
        set: takeExcluded(childcarePlaces, ['places', 'inclusivePlaces']),
      })
  );
}

export async function listChildcarePlaces(
  db: Db,
  countyCode: string,
  year: number
): Promise<(ChildcarePlacesInput & { countyCode: string })[]> {
  const rows = await db
    .select()
    .from(childcarePlaces)
    .where(and(eq(childcarePlaces.countyCode, countyCode), eq(childcarePlaces.year, year)))
    .orderBy(asc(childcarePlaces.facilityId));
  return rows.map(({ id: _id, ...row }) => row);
}
