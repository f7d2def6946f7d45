import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounty } from '../org-units/load-county.js';
import { programEnrolment, resident } from '../schema.js';
import { openTestDatabase, testDatabaseKinds } from '../testing.js';
import type { TestDatabase } from '../testing.js';
import { residentInScope } from './resident-scope.js';
import type { ResidentScope } from './resident-scope.js';

const VILLAGE_A = '640221100001';
const VILLAGE_B = '640221100002';
const OTHER_TOWNSHIP_VILLAGE = '640221101001';

/** A birth date `years` years before today (a day later, so the age is just under `years`). */
function bornYearsAgo(years: number): string {
  const date = new Date();
  date.setFullYear(date.getFullYear() - years);
  date.setDate(date.getDate() + 1);
  return date.toISOString().slice(0, 10);
}

describe.each(testDatabaseKinds())('resident scope on %s', (kind) => {
  let database: TestDatabase;
  const ids = new Map<string, number>();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await addCounty(database.db, '640221');
    await addCounty(database.db, '140423');
    const people = [
      { name: '甲', villageCode: VILLAGE_A, birthDate: '1960-01-01', sex: '1' },
      { name: '乙', villageCode: VILLAGE_B, birthDate: '1990-05-05', sex: '2' },
      { name: '丙', villageCode: OTHER_TOWNSHIP_VILLAGE, birthDate: bornYearsAgo(3), sex: '1' },
      { name: '丁', villageCode: OTHER_TOWNSHIP_VILLAGE, birthDate: bornYearsAgo(8), sex: '2' },
      { name: '戊', villageCode: null, birthDate: '1950-01-01', sex: '1', townshipCode: '640221101' },
    ];
    for (const person of people) {
      const villageCode = person.villageCode;
      const [row] = await database.db
        .insert(resident)
        .values({
          countyCode: '640221',
          idType: 'other',
          name: person.name,
          sex: person.sex,
          birthDate: person.birthDate,
          townshipCode: person.townshipCode ?? (villageCode ?? '').slice(0, 9),
          villageCode,
        })
        .returning({ id: resident.id });
      if (row) ids.set(person.name, row.id);
    }
    await database.db.insert(resident).values({
      countyCode: '140423',
      idType: 'other',
      name: '己',
      sex: '1',
      birthDate: '1970-01-01',
      townshipCode: '140423100',
    });
    // 乙 is pregnant: a maternal enrolment brings her into the 妇幼 scope.
    await database.db.insert(programEnrolment).values({
      countyCode: '640221',
      residentId: ids.get('乙') ?? 0,
      program: 'maternal',
      enrolledDate: '2024-01-01',
    });
  });
  afterAll(async () => {
    await database.destroy();
  });

  const namesIn = async (scope: ResidentScope, countyCode = '640221'): Promise<string[]> => {
    const rows = await database.db
      .select({ name: resident.name })
      .from(resident)
      .where(and(eq(resident.countyCode, countyCode), residentInScope(scope)))
      .orderBy(resident.id);
    return rows.map((row) => row.name);
  };
  const area = (orgUnitCode: string, maternalChildOnly = false) => ({ orgUnitCode, maternalChildOnly });

  it('covers a village, a township, a county and everything above by their codes', async () => {
    expect(await namesIn([area(VILLAGE_A)])).toEqual(['甲']);
    expect(await namesIn([area('640221100')])).toEqual(['甲', '乙']);
    expect(await namesIn([area('640221101')])).toEqual(['丙', '丁', '戊']);
    expect(await namesIn([area('640221')])).toEqual(['甲', '乙', '丙', '丁', '戊']);
    expect(await namesIn([area('64')])).toEqual(['甲', '乙', '丙', '丁', '戊']);
    expect(await namesIn([area('00')], '140423')).toEqual(['己']);
    expect(await namesIn([area('6402')], '140423')).toEqual([]);
    expect(await namesIn([area(VILLAGE_A), area(OTHER_TOWNSHIP_VILLAGE)])).toEqual(['甲', '丙', '丁']);
  });

  it('limits a maternal and child area to enrolled women and children under 7', async () => {
    expect(await namesIn([area('640221', true)])).toEqual(['乙', '丙']);
    expect(await namesIn([area('640221100', true), area(OTHER_TOWNSHIP_VILLAGE)])).toEqual(['乙', '丙', '丁']);
  });

  it('covers nobody with an empty scope', async () => {
    expect(await namesIn([])).toEqual([]);
  });
});
