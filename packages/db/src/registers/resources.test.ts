import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounty } from '../org-units/load-county.js';
import { openTestDatabase, testDatabaseKinds } from '../testing.js';
import type { TestDatabase } from '../testing.js';
import { addFacilities, listFacilities } from './facilities.js';
import type { Facility, FacilityInput } from './facilities.js';
import { listChildcarePlaces, listFacilityBeds, saveChildcarePlaces, saveFacilityBeds } from './facility-counts.js';
import { addHealthWorkers, listHealthWorkers } from './health-workers.js';

const system = { userId: null, username: 'system', ip: null };

const hospital: FacilityInput = {
  orgUnitCode: '640221',
  sourceRef: '12640221MB0000001X',
  name: '平罗县人民医院',
  facilityType: 'general_hospital',
  grade: '2A',
  ownership: 'public',
  consortium: '平罗县医共体',
  validFrom: 1950,
  validTo: null,
};
const nursery: FacilityInput = {
  orgUnitCode: '640221100',
  sourceRef: 'TY-001',
  name: '城关镇托育园',
  facilityType: 'childcare',
  grade: null,
  ownership: 'private',
  consortium: null,
  validFrom: 2021,
  validTo: 2022,
};

describe.each(testDatabaseKinds())('health resources on %s', (kind) => {
  let database: TestDatabase;
  let added: Facility[];
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await addCounty(database.db, '640221');
    added = await addFacilities(database.db, system, '640221', [hospital, nursery]);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('keeps facilities and lists those that existed in a year', async () => {
    expect(added.map(({ id: _id, ...rest }) => rest)).toEqual([
      { ...hospital, countyCode: '640221' },
      { ...nursery, countyCode: '640221' },
    ]);
    expect((await listFacilities(database.db, '640221', 2023)).map((f) => f.name)).toEqual(['平罗县人民医院']);
    expect(await listFacilities(database.db, '640221', 2021)).toHaveLength(2);
    expect(await listFacilities(database.db, '140423')).toEqual([]);
  });

  it('refuses unknown types, township codes of other counties and repeated source ids', async () => {
    const { db } = database;
    await expect(
      addFacilities(db, system, '640221', [{ ...hospital, sourceRef: 'N1', facilityType: 'spa' as 'clinic' }])
    ).rejects.toMatchObject({ kind: 'invalid', message: '机构“平罗县人民医院”（N1）的机构类型 spa 无效' });
    await expect(
      addFacilities(db, system, '640221', [{ ...hospital, sourceRef: 'N2', orgUnitCode: '140423100' }])
    ).rejects.toMatchObject({ kind: 'invalid' });
    await expect(
      addFacilities(db, system, '640221', [{ ...hospital, sourceRef: 'N3' }, nursery])
    ).rejects.toMatchObject({ kind: 'conflict', message: '机构编号重复或已存在：TY-001' });
    expect(await listFacilities(db, '640221')).toHaveLength(2);
  });

  it('saves beds by department, replacing a year’s count when saved again', async () => {
    const { db } = database;
    const id = added[0]!.id;
    await saveFacilityBeds(db, system, '640221', [
      { facilityId: id, year: 2022, department: 'total', approved: 500, actual: 480 },
      { facilityId: id, year: 2022, department: 'icu', approved: 10, actual: 8 },
    ]);
    await saveFacilityBeds(db, system, '640221', [
      { facilityId: id, year: 2022, department: 'icu', approved: 12, actual: null },
    ]);
    expect(await listFacilityBeds(db, '640221', 2022)).toEqual([
      { facilityId: id, countyCode: '640221', year: 2022, department: 'icu', approved: 12, actual: null },
      { facilityId: id, countyCode: '640221', year: 2022, department: 'total', approved: 500, actual: 480 },
    ]);
    await expect(
      saveFacilityBeds(db, system, '640221', [
        { facilityId: id, year: 2022, department: 'total', approved: -1, actual: 1 },
      ])
    ).rejects.toMatchObject({ kind: 'invalid' });
    await expect(
      saveFacilityBeds(db, system, '640221', [
        { facilityId: 99999, year: 2022, department: 'total', approved: 1, actual: 1 },
      ])
    ).rejects.toMatchObject({ code: 'facility_outside_county', message: '机构 99999 不是本县（区）登记的机构' });
  });

  it('keeps health workers with their qualifications; a repeated spell rolls the whole call back', async () => {
    const { db } = database;
    const id = added[0]!.id;
    const doctor = {
      facilityId: id,
      personRef: 'P1',
      sex: '2' as const,
      birthYear: 1980,
      qualifications: ['physician' as const, 'tcm' as const, 'general_practitioner' as const],
      employedFrom: 2010,
      employedTo: 2020,
    };
    const nurse = { ...doctor, personRef: 'P2', qualifications: ['registered_nurse' as const], employedTo: null };
    await addHealthWorkers(db, system, '640221', [doctor, nurse]);
    const workers = await listHealthWorkers(db, '640221');
    expect(workers.map(({ id: _id, ...rest }) => rest)).toEqual([
      { ...doctor, countyCode: '640221' },
      { ...nurse, countyCode: '640221' },
    ]);
    expect((await listHealthWorkers(db, '640221', 2023)).map((w) => w.personRef)).toEqual(['P2']);
    await expect(addHealthWorkers(db, system, '640221', [{ ...nurse, personRef: 'P3' }, doctor])).rejects.toMatchObject(
      { kind: 'conflict' }
    );
    await expect(
      addHealthWorkers(db, system, '640221', [{ ...nurse, personRef: 'P4', sex: '0' as '1' }])
    ).rejects.toMatchObject({ kind: 'invalid', message: '人员 P4的性别 0 无效（应为 1 或 2）' });
    await expect(
      addHealthWorkers(db, system, '640221', [{ ...nurse, personRef: 'P5', birthYear: 2000 }])
    ).rejects.toMatchObject({
      kind: 'invalid',
      message: '人员 P5的出生年份 2000 与入职年份 2010 不符（入职时应为 16—120 岁）',
    });
    expect(await listHealthWorkers(db, '640221')).toHaveLength(2);
  });

  it('saves childcare places, of which inclusive, never more inclusive than all', async () => {
    const { db } = database;
    const id = added[1]!.id;
    await saveChildcarePlaces(db, system, '640221', [{ facilityId: id, year: 2022, places: 120, inclusivePlaces: 80 }]);
    expect(await listChildcarePlaces(db, '640221', 2022)).toEqual([
      { facilityId: id, countyCode: '640221', year: 2022, places: 120, inclusivePlaces: 80 },
    ]);
    await expect(
      saveChildcarePlaces(db, system, '640221', [{ facilityId: id, year: 2022, places: 10, inclusivePlaces: 11 }])
    ).rejects.toMatchObject({ kind: 'invalid' });
    expect((await listChildcarePlaces(db, '640221', 2022))[0]?.places).toBe(120);
  });
});
