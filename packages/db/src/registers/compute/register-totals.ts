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
import type { Qualification } from '../qualifications.js';
import { ncdGroup } from '@chp/core';

export interface AgeGroupCount {
  ageStart: number;
  /** Last year of age, inclusive; null for the open group. */
  ageEnd: number | null;
  count: number;
}

export interface UnitTotals {
  /** Resident (常住) population of the year by age group. */
  population: AgeGroupCount[];
  births: number;
  /** Deaths by completed years of age. */
  deathsByAge: Map<number, number>;
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
  childcarePlaces: number;
  inclusiveChildcarePlaces: number;
  /** 二级及以上综合医院, and of them those with 老年医学科 beds. */
  seniorGeneralHospitals: number;
  withGeriatrics: number;
}

export function emptyTotals(): UnitTotals {
  return {
    population: [],
    births: 0,
    deathsByAge: new Map(),
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
    childcarePlaces: 0,
    inclusiveChildcarePlaces: 0,
    seniorGeneralHospitals: 0,
    withGeriatrics: 0,
  };
}

/** A row of a ROLLUP query: `isTotal` 1 for the county total. */
interface RollupRow {
  unit: string;
  isTotal: number;
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
const SENIOR_GRADES = FACILITY_GRADES.filter((grade) => /^[23]/.test(grade.code)).map((grade) => grade.code);

function existedIn(year: number): SQL | undefined {
  return and(lte(facility.validFrom, year), or(isNull(facility.validTo), gte(facility.validTo, year)));
}

/** Reads every total of the county and its townships for the year: seven queries whatever the size. */
export async function readRegisterTotals(db: Db, countyCode: string, year: number): Promise<Map<string, UnitTotals>> {
  const totals = new Map<string, UnitTotals>();
  // The total row is the county; a row of the county's own code is only part of it, so it is skipped.
  const unitOf = (row: RollupRow): UnitTotals | null => {
    if (row.isTotal !== 1 && row.unit === countyCode) return null;
    const key = row.isTotal === 1 ? countyCode : row.unit;
    let unit = totals.get(key);
    if (unit === undefined) {
      unit = emptyTotals();
      totals.set(key, unit);
    }
    return unit;
  };
  const dates = [`${year}-01-01`, `${year}-12-31`] as const;
  const existing = existedIn(year);

  const [population, births, deaths, beds, workers, childcare, hospitals] = await Promise.all([
    db
      .select({
        unit: populationAggregate.orgUnitCode,
        isTotal: grouping(populationAggregate.orgUnitCode),
        ageStart: populationAggregate.ageStart,
        ageEnd: populationAggregate.ageEnd,
        count: total(populationAggregate.count),
      })
      .from(populationAggregate)
      .where(
        and(
          eq(populationAggregate.countyCode, countyCode),
          eq(populationAggregate.year, year),
          eq(populationAggregate.residence, 'resident')
        )
      )
      .groupBy(
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
        age: death.ageYears,
        // The 3-character category is enough for the NCD groups and keeps the groups few.
        category: sql<string>`left(${death.underlyingCauseIcd10}, 3)`,
        maternal: death.maternal,
        count: sql<number>`count(*)`.mapWith(Number),
      })
      .from(death)
      .where(and(eq(death.countyCode, countyCode), between(death.deathDate, ...dates)))
      .groupBy(
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
    unitOf(row)?.population.push({ ageStart: row.ageStart, ageEnd: row.ageEnd, count: row.count });
  for (const row of births) {
    const unit = unitOf(row);
    if (unit) unit.births = row.count;
  }
  for (const row of deaths) addDeaths(unitOf(row), row);
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

function addDeaths(
  unit: UnitTotals | null,
  row: { age: number; category: string; maternal: boolean; count: number }
): void {
  if (unit === null) return;
  const add = (map: Map<number, number>): void => {
    map.set(row.age, (map.get(row.age) ?? 0) + row.count);
  };
  add(unit.deathsByAge);
  if (ncdGroup(row.category) !== null) add(unit.ncdDeathsByAge);
  if (row.age < 1) unit.infantDeaths += row.count;
  if (row.age < 5) unit.underFiveDeaths += row.count;
  if (row.maternal) unit.maternalDeaths += row.count;
}
