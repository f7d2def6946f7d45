import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../testing.js';
import { listChildcarePlaces } from './facility-counts.js';
import { importChildcarePlaces } from './import-childcare-places.js';
import { csvWithHeader, facilityImportDatabase, importActor as system, issuesOf } from './import-testing.js';

const csv = csvWithHeader('机构编号,年份,托位,普惠托位');

describe.each(testDatabaseKinds())('childcare place import on %s', (kind) => {
  const database = facilityImportDatabase(kind);
  const { idOf } = database;

  it('imports places by facility and year', async () => {
    const file = csv('places.csv', 'T1,2022,120,80', 'T1,2023,150,150', 'F1,2023,20,0');
    expect(await importChildcarePlaces(database.db, system, '640221', [file])).toEqual({
      mode: 'all',
      imported: 3,
      skipped: 0,
      errors: [],
    });
    const row = { countyCode: '640221', year: 2023 };
    expect(await listChildcarePlaces(database.db, '640221', 2023)).toEqual([
      { ...row, facilityId: idOf('F1'), places: 20, inclusivePlaces: 0 },
      { ...row, facilityId: idOf('T1'), places: 150, inclusivePlaces: 150 },
    ]);
  });

  it('refuses more 普惠 places than places, negative counts, unknown facilities, bad years and duplicates', async () => {
    const thisYear = new Date().getFullYear();
    const file = csv(
      'bad.csv',
      'T1,2024,10,11',
      'T1,2024,-1,0',
      'T9,2024,10,5',
      'T1,2020,10,5',
      'T1,1800,10,5',
      'T1,2022,100,50',
      'F1,2024,30,10',
      'F1,2024,30,20',
      'T1,2024,10,',
      'T1,2024,60,40'
    );
    const issue = issuesOf('bad.csv');
    const errors = [
      issue(2, '普惠托位 (D)', '普惠托位 11 多于托位 10。'),
      issue(3, '托位 (C)', '托位“-1”不能为负数。'),
      issue(4, '机构编号 (A)', '机构编号“T9”不是本县（区）已登记的机构，请先导入机构名录。'),
      issue(5, '年份 (B)', '机构“T1”2020年尚未设立（设立年份 2021）。'),
      issue(6, '年份 (B)', `年份“1800”超出范围（1900—${thisYear}年）。`),
      issue(7, '机构编号 (A)、年份 (B)', '机构编号“T1”2022年的托位数已在数据库中，不能重复导入。'),
      issue(9, '机构编号 (A)、年份 (B)', '与第8行重复（机构编号“F1”2024年的托位数），两行均未导入。'),
      issue(10, '普惠托位 (D)', '缺少普惠托位。'),
    ];
    expect(await importChildcarePlaces(database.db, system, '640221', [file])).toEqual({
      mode: 'all',
      imported: 0,
      skipped: 10,
      errors,
    });
    expect(await listChildcarePlaces(database.db, '640221', 2024)).toEqual([]);
    expect(await listChildcarePlaces(database.db, '640221', 2022)).toEqual([
      { countyCode: '640221', year: 2022, facilityId: idOf('T1'), places: 120, inclusivePlaces: 80 },
    ]);

    const partial = await importChildcarePlaces(database.db, system, '640221', [file], { mode: 'valid-only' });
    expect(partial).toEqual({ mode: 'valid-only', imported: 1, skipped: 9, errors });
    expect(await listChildcarePlaces(database.db, '640221', 2024)).toEqual([
      { countyCode: '640221', year: 2024, facilityId: idOf('T1'), places: 60, inclusivePlaces: 40 },
    ]);
    expect((await listChildcarePlaces(database.db, '640221', 2022))[0]).toMatchObject({ places: 120 });
  });
});
