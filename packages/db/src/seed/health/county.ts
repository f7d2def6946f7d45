/**
 * What the generator needs to know of a county: its townships and villages (org units 4 and 5) and the
 * facilities that keep records, run programmes and deliver babies. Facilities are those of the county's
 * register (issue-3 demo facilities or imported ones); without them the records name no facility.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { facility, orgUnit } from '../../schema.js';
import type { Village } from '../registers/facilities-plan.js';
import type { Township } from '../registers/population.js';

export interface HealthFacilities {
  /** The township health centre (社区卫生服务中心 for a 街道) of each township. */
  centres: ReadonlyMap<string, number>;
  /** The village clinic (村卫生室) of each village that has one. */
  clinics: ReadonlyMap<string, number>;
  /** The county general hospital: deliveries, TB, psychiatry. */
  hospital: number | null;
  /** The 妇幼保健 institution: deliveries too. */
  maternalChild: number | null;
}

export interface HealthCounty {
  countyCode: string;
  countyName: string;
  townships: readonly Township[];
  villages: readonly Village[];
  facilities: HealthFacilities;
}

const CENTRE_TYPES = new Set(['township_health_center', 'community_health_center']);

/** The county's org units and facilities; null when the county's org units are not loaded. */
export async function loadHealthCounty(db: Db, countyCode: string): Promise<HealthCounty | null> {
  const units = await db
    .select({ code: orgUnit.code, name: orgUnit.name, level: orgUnit.level, parentCode: orgUnit.parentCode })
    .from(orgUnit)
    .where(eq(orgUnit.countyCode, countyCode))
    .orderBy(asc(orgUnit.code));
  const county = units.find((unit) => unit.level === 3);
  const townships = units.filter((unit) => unit.level === 4).map(({ code, name }) => ({ code, name }));
  if (county === undefined || townships.length === 0) return null;
  const villages = units
    .filter((unit) => unit.level === 5)
    .map((unit) => ({ code: unit.code, name: unit.name, townshipCode: unit.parentCode ?? countyCode }));
  const facilities = await db
    .select({
      id: facility.id,
      orgUnitCode: facility.orgUnitCode,
      sourceRef: facility.sourceRef,
      type: facility.facilityType,
    })
    .from(facility)
    .where(eq(facility.countyCode, countyCode))
    .orderBy(asc(facility.id));
  const centres = new Map<string, number>();
  const byRef = new Map<string, number>();
  for (const row of facilities) {
    if (CENTRE_TYPES.has(row.type) && !centres.has(row.orgUnitCode)) centres.set(row.orgUnitCode, row.id);
    if (row.type === 'village_clinic') byRef.set(row.sourceRef, row.id);
  }
  // The demo register names a village's clinic DEMO-F-<village code> (registers/facilities-plan.ts).
  const clinics = new Map<string, number>();
  for (const village of villages) {
    const id = byRef.get(`DEMO-F-${village.code}`);
    if (id !== undefined) clinics.set(village.code, id);
  }
  const first = (type: string): number | null => facilities.find((row) => row.type === type)?.id ?? null;
  return {
    countyCode,
    countyName: county.name,
    townships,
    villages,
    facilities: {
      centres,
      clinics,
      hospital: first('general_hospital'),
      maternalChild: first('maternal_child_health'),
    },
  };
}
