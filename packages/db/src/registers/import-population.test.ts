import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../testing.js';
import type { TestDatabase } from '../testing.js';
import { importPopulation } from './import-population.js';
import { csvWithHeader, importActor as system, issuesOf, openImportDatabase } from './import-testing.js';
import { listPopulation } from './vital-read.js';

const csv = csvWithHeader('机构编码,年份,人口类型,性别,起始年龄,终止年龄,人数');

describe.each(testDatabaseKinds())('population import on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openImportDatabase(kind);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('imports age groups, the open group included, by residence', async () => {
    const file = csv(
      'pop.csv',
      '640221,2020,常住,1,0,4,10000',
      '640221,2020,resident,2,0,4,9500',
      '640221100,2020,户籍,男,85,,300'
    );
    expect(await importPopulation(database.db, system, '640221', [file])).toMatchObject({ imported: 3, errors: [] });
    expect(await listPopulation(database.db, '640221', 2020, 'resident')).toEqual([
      { orgUnitCode: '640221', year: 2020, residence: 'resident', sex: '1', ageStart: 0, ageEnd: 4, count: 10000 },
      { orgUnitCode: '640221', year: 2020, residence: 'resident', sex: '2', ageStart: 0, ageEnd: 4, count: 9500 },
    ]);
    expect(await listPopulation(database.db, '640221', 2020, 'registered')).toEqual([
      {
        orgUnitCode: '640221100',
        year: 2020,
        residence: 'registered',
        sex: '1',
        ageStart: 85,
        ageEnd: null,
        count: 300,
      },
    ]);
  });

  it('names negative counts, bad codes and ages, duplicates; all or only the good rows', async () => {
    const thisYear = new Date().getFullYear();
    const file = csv(
      'bad.csv',
      '640221,2020,常住,1,0,4,10000',
      '640221,2020,常住,1,5,4,-3',
      '640221,2020,常驻,9,-1,x,5',
      `640221,${thisYear + 1},常住,1,10,14,5`,
      '640221,2021,常住,1,10,14,5',
      '640221,2021,常住,1,10,14,6',
      '640221,2021,常住,2,10,14,7'
    );
    const issue = issuesOf('bad.csv');
    const errors = [
      issue(
        2,
        '机构编码 (A)、年份 (B)、人口类型 (C)、性别 (D)、起始年龄 (E)',
        '机构编码 640221、2020年、常住人口、男、起始年龄 0 岁的人口数已在数据库中，不能重复导入。'
      ),
      issue(3, '终止年龄 (F)', '终止年龄 4 小于起始年龄 5。'),
      issue(3, '人数 (G)', '人数“-3”不能为负数。'),
      issue(4, '人口类型 (C)', '人口类型“常驻”无效，应为：resident（常住）、registered（户籍）。'),
      issue(4, '性别 (D)', '性别“9”无效，应为：1（男）、2（女）。'),
      issue(4, '起始年龄 (E)', '起始年龄“-1”不能为负数。'),
      issue(4, '终止年龄 (F)', '终止年龄“x”不是整数。'),
      issue(5, '年份 (B)', `年份“${thisYear + 1}”超出范围（1949—${thisYear}年）。`),
      issue(
        7,
        '机构编码 (A)、年份 (B)、人口类型 (C)、性别 (D)、起始年龄 (E)',
        '与第6行重复（机构编码 640221、2021年、常住人口、男、起始年龄 10 岁的人口数），两行均未导入。'
      ),
    ];
    expect(await importPopulation(database.db, system, '640221', [file])).toEqual({
      mode: 'all',
      imported: 0,
      skipped: 7,
      errors,
    });
    expect(await listPopulation(database.db, '640221', 2021, 'resident')).toEqual([]);
    expect(await listPopulation(database.db, '640221', 2020, 'resident')).toHaveLength(2);

    const partial = await importPopulation(database.db, system, '640221', [file], { mode: 'valid-only' });
    expect(partial).toEqual({ mode: 'valid-only', imported: 1, skipped: 6, errors });
    expect(await listPopulation(database.db, '640221', 2021, 'resident')).toEqual([
      { orgUnitCode: '640221', year: 2021, residence: 'resident', sex: '2', ageStart: 10, ageEnd: 14, count: 7 },
    ]);
    expect((await listPopulation(database.db, '640221', 2020, 'resident'))[0]).toMatchObject({ count: 10000 });
  });
});
