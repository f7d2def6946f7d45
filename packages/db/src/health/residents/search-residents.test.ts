import type { ResidentSearchQuery } from '@chp/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { programEnrolment } from '../../schema.js';
import { testDatabaseKinds } from '../../testing.js';
import { createResident } from './create-resident.js';
import { listDuplicateGroups } from './duplicates.js';
import { searchResidents } from './search-residents.js';
import {
  COUNTY,
  FAR_VILLAGE,
  OTHER_VILLAGE,
  TODAY,
  actor,
  cipher,
  countyScope,
  idNumberOf,
  residentInput,
  residentTestDatabase,
} from './residents-testing.js';

const LIU_NUMBER = idNumberOf('1975-03-04', '071');

describe.each(testDatabaseKinds())('searching residents on %s', (kind) => {
  const t = residentTestDatabase(kind);
  beforeAll(async () => {
    const inputs = [
      residentInput('刘一', { birthDate: '1975-03-04', idNumber: LIU_NUMBER, phone: '13812345678' }),
      residentInput('刘二', { idType: 'birth_certificate', idNumber: 'X640221001', birthDate: '2022-01-01' }),
      residentInput('陈刘', {
        birthDate: '1990-01-01',
        idNumber: idNumberOf('1990-01-01', '091'),
        villageCode: OTHER_VILLAGE,
      }),
      residentInput('刘一', {
        idType: 'other',
        idNumber: null,
        birthDate: '1975-03-04',
        townshipCode: '640221101',
        villageCode: FAR_VILLAGE,
      }),
    ];
    for (const input of inputs) await createResident(t.db, cipher, actor, COUNTY, countyScope, input, TODAY);
  });
  const namesFound = async (query: ResidentSearchQuery, scope = countyScope): Promise<string[]> => {
    const result = await searchResidents(t.db, cipher, COUNTY, scope, query, TODAY);
    expect(result.total).toBe(result.residents.length);
    return result.residents.map((found) => `${found.name}@${found.villageCode ?? ''}`);
  };

  it('finds by any part of the name, in name order', async () => {
    expect(await namesFound({ q: '刘' })).toEqual([
      '刘一@640221100001',
      `刘一@${FAR_VILLAGE}`,
      '刘二@640221100001',
      '陈刘@640221100002',
    ]);
    expect(await namesFound({ q: '一' })).toHaveLength(2);
  });

  it('finds by the exact ID number of any type, a 15-digit number converted, never by part of it', async () => {
    expect(await namesFound({ q: LIU_NUMBER })).toEqual(['刘一@640221100001']);
    expect(await namesFound({ q: ` ${LIU_NUMBER.toLowerCase()} ` })).toEqual(['刘一@640221100001']);
    expect(await namesFound({ q: '640221750304071' })).toEqual(['刘一@640221100001']);
    expect(await namesFound({ q: 'x640221001' })).toEqual(['刘二@640221100001']);
    expect(await namesFound({ q: LIU_NUMBER.slice(0, 17) })).toEqual([]);
  });

  it('finds by a masked number as shown, and by phone', async () => {
    expect(await namesFound({ q: `640221****${LIU_NUMBER.slice(-4)}` })).toEqual(['刘一@640221100001']);
    expect(await namesFound({ q: '138 1234 5678' })).toEqual(['刘一@640221100001']);
    expect(await namesFound({ q: '5678' })).toEqual(['刘一@640221100001']);
  });

  it('filters by township, village and open programme enrolment, in the scope, a page at a time', async () => {
    expect(await namesFound({ township: '640221101' })).toEqual([`刘一@${FAR_VILLAGE}`]);
    expect(await namesFound({ village: OTHER_VILLAGE })).toEqual(['陈刘@640221100002']);
    expect(await namesFound({ q: '刘' }, [{ orgUnitCode: OTHER_VILLAGE, maternalChildOnly: false }])).toEqual([
      '陈刘@640221100002',
    ]);
    const [chen] = (await searchResidents(t.db, cipher, COUNTY, countyScope, { q: '陈刘' }, TODAY)).residents;
    await t.db
      .insert(programEnrolment)
      .values([{ countyCode: COUNTY, residentId: chen?.id ?? 0, program: 'hypertension', enrolledDate: '2024-01-01' }]);
    expect(await namesFound({ program: 'hypertension' })).toEqual(['陈刘@640221100002']);
    expect(await namesFound({ program: 'diabetes' })).toEqual([]);
    const page = await searchResidents(t.db, cipher, COUNTY, countyScope, { q: '刘', limit: 2, offset: 1 }, TODAY);
    expect(page.total).toBe(4);
    expect(page.residents.map((found) => found.name)).toEqual(['刘一', '刘二']);
  });

  it('lists residents sharing name, birth date and sex as possible duplicates, in the scope', async () => {
    const groups = await listDuplicateGroups(t.db, COUNTY, countyScope);
    expect(groups.map((group) => [group.name, group.birthDate, group.sex, group.residents.length])).toEqual([
      ['刘一', '1975-03-04', '1', 2],
    ]);
    expect(await listDuplicateGroups(t.db, COUNTY, [{ orgUnitCode: '640221100', maternalChildOnly: false }])).toEqual(
      []
    );
  });
});
