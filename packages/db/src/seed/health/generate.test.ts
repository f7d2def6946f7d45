import { completedYears, parseResidentIdNumber } from '@chp/core';
import { and, asc, eq, inArray, isNotNull, max, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounty } from '../../org-units/load-county.js';
import { facility, followUp, household, populationAggregate, resident } from '../../schema.js';
import { openTestDatabase, testDatabaseKinds, testIdCipher } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import { AGE_GROUPS } from '../registers/demography.js';
import { generateRegisterDemo } from '../registers/generate.js';
import { bulkInsertWriter, generateHealthRecordsDemo, HealthRecordsDemoError } from './generate.js';
import type { HealthRowWriter } from './generate.js';
import { HEALTH_TABLES, HEALTH_TABLE_NAMES } from './rows.js';
import type { HealthTableName } from './rows.js';

const COUNTY = '640221';
const YEARS = { from: 2021, to: 2025 };

describe.each(testDatabaseKinds())('generateHealthRecordsDemo on %s', (kind) => {
  let database: TestDatabase;
  let residents2025: number;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await addCounty(database.db, COUNTY);
    await addCounty(database.db, '640205');
    await generateRegisterDemo(database.db, { countyCode: COUNTY, residents: 2000, seed: 5, years: YEARS });
    const [row] = await database.db
      .select({ n: sql<number>`sum(${populationAggregate.count})::int` })
      .from(populationAggregate)
      .where(and(eq(populationAggregate.year, 2025), eq(populationAggregate.residence, 'resident')));
    residents2025 = row?.n ?? 0;
  });
  afterAll(async () => {
    await database.destroy();
  });

  const options = (): Parameters<typeof generateHealthRecordsDemo>[1] => ({
    countyCode: COUNTY,
    residents: residents2025,
    seed: 5,
    years: YEARS,
    idCipher: testIdCipher(),
  });

  async function tableCount(name: HealthTableName, countyCode = COUNTY): Promise<number> {
    const table = HEALTH_TABLES[name];
    const [row] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(table)
      .where(eq(table.countyCode, countyCode));
    return row?.n ?? 0;
  }

  /** The records without database ids: residents by their keyed ID hash, visits by their resident's. */
  async function snapshot(): Promise<unknown> {
    const { db } = database;
    const people = await db
      .select({
        hash: resident.idNumberHash,
        name: resident.name,
        record: resident.recordDate,
        status: resident.recordStatus,
      })
      .from(resident)
      .where(eq(resident.countyCode, COUNTY))
      .orderBy(asc(resident.idNumberHash));
    const visits = await db
      .select({
        hash: resident.idNumberHash,
        program: followUp.program,
        kind: followUp.kind,
        date: followUp.visitDate,
        values: followUp.values,
      })
      .from(followUp)
      .innerJoin(resident, eq(resident.id, followUp.residentId))
      .orderBy(asc(resident.idNumberHash), asc(followUp.visitDate), asc(followUp.program), asc(followUp.kind));
    return { people, visits };
  }

  it('writes the residents of the population register with their records, through the given writer', async () => {
    const { db } = database;
    const written = new Map<HealthTableName, number>();
    const counting: HealthRowWriter = async (tx, table, rows) => {
      written.set(table, (written.get(table) ?? 0) + rows.length);
      await bulkInsertWriter(tx, table, rows);
    };
    const counts = await generateHealthRecordsDemo(db, options(), counting);
    for (const name of HEALTH_TABLE_NAMES) {
      expect(await tableCount(name), name).toBe(counts[name]);
      expect(written.get(name) ?? 0, name).toBe(counts[name]);
      expect(counts[name], name).toBeGreaterThan(0);
    }
    // Those living in the county at the end of 2025 are the register's 常住 cells of 2025, person by person.
    const living = await db
      .select({ township: resident.townshipCode, sex: resident.sex, birthDate: resident.birthDate })
      .from(resident)
      .where(and(eq(resident.countyCode, COUNTY), eq(resident.recordStatus, 'active')));
    expect(living).toHaveLength(residents2025);
    const counted = new Map<string, number>();
    for (const person of living) {
      const age = completedYears(person.birthDate, '2025-12-31');
      const group = AGE_GROUPS.findIndex((band) => age >= band.start && (band.end === null || age <= band.end));
      const key = `${person.township}|${person.sex}|${AGE_GROUPS[group]?.start ?? -1}`;
      counted.set(key, (counted.get(key) ?? 0) + 1);
    }
    const cells = await db
      .select()
      .from(populationAggregate)
      .where(and(eq(populationAggregate.year, 2025), eq(populationAggregate.residence, 'resident')));
    expect(counted).toEqual(
      new Map(
        cells
          .filter((cell) => cell.count > 0)
          .map((cell) => [`${cell.orgUnitCode}|${cell.sex}|${cell.ageStart}`, cell.count])
      )
    );
    // Records are kept by the townships' health centres of the register.
    const keepers = await db
      .selectDistinct({ type: facility.facilityType })
      .from(resident)
      .innerJoin(facility, eq(facility.id, resident.recordFacilityId));
    expect(keepers.map((row) => row.type).sort()).toEqual(['township_health_center']);
    const [one] = await db.select().from(resident).where(eq(resident.countyCode, COUNTY)).limit(1);
    const number = testIdCipher().decrypt(one?.idNumberCipher ?? '');
    expect(parseResidentIdNumber(number, '2026-01-01')).toMatchObject({
      ok: true,
      value: { birthDate: one?.birthDate },
    });
  });

  it('moves the id sequences past the ids it used', async () => {
    const { db } = database;
    const [before] = await db.select({ id: max(household.id) }).from(household);
    const [added] = await db
      .insert(household)
      .values({ countyCode: COUNTY, householdNumber: 'TEST-1', townshipCode: `${COUNTY}100` })
      .returning({ id: household.id });
    expect(added?.id).toBeGreaterThan(before?.id ?? Infinity);
    await db.delete(household).where(eq(household.householdNumber, 'TEST-1'));
  });

  it('refuses a county that already has records, and one that is not loaded', async () => {
    await expect(generateHealthRecordsDemo(database.db, options())).rejects.toThrow(HealthRecordsDemoError);
    await expect(generateHealthRecordsDemo(database.db, options())).rejects.toThrow(/已有居民健康档案/);
    await expect(generateHealthRecordsDemo(database.db, { ...options(), countyCode: '110105' })).rejects.toThrow(
      /尚未载入乡镇/
    );
    await expect(generateHealthRecordsDemo(database.db, { ...options(), residents: 0 })).rejects.toThrow(/居民人数/);
  });

  it('generates the same records again from the same seed', async () => {
    const before = await snapshot();
    const { db } = database;
    for (const name of HEALTH_TABLE_NAMES) {
      const table = HEALTH_TABLES[name];
      await db.delete(table).where(eq(table.countyCode, COUNTY));
    }
    await generateHealthRecordsDemo(db, options());
    expect(await snapshot()).toEqual(before);
  });

  it('draws a county without a population register from the model', async () => {
    const counts = await generateHealthRecordsDemo(database.db, { ...options(), countyCode: '640205', residents: 400 });
    const living = await database.db
      .select({ id: resident.id })
      .from(resident)
      .where(and(eq(resident.countyCode, '640205'), inArray(resident.recordStatus, ['active'])));
    expect(living).toHaveLength(400);
    expect(counts.resident).toBeGreaterThan(400);
    // Without facilities in the register, records name none; the teams are there all the same.
    const kept = await database.db
      .select({ id: resident.id })
      .from(resident)
      .where(and(eq(resident.countyCode, '640205'), isNotNull(resident.recordFacilityId)));
    expect(kept).toEqual([]);
    expect(await tableCount('familyDoctorTeam', '640205')).toBeGreaterThan(0);
  });
});
