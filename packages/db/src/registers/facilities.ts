/** The facility register: health facilities and childcare institutions of a county. */
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { writeAudit } from '../access/audit.js';
import type { Actor } from '../access/audit.js';
import { AccessError } from '../access/errors.js';
import { batches } from '../org-units/upsert.js';
import { facility, orgUnit } from '../schema.js';
import { FACILITY_GRADES, FACILITY_TYPES, OWNERSHIPS } from './facility-types.js';
import type { FacilityGrade, FacilityType, Ownership } from './facility-types.js';

export interface FacilityInput {
  orgUnitCode: string;
  sourceRef: string;
  name: string;
  facilityType: FacilityType;
  grade: FacilityGrade | null;
  ownership: Ownership;
  consortium: string | null;
  validFrom: number;
  validTo: number | null;
}

export interface Facility extends FacilityInput {
  id: number;
  countyCode: string;
}

/** A facility cannot close before it was founded; shared by addFacilities and the facility import. */
export function closingYearProblem(validFrom: number, validTo: number | null): string | null {
  return validTo !== null && validTo < validFrom ? `撤销年份 ${validTo} 早于设立年份 ${validFrom}` : null;
}

function facilityProblem(input: FacilityInput, townships: Set<string>): string | null {
  const label = `机构“${input.name}”（${input.sourceRef}）`;
  if (!townships.has(input.orgUnitCode))
    return `${label}的区划编码 ${input.orgUnitCode} 不是本县（区）的乡镇（街道）或县级编码`;
  if (!FACILITY_TYPES.some((type) => type.code === input.facilityType))
    return `${label}的机构类型 ${input.facilityType} 无效`;
  if (input.grade !== null && !FACILITY_GRADES.some((grade) => grade.code === input.grade)) {
    return `${label}的医院等级 ${input.grade} 无效`;
  }
  if (!OWNERSHIPS.some((ownership) => ownership.code === input.ownership))
    return `${label}的所有制 ${input.ownership} 无效`;
  const years = closingYearProblem(input.validFrom, input.validTo);
  return years === null ? null : `${label}的${years}`;
}

/** Adds facilities; all or none. A source id the county already has is a conflict. */
export async function addFacilities(
  db: Db,
  actor: Actor,
  countyCode: string,
  inputs: readonly FacilityInput[]
): Promise<Facility[]> {
  return db.transaction(async (tx) => {
    const units = await tx
      .select({ code: orgUnit.code })
      .from(orgUnit)
      .where(and(eq(orgUnit.countyCode, countyCode), lte(orgUnit.level, 4)));
    const townships = new Set(units.map((unit) => unit.code));
    const problems = inputs.map((input) => facilityProblem(input, townships)).filter((p) => p !== null);
    if (problems.length > 0) throw new AccessError('invalid', 'invalid_facility', problems.join('；'));
    const refs = inputs.map((input) => input.sourceRef);
    const taken = refs.length
      ? await tx
          .select({ ref: facility.sourceRef })
          .from(facility)
          .where(and(eq(facility.countyCode, countyCode), inArray(facility.sourceRef, refs)))
      : [];
    const repeated = refs.filter((ref, index) => refs.indexOf(ref) !== index);
    const conflicts = [...new Set([...taken.map((row) => row.ref), ...repeated])];
    if (conflicts.length > 0) {
      throw new AccessError('conflict', 'duplicate_facility', `机构编号重复或已存在：${conflicts.join('、')}`);
    }
    const added: Facility[] = [];
    for (const batch of batches(inputs)) {
      const rows = await tx
        .insert(facility)
        .values(batch.map((input) => ({ ...input, countyCode })))
        .returning();
      added.push(...rows.map(toFacility));
    }
    await writeAudit(tx, actor, {
      action: 'facility.create',
      entity: 'facility',
      entityId: null,
      countyCode,
      after: { count: added.length },
    });
    return added;
  });
}

/** Facilities of a county, or those that existed in a given year. */
export async function listFacilities(db: Db, countyCode: string, year?: number): Promise<Facility[]> {
  const conditions: (SQL | undefined)[] = [eq(facility.countyCode, countyCode)];
  if (year !== undefined) {
    conditions.push(lte(facility.validFrom, year), or(isNull(facility.validTo), gte(facility.validTo, year)));
  }
  const rows = await db
    .select()
    .from(facility)
    .where(and(...conditions))
    .orderBy(asc(facility.id));
  return rows.map(toFacility);
}

/** What an import row naming a facility by its 机构编号 needs to know of it. */
export interface FacilityRef {
  id: number;
  validFrom: number;
  validTo: number | null;
}

/** The county's facilities by 机构编号 (source id), for the imports whose rows name a facility. */
export async function facilitiesByRef(db: Db, countyCode: string): Promise<Map<string, FacilityRef>> {
  const rows = await db
    .select({ ref: facility.sourceRef, id: facility.id, validFrom: facility.validFrom, validTo: facility.validTo })
    .from(facility)
    .where(eq(facility.countyCode, countyCode));
  return new Map(rows.map(({ ref, ...rest }) => [ref, rest]));
}

/** The ids among these that are facilities of the county; throws naming the others. */
export async function checkCountyFacilities(db: Db, countyCode: string, ids: readonly number[]): Promise<void> {
  const wanted = [...new Set(ids)];
  const found = new Set<number>();
  for (const chunk of batches(wanted, 5000)) {
    const rows = await db
      .select({ id: facility.id })
      .from(facility)
      .where(and(eq(facility.countyCode, countyCode), inArray(facility.id, chunk)));
    for (const row of rows) found.add(row.id);
  }
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AccessError('invalid', 'facility_outside_county', `机构 ${missing.join('、')} 不是本县（区）登记的机构`);
  }
}

function toFacility(row: typeof facility.$inferSelect): Facility {
  return {
    ...row,
    facilityType: row.facilityType as FacilityType,
    grade: row.grade as FacilityGrade | null,
    ownership: row.ownership as Ownership,
  };
}
