/**
 * Register totals of a county for one year by org unit, from a fixed number of aggregate queries: each
 * groups by ROLLUP(org_unit_code), so the grand-total row is the county (which also holds facilities
 * and events coded to the county itself) and the other rows are its townships.
 */
import { and, between, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import {
  childcarePlaces,
  death,
  facility,
  facilityBeds,
  healthWorker,
  liveBirth,
  populationAggregate,
} from '../../schema.js';
import { FACILITY_GRADES, FACILITY_TYPES } from '../facility-types.js';
import type { FacilityType } from '../facility-types.js';
import { QUALIFICATIONS } from '../qualifications.js';
import type { Qualification } from '../qualifications.js';
import { ncdGroup } from '@chp/core';
import { rollupUnit } from './rollup-unit.js';
import type { RollupRow } from './rollup-unit.js';

export interface AgeGroupCount {
  ageStart: number;
  /** Last year of age, inclusive; null for the open group. */
  ageEnd: number | null;
  count: number;
}

/** Resident (常住) population by age group and deaths by completed years of age in one calendar year. */
export interface PopulationAndDeaths {
  population: AgeGroupCount[];
  deathsByAge: Map<number, number>;
}

/**
 * A small township's life table is pooled over this many years ending in the chosen year (3, as the
 * PHE/ONS small-area life expectancy); the totals hold the earlier years' population and deaths for it.
 */
export const LIFE_TABLE_POOLED_YEARS = 3;

/** Register totals of one org unit; `population` and `deathsByAge` are those of `year`. */
export interface UnitTotals extends PopulationAndDeaths {
  year: number;
  /** The same for the `LIFE_TABLE_POOLED_YEARS − 1` years before `year` that have any, by year. */
  earlierYears: Map<number, PopulationAndDeaths>;
  births: number;
  /** Deaths from the four major NCD groups by completed years of age. */
  ncdDeathsByAge: Map<number, number>;
  infantDeaths: number;
  underFiveDeaths: number;
  maternalDeaths: number;
  /** 实有 beds, department 'total'. */
  beds: number;
  infectiousBeds: number;
  doctors: number;
  tcmDoctors: number;
  psychiatrists: number;
  nurses: number;
  pharmacists: number;
  generalPractitioners: number;
  publicHealthStaff: number;
  cdcStaff: number;
  /** Holding 'health_education' in a 疾控中心 or 健康教育所. */
  healthEducationStaff: number;
  /** Staff of 乡镇卫生院 and 社区卫生服务中心（站）: 专业技术人员, and of them those holding 'public_health'. */
  primaryProfessionalStaff: number;
  primaryPublicHealthStaff: number;
  childcarePlaces: number;
  inclusiveChildcarePlaces: number;
  /** 二级及以上综合医院, and of them those with 老年医学科 beds. */
  seniorGeneralHospitals: number;
  withGeriatrics: number;
}

export function emptyTotals(year: number): UnitTotals {
  return {
    year,
    population: [],
    deathsByAge: new Map(),
    earlierYears: new Map(),
    births: 0,
    ncdDeathsByAge: new Map(),
    infantDeaths: 0,
    underFiveDeaths: 0,
    maternalDeaths: 0,
    beds: 0,
    infectiousBeds: 0,
    doctors: 0,
    tcmDoctors: 0,
    psychiatrists: 0,
    nurses: 0,
    pharmacists: 0,
    generalPractitioners: 0,
    publicHealthStaff: 0,
    cdcStaff: 0,
    healthEducationStaff: 0,
    primaryProfessionalStaff: 0,
    primaryPublicHealthStaff: 0,
    childcarePlaces: 0,
    inclusiveChildcarePlaces: 0,
    seniorGeneralHospitals: 0,
    withGeriatrics: 0,
  };
}

const grouping = (column: AnyColumn): SQL<number> => sql<number>`grouping(${column})`.mapWith(Number);
const total = (value: AnyColumn, condition?: SQL): SQL<number> =>
  condition === undefined
    ? sql<number>`coalesce(sum(${value}), 0)`.mapWith(Number)
    : sql<number>`coalesce(sum(${value}) filter (where ${condition}), 0)`.mapWith(Number);
const people = (condition: SQL | undefined): SQL<number> =>
  sql<number>`count(distinct ${healthWorker.personRef}) filter (where ${condition})`.mapWith(Number);
const holds = (...codes: Qualification[]): SQL =>
  sql`${healthWorker.qualifications} && ${sql.raw(`array[${codes.map((code) => `'${code}'`).join(',')}]::text[]`)}`;

const PUBLIC_HEALTH_TYPES = FACILITY_TYPES.filter((type) => type.category === 'public_health').map((type) => type.code);
// The professional health-education institutions: 襄垣县's plan makes the CDC the county's (seed 003, line 224).
const HEALTH_EDUCATION_TYPES: FacilityType[] = ['cdc', 'health_education'];
// 平罗县's plan, seed 000 line 481: “乡镇卫生院、社区卫生服务中心（站）…公共卫生人员不得低于专业技术人员数的 25%”.
const PRIMARY_PUBLIC_HEALTH_TYPES: FacilityType[] = [
  'township_health_center',
  'community_health_center',
  'community_health_station',
];
/*
 * 专业技术人员 = 卫生技术人员 + 其他技术人员 of the statistical system: anyone holding a qualification,
 * except 乡村医生 (a category of their own); staff without one are 管理人员 or 工勤技能人员.
 */
const PROFESSIONAL_QUALIFICATIONS = QUALIFICATIONS.map((q) => q.code).filter((code) => code !== 'village_doctor');
const SENIOR_GRADES = FACILITY_GRADES.filter((grade) => /^[23]/.test(grade.code)).map((grade) => grade.code);

function existedIn(year: number): SQL | undefined {
  return and(lte(facility.validFrom, year), or(isNull(facility.validTo), gte(facility.validTo, year)));
}

/**
 * Reads every total of the county and its townships for the year: seven queries whatever the size.
 * Population and deaths are read for the `LIFE_TABLE_POOLED_YEARS` years ending in `year`.
 */
export async function readRegisterTotals(db: Db, countyCode: string, year: number): Promise<Map<string, UnitTotals>> {
  const totals = new Map<string, UnitTotals>();
  const unitOf = (row: RollupRow): UnitTotals | null => {
    const key = rollupUnit(row, countyCode);
    if (key === null) return null;
    let unit = totals.get(key);
    if (unit === undefined) {
      unit = emptyTotals(year);
      totals.set(key, unit);
    }
    return unit;
  };
  // Population and deaths of `rowYear` for the unit: its own totals, or those of an earlier year.
  const yearOf = (unit: UnitTotals | null, rowYear: number): PopulationAndDeaths | null => {
    if (unit === null || rowYear === year) return unit;
    let earlier = unit.earlierYears.get(rowYear);
    if (earlier === undefined) {
      earlier = { population: [], deathsByAge: new Map() };
      unit.earlierYears.set(rowYear, earlier);
    }
    return earlier;
  };
  const firstYear = year - LIFE_TABLE_POOLED_YEARS + 1;
  const dates = [`${year}-01-01`, `${year}-12-31`] as const;
  const deathYear = sql<number>`extract(year from ${death.deathDate})`.mapWith(Number);
  const existing = existedIn(year);

  const [population, births, deaths, beds, workers, childcare, hospitals] = await Promise.all([
    db
      .select({
        unit: populationAggregate.orgUnitCode,
        isTotal: grouping(populationAggregate.orgUnitCode),
        year: populationAggregate.year,
        ageStart: populationAggregate.ageStart,
        ageEnd: populationAggregate.ageEnd,
        count: total(populationAggregate.count),
      })
      .from(populationAggregate)
      .where(
        and(
          eq(populationAggregate.countyCode, countyCode),
          between(populationAggregate.year, firstYear, year),
          eq(populationAggregate.residence, 'resident')
        )
      )
      .groupBy(
        populationAggregate.year,
        populationAggregate.ageStart,
        populationAggregate.ageEnd,
        sql`rollup(${populationAggregate.orgUnitCode})`
      ),
    db
      .select({
        unit: liveBirth.orgUnitCode,
        isTotal: grouping(liveBirth.orgUnitCode),
        count: sql<number>`count(*)`.mapWith(Number),
      })
      .from(liveBirth)
      .where(and(eq(liveBirth.countyCode, countyCode), between(liveBirth.birthDate, ...dates)))
      .groupBy(sql`rollup(${liveBirth.orgUnitCode})`),
    db
      .select({
        unit: death.orgUnitCode,
        isTotal: grouping(death.orgUnitCode),
        year: deathYear,
        age: death.ageYears,
        // The 3-character category is enough for the NCD groups and keeps the groups few.
        category: sql<string>`left(${death.underlyingCauseIcd10}, 3)`,
        maternal: death.maternal,
        count: sql<number>`count(*)`.mapWith(Number),
      })
      .from(death)
      .where(and(eq(death.countyCode, countyCode), between(death.deathDate, `${firstYear}-01-01`, dates[1])))
      .groupBy(
        deathYear,
        death.ageYears,
        sql`left(${death.underlyingCauseIcd10}, 3)`,
        death.maternal,
        sql`rollup(${death.orgUnitCode})`
      ),
    db
      .select({
        unit: facility.orgUnitCode,
        isTotal: grouping(facility.orgUnitCode),
        beds: total(facilityBeds.actual, eq(facilityBeds.department, 'total')),
        infectious: total(facilityBeds.actual, eq(facilityBeds.department, 'infectious')),
      })
      .from(facilityBeds)
      .innerJoin(facility, eq(facility.id, facilityBeds.facilityId))
      .where(and(eq(facilityBeds.countyCode, countyCode), eq(facilityBeds.year, year), existing))
      .groupBy(sql`rollup(${facility.orgUnitCode})`),
    db
      .select({
        unit: facility.orgUnitCode,
        isTotal: grouping(facility.orgUnitCode),
        doctors: people(holds('physician', 'assistant_physician')),
        tcmDoctors: people(and(holds('physician', 'assistant_physician'), holds('tcm'))),
        psychiatrists: people(and(holds('physician', 'assistant_physician'), holds('psychiatry'))),
        nurses: people(holds('registered_nurse')),
        pharmacists: people(holds('pharmacist')),
        generalPractitioners: people(holds('general_practitioner')),
        publicHealthStaff: people(inArray(facility.facilityType, PUBLIC_HEALTH_TYPES)),
        cdcStaff: people(eq(facility.facilityType, 'cdc')),
        healthEducationStaff: people(
          and(inArray(facility.facilityType, HEALTH_EDUCATION_TYPES), holds('health_education'))
        ),
        primaryProfessionalStaff: people(
          and(inArray(facility.facilityType, PRIMARY_PUBLIC_HEALTH_TYPES), holds(...PROFESSIONAL_QUALIFICATIONS))
        ),
        primaryPublicHealthStaff: people(
          and(inArray(facility.facilityType, PRIMARY_PUBLIC_HEALTH_TYPES), holds('public_health'))
        ),
      })
      .from(healthWorker)
      .innerJoin(facility, eq(facility.id, healthWorker.facilityId))
      .where(
        and(
          eq(healthWorker.countyCode, countyCode),
          lte(healthWorker.employedFrom, year),
          or(isNull(healthWorker.employedTo), gte(healthWorker.employedTo, year)),
          existing
        )
      )
      .groupBy(sql`rollup(${facility.orgUnitCode})`),
    db
      .select({
        unit: facility.orgUnitCode,
        isTotal: grouping(facility.orgUnitCode),
        places: total(childcarePlaces.places),
        inclusive: total(childcarePlaces.inclusivePlaces),
      })
      .from(childcarePlaces)
      .innerJoin(facility, eq(facility.id, childcarePlaces.facilityId))
      .where(and(eq(childcarePlaces.countyCode, countyCode), eq(childcarePlaces.year, year), existing))
      .groupBy(sql`rollup(${facility.orgUnitCode})`),
    db
      .select({
        unit: facility.orgUnitCode,
        isTotal: grouping(facility.orgUnitCode),
        hospitals: sql<number>`count(distinct ${facility.id})`.mapWith(Number),
        withGeriatrics:
          sql<number>`count(distinct ${facility.id}) filter (where ${facilityBeds.id} is not null)`.mapWith(Number),
      })
      .from(facility)
      .leftJoin(
        facilityBeds,
        and(
          eq(facilityBeds.facilityId, facility.id),
          eq(facilityBeds.year, year),
          eq(facilityBeds.department, 'geriatric'),
          sql`${facilityBeds.actual} > 0`
        )
      )
      .where(
        and(
          eq(facility.countyCode, countyCode),
          eq(facility.facilityType, 'general_hospital'),
          inArray(facility.grade, SENIOR_GRADES),
          existing
        )
      )
      .groupBy(sql`rollup(${facility.orgUnitCode})`),
  ]);

  for (const row of population)
    yearOf(unitOf(row), row.year)?.population.push({ ageStart: row.ageStart, ageEnd: row.ageEnd, count: row.count });
  for (const row of births) {
    const unit = unitOf(row);
    if (unit) unit.births = row.count;
  }
  for (const row of deaths) {
    const unit = unitOf(row);
    if (row.year === year) addDeaths(unit, row);
    else addByAge(yearOf(unit, row.year)?.deathsByAge, row);
  }
  for (const row of beds) {
    const unit = unitOf(row);
    if (unit) Object.assign(unit, { beds: row.beds, infectiousBeds: row.infectious });
  }
  for (const { unit: _unit, isTotal: _isTotal, ...counts } of workers) {
    const unit = unitOf({ unit: _unit, isTotal: _isTotal });
    if (unit) Object.assign(unit, counts);
  }
  for (const row of childcare) {
    const unit = unitOf(row);
    if (unit) Object.assign(unit, { childcarePlaces: row.places, inclusiveChildcarePlaces: row.inclusive });
  }
  for (const row of hospitals) {
    const unit = unitOf(row);
    if (unit) Object.assign(unit, { seniorGeneralHospitals: row.hospitals, withGeriatrics: row.withGeriatrics });
  }
  return totals;
}

function addByAge(map: Map<number, number> | undefined, row: { age: number; count: number }): void {
  map?.set(row.age, (map.get(row.age) ?? 0) + row.count);
}

function addDeaths(
  unit: UnitTotals | null,
  row: { age: number; category: string; maternal: boolean; count: number }
): void {
  if (unit === null) return;
  addByAge(unit.deathsByAge, row);
  if (ncdGroup(row.category) !== null) addByAge(unit.ncdDeathsByAge, row);
  if (row.age < 1) unit.infantDeaths += row.count;
  if (row.age < 5) unit.underFiveDeaths += row.count;
  if (row.maternal) unit.maternalDeaths += row.count;
}
