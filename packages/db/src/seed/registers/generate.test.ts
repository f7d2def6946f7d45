import { computeLifeTable, isMaternalDeathCode, ncdGroup, parseIcd10, prematureNcdMortality } from '@chp/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounty } from '../../org-units/load-county.js';
import { readVillages } from '../../org-units/china-division.js';
import {
  childcarePlaces,
  death,
  facility,
  facilityBeds,
  healthWorker,
  liveBirth,
  populationAggregate,
} from '../../schema.js';
import { openTestDatabase, testDatabaseKinds } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import { RESIDENT_CHANGE_PER_YEAR } from './demography.js';
import { generateRegisterDemo, RegisterDemoError } from './generate.js';

const COUNTY = '640221';
const SMALL = { countyCode: COUNTY, residents: 5000, seed: 11, years: { from: 2021, to: 2023 } };

describe.each(testDatabaseKinds())('generateRegisterDemo on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await addCounty(database.db, COUNTY);
    await addCounty(database.db, '321323');
    await addCounty(database.db, '140423');
  });
  afterAll(async () => {
    await database.destroy();
  });

  async function clear(countyCode = COUNTY): Promise<void> {
    const { db } = database;
    for (const table of [
      populationAggregate,
      liveBirth,
      death,
      facilityBeds,
      healthWorker,
      childcarePlaces,
      facility,
    ]) {
      await db.delete(table).where(eq(table.countyCode, countyCode));
    }
  }

  /** Every generated row without database ids, facilities referred to by their source id. */
  async function snapshot(): Promise<unknown> {
    const { db } = database;
    const population = await db
      .select({
        org: populationAggregate.orgUnitCode,
        year: populationAggregate.year,
        residence: populationAggregate.residence,
        sex: populationAggregate.sex,
        age: populationAggregate.ageStart,
        count: populationAggregate.count,
      })
      .from(populationAggregate)
      .orderBy(
        asc(populationAggregate.orgUnitCode),
        asc(populationAggregate.year),
        asc(populationAggregate.residence),
        asc(populationAggregate.sex),
        asc(populationAggregate.ageStart)
      );
    const births = await db
      .select({
        ref: liveBirth.sourceRef,
        date: liveBirth.birthDate,
        sex: liveBirth.sex,
        weight: liveBirth.birthWeightG,
      })
      .from(liveBirth)
      .orderBy(asc(liveBirth.sourceRef));
    const deaths = await db
      .select({ ref: death.sourceRef, date: death.deathDate, age: death.ageYears, cause: death.underlyingCauseIcd10 })
      .from(death)
      .orderBy(asc(death.sourceRef));
    const facilities = await db
      .select({ ref: facility.sourceRef, name: facility.name, type: facility.facilityType })
      .from(facility)
      .orderBy(asc(facility.sourceRef));
    const workers = await db
      .select({
        ref: healthWorker.personRef,
        facility: facility.sourceRef,
        quals: healthWorker.qualifications,
        from: healthWorker.employedFrom,
      })
      .from(healthWorker)
      .innerJoin(facility, eq(facility.id, healthWorker.facilityId))
      .orderBy(asc(healthWorker.personRef));
    const beds = await db
      .select({
        facility: facility.sourceRef,
        year: facilityBeds.year,
        department: facilityBeds.department,
        actual: facilityBeds.actual,
      })
      .from(facilityBeds)
      .innerJoin(facility, eq(facility.id, facilityBeds.facilityId))
      .orderBy(asc(facility.sourceRef), asc(facilityBeds.year), asc(facilityBeds.department));
    return { population, births, deaths, facilities, workers, beds };
  }

  it('writes registers that match the options and the returned counts', async () => {
    const { db } = database;
    const counts = await generateRegisterDemo(db, SMALL);
    const residentTotals = await db
      .select({ year: populationAggregate.year, persons: sql<number>`sum(${populationAggregate.count})::int` })
      .from(populationAggregate)
      .where(eq(populationAggregate.residence, 'resident'))
      .groupBy(populationAggregate.year)
      .orderBy(asc(populationAggregate.year));
    expect(residentTotals.map((row) => row.year)).toEqual([2021, 2022, 2023]);
    expect(residentTotals[0]?.persons).toBe(5000);
    expect(counts.population).toBe(5000);
    // Slight yearly change, not a jump.
    expect(Math.abs((residentTotals[2]?.persons ?? 0) - 5000)).toBeLessThan(100);

    const townships = (await db.select().from(populationAggregate)).map((row) => row.orgUnitCode);
    const townshipCount = new Set(townships).size;
    expect(townships).toHaveLength(townshipCount * 3 * 2 * 2 * 19);

    const births = await db.select().from(liveBirth);
    const deaths = await db.select().from(death);
    expect(births).toHaveLength(counts.births);
    expect(deaths).toHaveLength(counts.deaths);
    for (const birth of births) {
      expect(birth.motherAge).toBeGreaterThanOrEqual(20);
      expect(birth.motherAge).toBeLessThanOrEqual(40);
      expect(birth.birthDate >= '2021-01-01' && birth.birthDate <= '2023-12-31').toBe(true);
    }
    for (const row of deaths) {
      const parsed = parseIcd10(row.underlyingCauseIcd10);
      expect(parsed.ok, row.underlyingCauseIcd10).toBe(true);
      expect(row.maternal).toBe(isMaternalDeathCode(row.underlyingCauseIcd10));
      expect(townships).toContain(row.orgUnitCode);
      // The completed age agrees with the two dates.
      const birthDate = new Date(`${row.birthDate ?? ''}T00:00:00Z`);
      const deathDate = new Date(`${row.deathDate}T00:00:00Z`);
      birthDate.setUTCFullYear(birthDate.getUTCFullYear() + row.ageYears);
      expect(birthDate <= deathDate, row.sourceRef).toBe(true);
      birthDate.setUTCFullYear(birthDate.getUTCFullYear() + 1);
      expect(birthDate > deathDate, row.sourceRef).toBe(true);
    }

    const facilities = await db.select().from(facility).where(eq(facility.countyCode, COUNTY));
    expect(facilities).toHaveLength(counts.facilities);
    const villages = await readVillages(COUNTY);
    const clinicRefs = facilities.filter((f) => f.facilityType === 'village_clinic').map((f) => f.sourceRef);
    expect(clinicRefs.sort()).toEqual(villages.map((village) => `DEMO-F-${village.code}`).sort());
    const types = new Set(facilities.map((f) => f.facilityType));
    for (const type of [
      'general_hospital',
      'tcm_hospital',
      'maternal_child_health',
      'cdc',
      'health_supervision',
      'private_hospital',
      'clinic',
      'childcare',
      'township_health_center',
    ]) {
      expect(types, type).toContain(type);
    }
    expect(
      facilities.filter(
        (f) => f.facilityType === 'township_health_center' || f.facilityType === 'community_health_center'
      )
    ).toHaveLength(townshipCount);

    const hospital = facilities.find((f) => f.facilityType === 'general_hospital');
    const departments = await db
      .select({ department: facilityBeds.department })
      .from(facilityBeds)
      .where(and(eq(facilityBeds.facilityId, hospital?.id ?? 0), eq(facilityBeds.year, 2023)));
    expect(departments.map((row) => row.department)).toEqual(
      expect.arrayContaining(['total', 'icu', 'infectious', 'psychiatric', 'geriatric'])
    );
    const beds = await db
      .select()
      .from(facilityBeds)
      .where(and(eq(facilityBeds.year, 2023), eq(facilityBeds.department, 'total')));
    expect(beds.reduce((sum, row) => sum + (row.actual ?? 0), 0)).toBe(counts.beds);
    expect(await db.select().from(healthWorker)).toHaveLength(counts.workers);
    const places = await db.select().from(childcarePlaces).where(eq(childcarePlaces.year, 2023));
    expect(places.reduce((sum, row) => sum + row.places, 0)).toBe(counts.childcare);
  });

  it('gives identical rows for the same seed and different rows for another', async () => {
    const first = await snapshot();
    await clear();
    await generateRegisterDemo(database.db, SMALL);
    expect(await snapshot()).toEqual(first);
    await clear();
    await generateRegisterDemo(database.db, { ...SMALL, seed: 12 });
    expect(await snapshot()).not.toEqual(first);
  });

  it('refuses a county whose registers hold data, changing nothing', async () => {
    const before = await snapshot();
    await expect(generateRegisterDemo(database.db, SMALL)).rejects.toThrow(RegisterDemoError);
    await expect(generateRegisterDemo(database.db, SMALL)).rejects.toThrow(/登记数据已存在/);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects impossible options and counties without townships', async () => {
    await expect(generateRegisterDemo(database.db, { ...SMALL, residents: 10.5 })).rejects.toThrow(/常住人口数/);
    await expect(generateRegisterDemo(database.db, { ...SMALL, years: { from: 2024, to: 2021 } })).rejects.toThrow(
      /年份范围/
    );
    await expect(generateRegisterDemo(database.db, { ...SMALL, countyCode: '110105' })).rejects.toThrow(/尚未载入/);
  });

  it("uses the plan's stated counts: 泗阳县 has 250 village clinics, 19 township centres, 948 村医", async () => {
    const counts = await generateRegisterDemo(database.db, { ...SMALL, countyCode: '321323' });
    const facilities = await database.db.select().from(facility).where(eq(facility.countyCode, '321323'));
    expect(facilities).toHaveLength(counts.facilities);
    expect(facilities.filter((f) => f.facilityType === 'village_clinic')).toHaveLength(250);
    const centres = facilities.filter(
      (f) => f.facilityType === 'township_health_center' || f.facilityType === 'community_health_center'
    );
    expect(centres).toHaveLength(19);
    const workers = await database.db.select().from(healthWorker).where(eq(healthWorker.countyCode, '321323'));
    expect(workers.filter((worker) => worker.qualifications.includes('village_doctor'))).toHaveLength(948);
    await clear('321323');
  });

  it("passes through the plan's 2020 figures per 1,000 residents and its clinic count (襄垣县)", async () => {
    const { db } = database;
    const residents = 40_000;
    await generateRegisterDemo(db, { countyCode: '140423', residents, seed: 5, years: { from: 2019, to: 2022 } });
    const clinics = await db
      .select()
      .from(facility)
      .where(and(eq(facility.countyCode, '140423'), eq(facility.facilityType, 'clinic')));
    expect(clinics).toHaveLength(337);
    const [beds] = await db
      .select({ n: sql<number>`sum(${facilityBeds.actual})::int` })
      .from(facilityBeds)
      .where(
        and(eq(facilityBeds.countyCode, '140423'), eq(facilityBeds.year, 2020), eq(facilityBeds.department, 'total'))
      );
    const population2020 = residents * (1 + RESIDENT_CHANGE_PER_YEAR);
    expect(((beds?.n ?? 0) / population2020) * 1000).toBeCloseTo(5.6, 1);
    const employed2020 = (await db.select().from(healthWorker).where(eq(healthWorker.countyCode, '140423'))).filter(
      (worker) => worker.employedFrom <= 2020
    );
    const perThousand = (qualification: string): number =>
      (employed2020.filter((worker) => worker.qualifications.includes(qualification)).length / population2020) * 1000;
    expect(perThousand('registered_nurse')).toBeCloseTo(5.1, 1);
    // 执业(助理)医师 of the hospitals and centres, plus the few of the CDC and the supervision institute.
    expect(perThousand('physician') + perThousand('assistant_physician')).toBeGreaterThan(3.6);
    expect(perThousand('physician') + perThousand('assistant_physician')).toBeLessThan(3.8);
    await clear('140423');
  });

  it('produces plausible rates, life expectancy and resource ratios at a larger scale', async () => {
    await clear();
    const { db } = database;
    // 60,000 residents over 3 years: about 1,500 births and 1,450 deaths, enough for stable rates.
    const counts = await generateRegisterDemo(db, { ...SMALL, residents: 60_000 });
    const population = await db
      .select({
        year: populationAggregate.year,
        ageStart: populationAggregate.ageStart,
        ageEnd: populationAggregate.ageEnd,
        count: populationAggregate.count,
      })
      .from(populationAggregate)
      .where(and(eq(populationAggregate.countyCode, COUNTY), eq(populationAggregate.residence, 'resident')));
    const personYears = population.reduce((sum, row) => sum + row.count, 0);
    const births = await db.select().from(liveBirth);
    const deaths = await db.select().from(death);
    const perMille = (events: number): number => (events / personYears) * 1000;
    expect(perMille(births.length)).toBeGreaterThan(7);
    expect(perMille(births.length)).toBeLessThan(10);
    expect(perMille(deaths.length)).toBeGreaterThan(6.5);
    expect(perMille(deaths.length)).toBeLessThan(9.5);
    const boys = births.filter((birth) => birth.sex === '1').length;
    const sexRatio = (boys / (births.length - boys)) * 100;
    expect(sexRatio).toBeGreaterThan(98);
    expect(sexRatio).toBeLessThan(124);
    const weights = births.map((birth) => birth.birthWeightG ?? 0);
    const meanWeight = weights.reduce((sum, weight) => sum + weight, 0) / weights.length;
    expect(Math.abs(meanWeight - 3300)).toBeLessThan(50);
    const infantDeaths = deaths.filter((row) => row.ageYears === 0).length;
    expect((infantDeaths / births.length) * 1000).toBeGreaterThan(0.5);
    expect((infantDeaths / births.length) * 1000).toBeLessThan(10);

    const bands = [...new Set(population.map((row) => row.ageStart))].sort((a, b) => a - b);
    const groups = bands.map((ageStart) => {
      const rows = population.filter((row) => row.ageStart === ageStart);
      const ageEnd = rows[0]?.ageEnd ?? null;
      const inBand = (age: number): boolean => age >= ageStart && (ageEnd === null || age <= ageEnd);
      return {
        ageStart,
        width: ageEnd === null ? null : ageEnd - ageStart + 1,
        population: rows.reduce((sum, row) => sum + row.count, 0),
        deaths: deaths.filter((row) => inBand(row.ageYears)).length,
        ncdDeaths: deaths.filter((row) => inBand(row.ageYears) && ncdGroup(row.underlyingCauseIcd10) !== null).length,
      };
    });
    const table = computeLifeTable(groups);
    if (!table.ok) throw new Error(JSON.stringify(table.problems));
    expect(table.rows[0]?.ex).toBeGreaterThan(76);
    expect(table.rows[0]?.ex).toBeLessThan(81);
    const premature = prematureNcdMortality(groups.filter((group) => group.ageStart >= 30 && group.ageStart < 70));
    expect(premature.percent).toBeGreaterThan(11);
    expect(premature.percent).toBeLessThan(18);

    const last = await db.select().from(healthWorker);
    const holding = (code: string): number => last.filter((worker) => worker.qualifications.includes(code)).length;
    const residents2023 = population.filter((row) => row.year === 2023).reduce((sum, row) => sum + row.count, 0);
    const perThousand = (n: number): number => (n / residents2023) * 1000;
    expect(perThousand(holding('physician') + holding('assistant_physician'))).toBeGreaterThan(2.4);
    expect(perThousand(holding('physician') + holding('assistant_physician'))).toBeLessThan(3.5);
    expect(perThousand(holding('registered_nurse'))).toBeGreaterThan(2.6);
    expect(perThousand(holding('registered_nurse'))).toBeLessThan(4);
    expect(perThousand(holding('general_practitioner')) * 10).toBeGreaterThan(1.5);
    expect(perThousand(holding('general_practitioner')) * 10).toBeLessThan(4);
    expect(perThousand(counts.beds)).toBeGreaterThan(5);
    expect(perThousand(counts.beds)).toBeLessThan(8);
    expect(perThousand(counts.childcare)).toBeGreaterThan(2);
    expect(perThousand(counts.childcare)).toBeLessThan(4.5);
    const places = await db.select().from(childcarePlaces).where(eq(childcarePlaces.year, 2023));
    const inclusive = places.reduce((sum, row) => sum + row.inclusivePlaces, 0);
    expect(inclusive).toBeGreaterThan(0);
    expect(inclusive).toBeLessThan(counts.childcare);
  });
});
