/**
 * Which residents a user may see: the areas of their roles (docs/health-records.md §4). A resident lies in
 * an area when their village or township (or county) lies within it; 妇幼 areas see only women in or after
 * pregnancy and children 0–6, i.e. residents with a maternal or child enrolment or born less than 7 years ago.
 */
import { eq, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { programEnrolment, resident } from '../schema.js';

export interface ResidentArea {
  /** An org-unit code: village (12 digits), township (9), county (6), city (4), province (2) or '00'. */
  orgUnitCode: string;
  /** Only residents of the maternal and child programmes, or aged 0–6 (the maternal_child role). */
  maternalChildOnly: boolean;
}

export type ResidentScope = readonly ResidentArea[];

const PLATFORM = '00';

function inArea(code: string): SQL {
  switch (code.length) {
    // County and township are named too, so the lookup uses resident_area_idx (county, township, village).
    case 12:
      return sql`(${resident.countyCode} = ${code.slice(0, 6)} and ${resident.townshipCode} = ${code.slice(0, 9)} and ${resident.villageCode} = ${code})`;
    case 9:
      return sql`(${resident.countyCode} = ${code.slice(0, 6)} and ${resident.townshipCode} = ${code})`;
    case 6:
      return sql`${resident.countyCode} = ${code}`;
    default:
      return code === PLATFORM ? sql`true` : sql`${resident.countyCode} like ${`${code}%`}`;
  }
}

/** Enrolled in the maternal or child programme (open or ended), or born within the last 7 years. */
const maternalOrChild: SQL = sql`(exists (select 1 from ${programEnrolment} where ${eq(
  programEnrolment.residentId,
  resident.id
)} and ${programEnrolment.program} in ('maternal', 'child')) or ${resident.birthDate} > (current_date - interval '7 years'))`;

/** A condition over `resident` that holds for the residents in the scope; an empty scope holds for none. */
export function residentInScope(scope: ResidentScope): SQL {
  const areas = scope.map((area) => {
    const where = inArea(area.orgUnitCode);
    return area.maternalChildOnly ? sql`(${where} and ${maternalOrChild})` : where;
  });
  return or(...areas) ?? sql`false`;
}
