import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../testing.js';
import { listHealthWorkers } from './health-workers.js';
import { importHealthWorkers } from './import-health-workers.js';
import { csvWithHeader, facilityImportDatabase, importActor as system, issuesOf } from './import-testing.js';

const csv = csvWithHeader('人员编号,机构编号,性别,出生年份,资质,入职年份,离职年份');

describe.each(testDatabaseKinds())('health worker import on %s', (kind) => {
  const database = facilityImportDatabase(kind);
  const { idOf } = database;

  it('imports spells with qualifications listed by name or code, in any of the separators', async () => {
    const file = csv(
      'workers.csv',
      'P1,F1,女,1980,执业医师、tcm；全科医生,2005,2019',
      'P1,F1,2,1980,"physician, general_practitioner",2020,',
      'P2,F1,男,,注册护士;药师（士）;注册护士,2010,',
      'P3,F2,1,1990,,2015,2019'
    );
    expect(await importHealthWorkers(database.db, system, '640221', [file])).toEqual({
      mode: 'all',
      imported: 4,
      skipped: 0,
      errors: [],
    });
    const worker = { countyCode: '640221', id: expect.any(Number) as number, employedTo: null };
    expect(await listHealthWorkers(database.db, '640221')).toEqual([
      {
        ...worker,
        personRef: 'P1',
        facilityId: idOf('F1'),
        sex: '2',
        birthYear: 1980,
        qualifications: ['physician', 'tcm', 'general_practitioner'],
        employedFrom: 2005,
        employedTo: 2019,
      },
      {
        ...worker,
        personRef: 'P1',
        facilityId: idOf('F1'),
        sex: '2',
        birthYear: 1980,
        qualifications: ['physician', 'general_practitioner'],
        employedFrom: 2020,
      },
      {
        ...worker,
        personRef: 'P2',
        facilityId: idOf('F1'),
        sex: '1',
        birthYear: null,
        qualifications: ['registered_nurse', 'pharmacist'],
        employedFrom: 2010,
      },
      {
        ...worker,
        personRef: 'P3',
        facilityId: idOf('F2'),
        sex: '1',
        birthYear: 1990,
        qualifications: [],
        employedFrom: 2015,
        employedTo: 2019,
      },
    ]);
  });

  it('names unknown qualifications and facilities, impossible years and duplicates; all or the good rows', async () => {
    const thisYear = new Date().getFullYear();
    const file = csv(
      'bad.csv',
      'Q1,F1,女,1980,执业医师、美容师,2005,',
      'Q2,F9,女,1980,执业医师,2005,',
      'Q3,F1,女,2000,执业医师,2010,',
      `Q4,F1,女,${thisYear + 1},执业医师,2010,`,
      'Q5,F1,女,1980,执业医师,2010,2008',
      `Q6,F1,女,1980,执业医师,${thisYear + 1},`,
      'Q7,F2,3,1980,执业医师,2020,',
      'P1,F1,女,1980,执业医师,2005,',
      'Q8,F1,女,1980,执业医师,2012,',
      'Q8,F1,女,1981,执业助理医师,2012,',
      'Q9,F1,男,1985,执业医师,2012,'
    );
    const issue = issuesOf('bad.csv');
    const errors = [
      issue(
        2,
        '资质 (E)',
        expect.stringMatching(/^资质中的“美容师”无效，应为：physician（执业医师）、.*，多项以“、”分隔。$/) as string
      ),
      issue(3, '机构编号 (B)', '机构编号“F9”不是本县（区）已登记的机构，请先导入机构名录。'),
      issue(4, '出生年份 (D)', '出生年份 2000 与入职年份 2010 不符（入职时应为 16—120 岁）。'),
      issue(5, '出生年份 (D)', `出生年份“${thisYear + 1}”超出范围（1900—${thisYear}年）。`),
      issue(6, '离职年份 (G)', '离职年份 2008 早于入职年份 2010。'),
      issue(7, '入职年份 (F)', `入职年份“${thisYear + 1}”超出范围（1900—${thisYear}年）。`),
      issue(8, '性别 (C)', '性别“3”无效，应为：1（男）、2（女）。'),
      issue(8, '入职年份 (F)', '机构“F2”已于 2019 年撤销，不能登记 2020 年的数据。'),
      issue(
        9,
        '人员编号 (A)、机构编号 (B)、入职年份 (F)',
        '人员编号“P1”2005年入职机构编号“F1”的任职记录已在数据库中，不能重复导入。'
      ),
      issue(
        11,
        '人员编号 (A)、机构编号 (B)、入职年份 (F)',
        '与第10行重复（人员编号“Q8”2012年入职机构编号“F1”的任职记录），两行均未导入。'
      ),
    ];
    const before = await listHealthWorkers(database.db, '640221');
    expect(await importHealthWorkers(database.db, system, '640221', [file])).toEqual({
      mode: 'all',
      imported: 0,
      skipped: 11,
      errors,
    });
    expect(await listHealthWorkers(database.db, '640221')).toEqual(before);

    const partial = await importHealthWorkers(database.db, system, '640221', [file], { mode: 'valid-only' });
    expect(partial).toEqual({ mode: 'valid-only', imported: 1, skipped: 10, errors });
    const after = await listHealthWorkers(database.db, '640221');
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((worker) => worker.personRef)).toEqual(['Q9']);
  });
});
