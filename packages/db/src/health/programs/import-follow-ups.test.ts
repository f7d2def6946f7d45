import { idCheckCharacter } from '@chp/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvWithHeader, issuesOf } from '../../registers/import-testing.js';
import { followUp, resident } from '../../schema.js';
import { testDatabaseKinds, testIdCipher } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import { enrol } from './enrolments.js';
import { importFollowUps } from './import-follow-ups.js';
import type { ProgramResident } from './program-resident.js';
import { addTestResident, openProgramDatabase, programActor as actor } from './program-testing.js';

const TODAY = '2025-06-30';
const FIRST17 = '64022119600201001';
const ID_NUMBER = FIRST17 + idCheckCharacter(FIRST17);
const csv = csvWithHeader(
  '居民编号,证件号码,姓名,项目,随访类型,随访日期,收缩压（mmHg）,舒张压（mmHg）,空腹血糖（mmol/L）,转诊'
);

describe.each(testDatabaseKinds())('follow-up import on %s', (kind) => {
  let database: TestDatabase;
  let wang: ProgramResident;
  let li: ProgramResident;
  beforeAll(async () => {
    database = await openProgramDatabase(kind);
    const cipher = testIdCipher();
    wang = await addTestResident(database.db, { name: '王建国', sex: '1', birthDate: '1960-02-01' });
    await database.db
      .update(resident)
      .set({ idType: 'resident_id', idNumberHash: cipher.hash('resident_id', ID_NUMBER) })
      .where(eq(resident.id, wang.id));
    li = await addTestResident(database.db, { name: '李秀梅', sex: '2', birthDate: '1996-08-20' });
    await enrol(database.db, actor, wang, { program: 'hypertension', enrolledDate: '2024-01-15' }, TODAY);
    await enrol(database.db, actor, wang, { program: 'diabetes', enrolledDate: '2024-01-15' }, TODAY);
  });
  afterAll(async () => {
    await database.destroy();
  });

  const visitsOf = async (residentId: number) =>
    (await database.db.select().from(followUp).where(eq(followUp.residentId, residentId))).map((row) => [
      row.program,
      row.kind,
      row.visitDate,
      row.controlled,
    ]);

  it('imports visits named by 居民编号 or by 证件号码, judging control', async () => {
    const file = csv(
      'visits.csv',
      `${wang.id},,王建国,高血压,随访,2025-01-10,150,92,,否`,
      `,${ID_NUMBER},,diabetes,follow_up,2025/1/10,,,6.1,`
    );
    const result = await importFollowUps(database.db, actor, '640221', [file], { idCipher: testIdCipher() });
    expect(result).toEqual({ mode: 'all', imported: 2, skipped: 0, errors: [] });
    expect(await visitsOf(wang.id)).toEqual([
      ['hypertension', 'follow_up', '2025-01-10', false],
      ['diabetes', 'follow_up', '2025-01-10', true],
    ]);
  });

  it('names every bad cell and imports nothing when any row is bad', async () => {
    const file = csv(
      'bad.csv',
      `${wang.id},,王建国,高血压,随访,2025-02-10,400,92,,`,
      `${wang.id},,王建华,高血压,随访,2025-02-11,130,80,,`,
      `${li.id},,,高血压,随访,2025-02-10,130,80,,`,
      `${wang.id},,,高血压,产前检查,2025-02-10,130,80,,`,
      `999999,,,高血压,随访,2025-02-10,130,80,,`,
      `${wang.id},,,高血压,随访,1950-01-01,130,80,,`,
      `${wang.id},,,高血压,随访,2025-01-10,128,80,,`,
      `${wang.id},,,高血压,随访,2025-03-01,128,80,,`,
      `${wang.id},,,高血压,随访,2025-03-01,126,78,,`,
      `,,,高血压,随访,2025-03-02,126,78,,`
    );
    const issue = issuesOf('bad.csv');
    const result = await importFollowUps(database.db, actor, '640221', [file]);
    expect(result).toEqual({
      mode: 'all',
      imported: 0,
      skipped: 10,
      errors: [
        issue(2, '收缩压（mmHg） (G)', '收缩压（sbp）为 400 mmHg，超出合理范围 60–300 mmHg。'),
        issue(3, '姓名 (C)', '姓名“王建华”与档案中的姓名“王建国”不符。'),
        issue(4, '随访日期 (F)', '李秀梅在随访日期 2025-02-10 未纳入高血压健康管理，请先登记或核对日期。'),
        issue(5, '随访类型 (E)', '随访类型“产前检查”无效，应为：follow_up（随访）、annual_check（年度健康检查）。'),
        issue(6, '居民编号 (A)', '居民编号“999999”不是本县（区）640221 的居民档案。'),
        issue(7, '随访日期 (F)', '随访日期 1950-01-01 早于出生日期 1960-02-01。'),
        issue(
          8,
          '居民编号 (A)、证件号码 (B)、项目 (D)、随访类型 (E)、随访日期 (F)',
          '王建国 2025-01-10 的高血压随访已在数据库中，不能重复导入。'
        ),
        issue(
          10,
          '居民编号 (A)、证件号码 (B)、项目 (D)、随访类型 (E)、随访日期 (F)',
          '与第9行重复（王建国 2025-03-01 的高血压随访），两行均未导入。'
        ),
        issue(11, '居民编号 (A)、证件号码 (B)', '请填写居民编号或证件号码，用于确定是哪位居民。'),
      ],
    });
    expect(await visitsOf(wang.id)).toHaveLength(2);
  });

  it('imports the good rows in mode valid-only; without the cipher an ID number cannot be matched', async () => {
    const file = csv(
      'more.csv',
      `${wang.id},,,高血压,随访,2025-04-10,138,88,,是`,
      `,${ID_NUMBER},,高血压,随访,2025-04-11,138,88,,`
    );
    const result = await importFollowUps(database.db, actor, '640221', [file], { mode: 'valid-only' });
    expect(result).toEqual({
      mode: 'valid-only',
      imported: 1,
      skipped: 1,
      errors: [
        issuesOf('more.csv')(
          3,
          '证件号码 (B)',
          '本次导入无法按证件号码识别居民（未提供证件号码密钥），请改填居民编号。'
        ),
      ],
    });
    const [referred] = await database.db.select().from(followUp).where(eq(followUp.visitDate, '2025-04-10'));
    expect(referred).toMatchObject({ referral: true, controlled: true, values: { sbp: 138, dbp: 88 } });
  });
});
