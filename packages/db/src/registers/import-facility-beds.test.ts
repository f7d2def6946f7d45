import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../testing.js';
import { listFacilityBeds } from './facility-counts.js';
import { importFacilityBeds } from './import-facility-beds.js';
import { csvWithHeader, facilityImportDatabase, importActor as system, issuesOf } from './import-testing.js';

const csv = csvWithHeader('机构编号,年份,科室,编制床位,实有床位');

describe.each(testDatabaseKinds())('bed import on %s', (kind) => {
  const database = facilityImportDatabase(kind);
  const { idOf } = database;

  it('imports beds by department, named or coded, with either count left empty', async () => {
    const file = csv(
      'beds.csv',
      'F1,2022,合计,500,480',
      'F1,2022,重症医学科（ICU）,10,',
      'F1,2022,obstetric,,',
      'F2,2018,total,,5'
    );
    const result = await importFacilityBeds(database.db, system, '640221', [file], { mode: 'valid-only' });
    expect(result).toEqual({
      mode: 'valid-only',
      imported: 3,
      skipped: 1,
      errors: [issuesOf('beds.csv')(4, '编制床位 (D)、实有床位 (E)', '编制床位和实有床位至少填写一项。')],
    });
    const row = { countyCode: '640221', approved: null, actual: null };
    expect(await listFacilityBeds(database.db, '640221', 2022)).toEqual([
      { ...row, facilityId: idOf('F1'), year: 2022, department: 'icu', approved: 10 },
      { ...row, facilityId: idOf('F1'), year: 2022, department: 'total', approved: 500, actual: 480 },
    ]);
    expect(await listFacilityBeds(database.db, '640221', 2018)).toEqual([
      { ...row, facilityId: idOf('F2'), year: 2018, department: 'total', actual: 5 },
    ]);
  });

  it('names unknown facilities and departments, negative counts, impossible years and duplicates', async () => {
    const thisYear = new Date().getFullYear();
    const file = csv(
      'bad.csv',
      'F9,2022,合计,10,10',
      'F1,2022,美容科,10,10',
      'F1,2023,合计,-5,10',
      `F1,${thisYear + 1},合计,10,10`,
      'F2,2020,合计,3,3',
      'F2,2000,合计,3,3',
      'F1,2022,合计,520,500',
      'F1,2023,产科,30,28',
      'F1,2023,产科,30,29',
      'F1,2023,儿科,20,20'
    );
    const issue = issuesOf('bad.csv');
    const errors = [
      issue(2, '机构编号 (A)', '机构编号“F9”不是本县（区）已登记的机构，请先导入机构名录。'),
      issue(
        3,
        '科室 (C)',
        expect.stringMatching(
          /^科室“美容科”无效，应为：total（合计）、icu（重症医学科（ICU））、.*、hospice（安宁疗护）。$/
        ) as string
      ),
      issue(4, '编制床位 (D)', '编制床位“-5”不能为负数。'),
      issue(5, '年份 (B)', `年份“${thisYear + 1}”超出范围（1900—${thisYear}年）。`),
      issue(6, '年份 (B)', '机构“F2”已于 2019 年撤销，不能登记 2020 年的数据。'),
      issue(7, '年份 (B)', '机构“F2”2000年尚未设立（设立年份 2001）。'),
      issue(8, '机构编号 (A)、年份 (B)、科室 (C)', '机构编号“F1”2022年合计的床位数已在数据库中，不能重复导入。'),
      issue(10, '机构编号 (A)、年份 (B)、科室 (C)', '与第9行重复（机构编号“F1”2023年产科的床位数），两行均未导入。'),
    ];
    const before = await listFacilityBeds(database.db, '640221', 2022);
    expect(await importFacilityBeds(database.db, system, '640221', [file])).toEqual({
      mode: 'all',
      imported: 0,
      skipped: 10,
      errors,
    });
    expect(await listFacilityBeds(database.db, '640221', 2022)).toEqual(before);
    expect(await listFacilityBeds(database.db, '640221', 2023)).toEqual([]);

    const partial = await importFacilityBeds(database.db, system, '640221', [file], { mode: 'valid-only' });
    expect(partial).toEqual({ mode: 'valid-only', imported: 1, skipped: 9, errors });
    expect(await listFacilityBeds(database.db, '640221', 2022)).toEqual(before);
    expect(await listFacilityBeds(database.db, '640221', 2023)).toEqual([
      { facilityId: idOf('F1'), countyCode: '640221', year: 2023, department: 'pediatric', approved: 20, actual: 20 },
    ]);
  });
});
