import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../schema.js';
import { testDatabaseKinds } from '../testing.js';
import type { TestDatabase } from '../testing.js';
import { parseCsv } from './csv.js';
import { importBirths } from './import-births.js';
import { csvWithHeader, importActor as system, issuesOf, openImportDatabase } from './import-testing.js';
import { listBirths } from './vital-read.js';

const csv = csvWithHeader('来源编号,机构编码,出生日期,性别,出生体重（克）,母亲年龄');

const badFile = csv(
  'bad.csv',
  'B3,999999999,2021-02-30,3,3100,28',
  'B4,640221100001,2999-01-01,1,50,5',
  'B1,640221100,2021-03-05,1,3200,28',
  'B5,640221100,2021-05-05,2,3000,30',
  'B5,640221100,2021-05-06,2,3000,30',
  'B6,640221102,2021-06-06,2,2900,31',
  ',640221100,2021-06-06,2,,'
);

describe.each(testDatabaseKinds())('birth import on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openImportDatabase(kind);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('imports valid rows and reads them back', async () => {
    const file = csv('good.csv', 'B1,640221100,2021-03-05,1,3200,28', 'B2,640221101,2021/7/1,女,,', ',,,,,');
    const result = await importBirths(database.db, system, '640221', [file]);
    expect(result).toEqual({ mode: 'all', imported: 2, skipped: 0, errors: [] });
    expect(await listBirths(database.db, '640221', 2021)).toEqual([
      {
        sourceRef: 'B1',
        orgUnitCode: '640221100',
        birthDate: '2021-03-05',
        sex: '1',
        birthWeightG: 3200,
        motherAge: 28,
      },
      {
        sourceRef: 'B2',
        orgUnitCode: '640221101',
        birthDate: '2021-07-01',
        sex: '2',
        birthWeightG: null,
        motherAge: null,
      },
    ]);
    expect(await listBirths(database.db, '640221', 2020)).toEqual([]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'live_birth.import'));
    expect(audit.map((row) => row.after)).toEqual([{ files: ['good.csv'], imported: 2, skipped: 0 }]);
  });

  it('names every bad cell and writes nothing when any row is bad', async () => {
    const result = await importBirths(database.db, system, '640221', [badFile]);
    const issue = issuesOf('bad.csv');
    expect(result).toEqual({
      mode: 'all',
      imported: 0,
      skipped: 7,
      errors: [
        issue(2, '机构编码 (B)', '机构编码“999999999”不是本县（区）640221 的乡镇（街道）或县级编码。'),
        issue(2, '出生日期 (C)', '出生日期“2021-02-30”不是有效日期，请按 YYYY-MM-DD 填写。'),
        issue(2, '性别 (D)', '性别“3”无效，应为：1（男）、2（女）。'),
        issue(3, '机构编码 (B)', '机构编码“640221100001”是村（居）级编码，请填写其所属乡镇（街道）编码 640221100。'),
        issue(3, '出生日期 (C)', '出生日期 2999-01-01 晚于今天，不可能。'),
        issue(3, '出生体重（克） (E)', '出生体重（克）“50”超出范围（200—7000克）。'),
        issue(3, '母亲年龄 (F)', '母亲年龄“5”超出范围（10—60岁）。'),
        issue(4, '来源编号 (A)', '来源编号“B1”已在数据库中，不能重复导入。'),
        issue(6, '来源编号 (A)', '与第5行重复（来源编号“B5”），两行均未导入。'),
        issue(8, '来源编号 (A)', '缺少来源编号。'),
      ],
    });
    expect((await listBirths(database.db, '640221', 2021)).map((b) => b.sourceRef)).toEqual(['B1', 'B2']);
  });

  it('writes only the good rows when asked, leaving existing rows as they were', async () => {
    const result = await importBirths(database.db, system, '640221', [badFile], { mode: 'valid-only' });
    expect(result).toMatchObject({ mode: 'valid-only', imported: 1, skipped: 6 });
    expect(result.errors).toHaveLength(10);
    const births = await listBirths(database.db, '640221', 2021);
    expect(births.map((b) => b.sourceRef)).toEqual(['B1', 'B6', 'B2']);
    expect(births[0]).toMatchObject({ birthDate: '2021-03-05', birthWeightG: 3200 });
  });

  it('reports a missing column on the header row and reads none of the file', async () => {
    const file = parseCsv('short.csv', '来源编号,机构编码,性别\nB9,640221100,1');
    expect(await importBirths(database.db, system, '640221', [file], { mode: 'valid-only' })).toEqual({
      mode: 'valid-only',
      imported: 0,
      skipped: 1,
      errors: [
        {
          file: 'short.csv',
          sheet: '',
          row: 1,
          column: '出生日期',
          reason: '缺少“出生日期”列，请使用导入模板的表头。',
        },
      ],
    });
  });
});
