import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvWithHeader, importActor, issuesOf, openImportDatabase } from '../../registers/import-testing.js';
import { auditLog, household, resident } from '../../schema.js';
import { testDatabaseKinds, testIdCipher } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import { importResidents, RESIDENT_COLUMNS } from './import-residents.js';
import { idNumberOf } from './residents-testing.js';

const csv = csvWithHeader(RESIDENT_COLUMNS.map((column) => column.header).join(','));
const cipher = testIdCipher();
const HAN = idNumberOf('1980-01-01', '011');
const MEI = idNumberOf('1982-02-02', '022');

describe.each(testDatabaseKinds())('resident import on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openImportDatabase(kind);
  });
  afterAll(async () => {
    await database.destroy();
  });
  const run = (file: ReturnType<typeof csv>, mode: 'all' | 'valid-only' = 'all') =>
    importResidents(database.db, importActor, '640221', [file], { mode, idCipher: cipher });

  it('imports residents with encrypted numbers and households created from 户编号', async () => {
    const file = csv(
      'good.csv',
      `居民身份证,${HAN},韩一,男,1980-01-01,13900000001,640221100,640221100001,H1,01,2020-01-01,,,,`,
      `居民身份证,${MEI},梅二,2,1982/2/2,,640221100,640221100001,H1,10,,,,,`,
      '出生医学证明,X640221009,韩小,1,2024-03-03,,640221100,640221100001,H1,20,,在管,,,',
      '其他,,韩老,男,1930-01-01,,640221100,,H2,01,2015-05-05,已死亡,2024-01-01,2024-01-01,'
    );
    expect(await run(file)).toEqual({ mode: 'all', imported: 4, skipped: 0, errors: [] });
    const rows = await database.db.select().from(resident).orderBy(asc(resident.id));
    expect(rows.map((row) => [row.name, row.idNumberMasked, row.recordStatus, row.deathDate])).toEqual([
      ['韩一', `640221********${HAN.slice(-4)}`, 'active', null],
      ['梅二', `640221********${MEI.slice(-4)}`, 'active', null],
      ['韩小', '******1009', 'active', null],
      ['韩老', null, 'deceased', '2024-01-01'],
    ]);
    expect(cipher.decrypt(rows[0]?.idNumberCipher ?? '')).toBe(HAN);
    expect(rows[1]?.idNumberHash).toBe(cipher.hash('resident_id', MEI));
    const households = await database.db.select().from(household).orderBy(asc(household.householdNumber));
    expect(households.map((row) => [row.householdNumber, row.villageCode])).toEqual([
      ['H1', '640221100001'],
      ['H2', null],
    ]);
    expect(new Set(rows.slice(0, 3).map((row) => row.householdId))).toEqual(new Set([households[0]?.id]));
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'resident.import'));
    expect(audit.map((row) => row.after)).toEqual([{ files: ['good.csv'], imported: 4, skipped: 0 }]);
  });

  it('names every bad cell, duplicates in the file and in the database, and writes nothing', async () => {
    const wrongCheck = HAN.slice(0, 17) + (HAN.endsWith('1') ? '2' : '1');
    const legacyOfHan = '640221800101011';
    const bad = idNumberOf('1990-09-09', '031');
    const file = csv(
      'bad.csv',
      `居民身份证,${wrongCheck},甲,男,1980-01-01,,640221100,,,,,,,,`,
      `居民身份证,${legacyOfHan},韩一,男,1980-01-01,,640221100,,,,,,,,`,
      `居民身份证,${bad},乙,女,1990-09-10,,640221100,640221101001,,,,,,,`,
      `居民身份证,${bad},乙,男,1990-09-09,,640221100,,,,,,,,`,
      `居民身份证,${bad},乙,男,1990-09-09,,640221100,,,,,,,,`,
      '护照,E1,丙,男,1990-02-30,,640221100,,,,,已迁出,,,Z9',
      '驾驶证,123,丁,男,1990-01-01,123,999999999,,,,,,,,'
    );
    const issue = issuesOf('bad.csv');
    const result = await run(file);
    expect(result).toEqual({
      mode: 'all',
      imported: 0,
      skipped: 7,
      errors: [
        issue(2, '证件号码 (B)', `身份证号校验位应为 ${HAN.slice(-1)}，实际为 ${wrongCheck.slice(-1)}。`),
        issue(
          3,
          '证件类型 (A)、证件号码 (B)',
          `居民身份证号码 640221********${HAN.slice(-4)}已在数据库中，不能重复导入。`
        ),
        issue(4, '证件号码 (B)', '身份证号中的出生日期 1990-09-09 与填写的出生日期 1990-09-10 不一致。'),
        issue(4, '证件号码 (B)', '身份证号第 17 位为 1（奇数，男），与填写的性别“女”不一致。'),
        issue(
          4,
          '村（居）代码 (H)',
          '村（居）“640221101001”属于乡镇（街道）640221101，不属于填写的乡镇（街道）640221100。'
        ),
        issue(
          6,
          '证件类型 (A)、证件号码 (B)',
          `与第5行重复（居民身份证号码 640221********${bad.slice(-4)}），两行均未导入。`
        ),
        issue(7, '出生日期 (E)', '出生日期“1990-02-30”不是有效日期，请按 YYYY-MM-DD 填写。'),
        issue(7, '建档机构编号 (O)', '建档机构编号“Z9”不是本县（区）已登记的机构，请先导入机构名录。'),
        issue(
          8,
          '证件类型 (A)',
          '证件类型“驾驶证”无效，应为：resident_id（居民身份证）、household_register（户口簿）、passport（护照）、' +
            'hk_macao_permit（港澳居民来往内地通行证）、taiwan_permit（台湾居民来往大陆通行证）、' +
            'foreign_permanent（外国人永久居留身份证）、birth_certificate（出生医学证明）、other（其他）。'
        ),
      ],
    });
    expect(await database.db.select().from(resident)).toHaveLength(4);
  });

  it('writes the good rows only when asked', async () => {
    const file = csv(
      'mixed.csv',
      `居民身份证,${idNumberOf('1970-07-07', '071')},戊,男,1970-07-07,,640221100,,H3,01,,,,,`,
      '护照,E1,己,男,1970-07-07,,640221100,,,,,,,,'
    );
    const result = await run(file, 'valid-only');
    expect(result).toMatchObject({ mode: 'valid-only', imported: 1, skipped: 1 });
    expect(result.errors.map((error) => error.reason)).toEqual([
      '护照号码“E1”格式不符：应为5–20 位字母或数字（如 E12345678、EA1234567）。',
    ]);
    expect((await database.db.select().from(resident)).map((row) => row.name)).toContain('戊');
  });
});
