import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPlanFiles } from '../plans/plan-files.js';
import { county, indicator, indicatorValue, orgUnit, setting } from '../schema.js';
import { openTestDatabase, testDatabaseKinds } from '../testing.js';
import type { TestDatabase } from '../testing.js';
import { initializePlatform } from './initialize.js';

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
    const result = await initializePlatform(db, { demo: true, adminUserId: 1 });
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

  it('does nothing on later starts', async () => {
    const before = [await count(orgUnit), await count(indicator), await count(indicatorValue)];
    expect(await initializePlatform(database.db, { demo: true, adminUserId: 1 })).toEqual({
      counties: [],
      seeded: false,
    });
    expect([await count(orgUnit), await count(indicator), await count(indicatorValue)]).toEqual(before);
  });
});
