import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../testing.js';
import type { TestDatabase } from '../testing.js';
import { importDeaths } from './import-deaths.js';
import { csvWithHeader, importActor as system, issuesOf, openImportDatabase } from './import-testing.js';
import { listDeaths } from './vital-read.js';

const csv = csvWithHeader('来源编号,机构编码,死亡日期,出生日期,年龄,性别,根本死因编码,孕产妇死亡,死亡地点');

describe.each(testDatabaseKinds())('death import on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openImportDatabase(kind);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('imports deaths, deriving the age from the dates and normalising ICD-10 codes', async () => {
    const file = csv(
      'deaths.csv',
      'D1,640221100,2021-05-01,1950-06-01,,1,I21.9,否,医疗卫生机构',
      'D2,640221101,2021-08-01,,45,2,O72.0,是,home',
      'D3,640221100,2021-01-02,2020-12-01,0,1,p07.3,,',
      'D4,640221102,2021-03-01,1961-03-01,60,2,C341,,家中'
    );
    expect(await importDeaths(database.db, system, '640221', [file])).toEqual({
      mode: 'all',
      imported: 4,
      skipped: 0,
      errors: [],
    });
    const base = { maternal: false, birthDate: null };
    expect(await listDeaths(database.db, '640221', 2021)).toEqual([
      {
        ...base,
        sourceRef: 'D3',
        orgUnitCode: '640221100',
        deathDate: '2021-01-02',
        birthDate: '2020-12-01',
        ageYears: 0,
        sex: '1',
        underlyingCauseIcd10: 'P07.3',
        place: 'unknown',
      },
      {
        ...base,
        sourceRef: 'D4',
        orgUnitCode: '640221102',
        deathDate: '2021-03-01',
        birthDate: '1961-03-01',
        ageYears: 60,
        sex: '2',
        underlyingCauseIcd10: 'C34.1',
        place: 'home',
      },
      {
        ...base,
        sourceRef: 'D1',
        orgUnitCode: '640221100',
        deathDate: '2021-05-01',
        birthDate: '1950-06-01',
        ageYears: 70,
        sex: '1',
        underlyingCauseIcd10: 'I21.9',
        place: 'hospital',
      },
      {
        ...base,
        sourceRef: 'D2',
        orgUnitCode: '640221101',
        deathDate: '2021-08-01',
        ageYears: 45,
        sex: '2',
        underlyingCauseIcd10: 'O72.0',
        maternal: true,
        place: 'home',
      },
    ]);
  });

  it('names impossible dates and ages, malformed codes and duplicates, writing nothing', async () => {
    const file = csv(
      'bad.csv',
      'X1,640221100,2020-01-01,2021-01-01,,1,I21.9,,',
      'X2,640221100,2021-01-01,,130,1,I21.9,,',
      'X3,640221100,2021-01-01,,-1,1,I21.9,,',
      'X4,640221100,2021-01-01,,50,1,I2,是,海上',
      'X5,640221100,2021-01-01,1960-01-01,30,2,C34.1,,',
      'X6,640221100,2021-01-01,,,2,C34.1,,',
      'X7,640221100,2021-01-01,1890-01-01,,2,C34.1,,',
      'X8,640221100,2021-13-01,,40,2,C34.1,maybe,',
      'D1,640221100,2021-05-01,1950-06-01,,1,I21.9,否,医疗卫生机构',
      'X9,640221100,2021-06-01,1900-01-01,,2,C34.1,,',
      'X10,640221100,2021-06-01,,70,2,C34.1,,'
    );
    const issue = issuesOf('bad.csv');
    const result = await importDeaths(database.db, system, '640221', [file]);
    expect(result).toEqual({
      mode: 'all',
      imported: 0,
      skipped: 11,
      errors: [
        issue(2, '死亡日期 (C)', '死亡日期 2020-01-01 早于出生日期 2021-01-01。'),
        issue(3, '年龄 (E)', '年龄“130”超出范围（0—120岁）。'),
        issue(4, '年龄 (E)', '年龄“-1”不能为负数。'),
        issue(
          5,
          '根本死因编码 (G)',
          '根本死因编码：ICD-10 编码“I2”格式错误（应为字母+2位数字，可带“.”和1–2位数字，如 I21.9）。'
        ),
        issue(5, '孕产妇死亡 (H)', '性别为男，不能标记为孕产妇死亡。'),
        issue(
          5,
          '死亡地点 (I)',
          '死亡地点“海上”无效，应为：hospital（医疗卫生机构）、on_the_way（来院途中）、home（家中）、other（其他场所）、unknown（不详）。'
        ),
        issue(6, '年龄 (E)', '年龄 30 与出生日期、死亡日期推算的周岁 61 不符。'),
        issue(7, '年龄 (E)', '缺少年龄：未填写出生日期时必须填写年龄。'),
        issue(8, '出生日期 (D)', '出生日期 1890-01-01 早于 1900 年，不可能。'),
        issue(9, '死亡日期 (C)', '死亡日期“2021-13-01”不是有效日期，请按 YYYY-MM-DD 填写。'),
        issue(9, '孕产妇死亡 (H)', '孕产妇死亡“maybe”无效，应填“是”或“否”。'),
        issue(10, '来源编号 (A)', '来源编号“D1”已在数据库中，不能重复导入。'),
        issue(11, '出生日期 (D)', '按出生日期 1900-01-01 推算的死亡年龄 121 岁超出范围（0—120岁）。'),
      ],
    });
    expect(await listDeaths(database.db, '640221', 2021)).toHaveLength(4);

    const partial = await importDeaths(database.db, system, '640221', [file], { mode: 'valid-only' });
    expect(partial).toMatchObject({ imported: 1, skipped: 10 });
    const deaths = await listDeaths(database.db, '640221', 2021);
    expect(deaths.map((d) => d.sourceRef)).toEqual(['D3', 'D4', 'D1', 'X10', 'D2']);
    expect(deaths.find((d) => d.sourceRef === 'D1')).toMatchObject({ ageYears: 70, place: 'hospital' });
  });

  it('catches a source id repeated across the sheets of one import', async () => {
    const first = { ...csv('a.csv', 'Y1,640221100,2022-01-01,,80,1,J44.1,,'), sheet: '一月' };
    const second = { ...csv('a.csv', 'Y1,640221100,2022-02-01,,81,1,J44.1,,'), sheet: '二月' };
    const result = await importDeaths(database.db, system, '640221', [first, second], { mode: 'valid-only' });
    expect(result).toEqual({
      mode: 'valid-only',
      imported: 0,
      skipped: 2,
      errors: [
        {
          file: 'a.csv',
          sheet: '二月',
          row: 2,
          column: '来源编号 (A)',
          reason: '与 a.csv 工作表“一月”第2行重复（来源编号“Y1”），两行均未导入。',
        },
      ],
    });
    expect(await listDeaths(database.db, '640221', 2022)).toEqual([]);
  });
});
