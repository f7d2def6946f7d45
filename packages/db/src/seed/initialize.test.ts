import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPlanFiles } from '../plans/plan-files.js';
import { computeIndicators } from '../registers/compute/index.js';
import {
  childcarePlaces,
  county,
  death,
  facility,
  facilityBeds,
  followUp,
  healthWorker,
  indicator,
  indicatorValue,
  liveBirth,
  orgUnit,
  populationAggregate,
  resident,
  setting,
} from '../schema.js';
import { openTestDatabase, testDatabaseKinds, testIdCipher } from '../testing.js';
import type { TestDatabase } from '../testing.js';
import { DEMO_HEALTH_COUNTY, DEMO_HEALTH_YEARS } from './demo-health-records.js';
import { DEMO_REGISTER_SCALE, DEMO_REGISTER_YEARS, demoRegisterOptions } from './demo-registers.js';
import { DEMO_SEED, initializePlatform } from './initialize.js';
import { generateRegisterDemo, readCountyFigures } from './registers/index.js';

const REGISTER_TABLES = [populationAggregate, liveBirth, death, facilityBeds, healthWorker, childcarePlaces, facility];

describe.each(testDatabaseKinds())('initializePlatform on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.destroy();
  });

  const count = async (table: typeof indicatorValue | typeof orgUnit | typeof indicator): Promise<number> => {
    const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(table);
    return row?.n ?? 0;
  };

  it('loads every county with a plan file and demo data on first start', async () => {
    const { db } = database;
    const result = await initializePlatform(db, { demo: true, adminUserId: 1, idCipher: testIdCipher() });
    expect(result).toEqual({ counties: listPlanFiles(), seeded: true });
    expect((await db.select().from(county)).map((c) => c.name).sort()).toEqual(
      ['乐至县', '埇桥区', '平罗县', '泗阳县', '襄垣县'].sort()
    );
    for (const code of result.counties) {
      const [townships] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(orgUnit)
        .where(sql`${orgUnit.countyCode} = ${code} and ${orgUnit.level} = 4`);
      expect(townships?.n, code).toBeGreaterThan(5);
      const [values] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(indicatorValue)
        .where(eq(indicatorValue.countyCode, code));
      expect(values?.n, code).toBeGreaterThan(50);
    }
    const [flag] = await db.select().from(setting).where(eq(setting.key, 'initialized'));
    expect(flag?.value).toMatchObject({ counties: result.counties, demo: true });
  });

  it('gives every county registers whose 2020 population is the demo share of the census', async () => {
    const { db } = database;
    for (const code of listPlanFiles()) {
      const census = readCountyFigures(code).residents2020?.value ?? 0;
      const [residents] = await db
        .select({ n: sql<number>`sum(${populationAggregate.count})::int` })
        .from(populationAggregate)
        .where(
          and(
            eq(populationAggregate.countyCode, code),
            eq(populationAggregate.year, 2020),
            eq(populationAggregate.residence, 'resident')
          )
        );
      // To the person: the generator rounds its first year, 2016, and drifts from there.
      expect(Math.abs((residents?.n ?? 0) - census * DEMO_REGISTER_SCALE), code).toBeLessThanOrEqual(1);
      const years = await db
        .selectDistinct({ year: populationAggregate.year })
        .from(populationAggregate)
        .where(eq(populationAggregate.countyCode, code))
        .orderBy(populationAggregate.year);
      const { from, to } = DEMO_REGISTER_YEARS;
      expect(years.map((row) => row.year)).toEqual(Array.from({ length: to - from + 1 }, (_, index) => from + index));
      for (const table of [liveBirth, death, facility, healthWorker]) {
        const [rows] = await db
          .select({ n: sql<number>`count(*)::int` })
          .from(table)
          .where(eq(table.countyCode, code));
        expect(rows?.n, code).toBeGreaterThan(0);
      }
    }
  });

  it('gives 平罗县 individual residents with records, the people of its 2025 population register', async () => {
    const { db } = database;
    const [population] = await db
      .select({ n: sql<number>`sum(${populationAggregate.count})::int` })
      .from(populationAggregate)
      .where(
        and(
          eq(populationAggregate.countyCode, DEMO_HEALTH_COUNTY),
          eq(populationAggregate.year, DEMO_HEALTH_YEARS.to),
          eq(populationAggregate.residence, 'resident')
        )
      );
    const living = await db
      .select({ county: resident.countyCode, n: sql<number>`count(*)::int` })
      .from(resident)
      .where(eq(resident.recordStatus, 'active'))
      .groupBy(resident.countyCode);
    expect(living).toEqual([{ county: DEMO_HEALTH_COUNTY, n: population?.n }]);
    const [visits] = await db.select({ n: sql<number>`count(*)::int` }).from(followUp);
    expect(visits?.n).toBeGreaterThan(50_000);
  });

  it('computes the county indicators of every county from the demo registers', async () => {
    for (const code of listPlanFiles()) {
      for (const year of [2020, 2023]) {
        const computed = await computeIndicators(database.db, code, year);
        const value = (indicatorCode: string): number | null =>
          computed.find((row) => row.orgUnit === code && row.code === indicatorCode)?.value ?? null;
        const label = `${code} ${String(year)}`;
        expect(value('CRUDE_BIRTH_RATE'), label).toBeGreaterThan(4);
        expect(value('CRUDE_BIRTH_RATE'), label).toBeLessThan(12);
        expect(value('CRUDE_DEATH_RATE'), label).toBeGreaterThan(4);
        expect(value('CRUDE_DEATH_RATE'), label).toBeLessThan(12);
        expect(value('LIFE_EXPECTANCY'), label).toBeGreaterThan(70);
        expect(value('LIFE_EXPECTANCY'), label).toBeLessThan(86);
        for (const perThousand of ['BEDS_PER_1000', 'DOCTORS_PER_1000', 'NURSES_PER_1000']) {
          expect(value(perThousand), `${label} ${perThousand}`).toBeGreaterThan(2);
          expect(value(perThousand), `${label} ${perThousand}`).toBeLessThan(9);
        }
      }
    }
    // The plans' own 2020 figures (data/demo/counties.json) come back out of the registers.
    const in2020 = await computeIndicators(database.db, '140423', 2020);
    const xiangyuan = (code: string): number =>
      in2020.find((row) => row.orgUnit === '140423' && row.code === code)?.value ?? 0;
    expect(xiangyuan('BEDS_PER_1000')).toBeCloseTo(5.6, 0);
    expect(xiangyuan('NURSES_PER_1000')).toBeCloseTo(5.1, 0);
  });

  it('generates the same registers again from the demo seed', async () => {
    const { db } = database;
    const code = '640221';
    const counts = async (): Promise<number[]> =>
      Promise.all(
        REGISTER_TABLES.map(async (table) => {
          const [row] = await db
            .select({ n: sql<number>`count(*)::int` })
            .from(table)
            .where(eq(table.countyCode, code));
          return row?.n ?? 0;
        })
      );
    const [births] = await db
      .select({ weights: sql<number>`sum(${liveBirth.birthWeightG})::int` })
      .from(liveBirth)
      .where(eq(liveBirth.countyCode, code));
    const before = await counts();
    for (const table of REGISTER_TABLES) await db.delete(table).where(eq(table.countyCode, code));
    const options = demoRegisterOptions(code, DEMO_SEED);
    if (options === null) throw new Error(`no demo population for ${code}`);
    await generateRegisterDemo(db, options);
    expect(await counts()).toEqual(before);
    const [again] = await db
      .select({ weights: sql<number>`sum(${liveBirth.birthWeightG})::int` })
      .from(liveBirth)
      .where(eq(liveBirth.countyCode, code));
    expect(again?.weights).toBe(births?.weights);
  });

  it('does nothing on later starts', async () => {
    const before = [await count(orgUnit), await count(indicator), await count(indicatorValue)];
    expect(await initializePlatform(database.db, { demo: true, adminUserId: 1, idCipher: testIdCipher() })).toEqual({
      counties: [],
      seeded: false,
    });
    expect([await count(orgUnit), await count(indicator), await count(indicatorValue)]).toEqual(before);
  });
});
