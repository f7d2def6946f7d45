/** Reading the population and vital-event registers of a county for one year. */
import type { KnownSex } from '@chp/core';
import { and, asc, between, eq } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { death, liveBirth, populationAggregate } from '../schema.js';
import type { BirthRow } from './import-births.js';
import type { DeathRow } from './import-deaths.js';
import type { PopulationRow } from './import-population.js';
import type { DeathPlace, Residence } from './vital-codes.js';

export async function listPopulation(
  db: Db,
  countyCode: string,
  year: number,
  residence: Residence
): Promise<PopulationRow[]> {
  const rows = await db
    .select()
    .from(populationAggregate)
    .where(
      and(
        eq(populationAggregate.countyCode, countyCode),
        eq(populationAggregate.year, year),
        eq(populationAggregate.residence, residence)
      )
    )
    .orderBy(asc(populationAggregate.orgUnitCode), asc(populationAggregate.sex), asc(populationAggregate.ageStart));
  return rows.map((row) => ({
    orgUnitCode: row.orgUnitCode,
    year: row.year,
    residence: row.residence as Residence,
    sex: row.sex as KnownSex,
    ageStart: row.ageStart,
    ageEnd: row.ageEnd,
    count: row.count,
  }));
}

const yearRange = (year: number): [string, string] => [`${year}-01-01`, `${year}-12-31`];

export async function listBirths(db: Db, countyCode: string, year: number): Promise<BirthRow[]> {
  const rows = await db
    .select()
    .from(liveBirth)
    .where(and(eq(liveBirth.countyCode, countyCode), between(liveBirth.birthDate, ...yearRange(year))))
    .orderBy(asc(liveBirth.birthDate), asc(liveBirth.sourceRef));
  return rows.map((row) => ({
    sourceRef: row.sourceRef,
    orgUnitCode: row.orgUnitCode,
    birthDate: row.birthDate,
    sex: row.sex as KnownSex,
    birthWeightG: row.birthWeightG,
    motherAge: row.motherAge,
  }));
}

export async function listDeaths(db: Db, countyCode: string, year: number): Promise<DeathRow[]> {
  const rows = await db
    .select()
    .from(death)
    .where(and(eq(death.countyCode, countyCode), between(death.deathDate, ...yearRange(year))))
    .orderBy(asc(death.deathDate), asc(death.sourceRef));
  return rows.map((row) => ({
    sourceRef: row.sourceRef,
    orgUnitCode: row.orgUnitCode,
    deathDate: row.deathDate,
    birthDate: row.birthDate,
    ageYears: row.ageYears,
    sex: row.sex as KnownSex,
    underlyingCauseIcd10: row.underlyingCauseIcd10,
    maternal: row.maternal,
    place: row.place as DeathPlace,
  }));
}
