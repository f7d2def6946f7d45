import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvWithHeader, issuesOf } from '../../registers/import-testing.js';
import { vaccination } from '../../schema.js';
import { testDatabaseKinds } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import { importVaccinations } from './import-vaccinations.js';
import type { ProgramResident } from './program-resident.js';
import { addTestResident, openProgramDatabase } from './program-testing.js';

const csv = csvWithHeader('居民编号,姓名,疫苗,剂次,接种日期,疫苗批号');
const actor = { userId: null, username: 'importer', ip: null };

describe.each(testDatabaseKinds())('vaccination import on %s', (kind) => {
  let database: TestDatabase;
  let baby: ProgramResident;
  beforeAll(async () => {
    database = await openProgramDatabase(kind);
    baby = await addTestResident(database.db, { name: '刘小宝', sex: '1', birthDate: '2024-01-10' });
  });
  afterAll(async () => {
    await database.destroy();
  });

  const doses = async () =>
    (await database.db.select().from(vaccination).where(eq(vaccination.residentId, baby.id))).map(
      (row) => `${row.vaccine}-${row.dose} ${row.vaccinatedDate}`
    );

  it('imports doses named by code or Chinese name', async () => {
    const file = csv('doses.csv', `${baby.id},刘小宝,HepB,1,2024-01-10,B2024001`, `${baby.id},,卡介苗,1,2024-01-11,`);
    expect(await importVaccinations(database.db, actor, '640221', [file])).toEqual({
      mode: 'all',
      imported: 2,
      skipped: 0,
      errors: [],
    });
    expect(await doses()).toEqual(['HepB-1 2024-01-10', 'BCG-1 2024-01-11']);
  });

  it('refuses unknown vaccines, doses outside the schedule, dates before birth and repeated doses', async () => {
    const file = csv(
      'bad.csv',
      `${baby.id},,狂犬疫苗,1,2024-05-01,`,
      `${baby.id},,BCG,2,2024-05-01,`,
      `${baby.id},,HepB,2,2023-12-01,`,
      `${baby.id},,HepB,1,2024-01-12,`,
      `${baby.id},,DTaP,1,2024-04-10,`,
      `${baby.id},,百白破疫苗,1,2024-04-11,`
    );
    const issue = issuesOf('bad.csv');
    // The key names both ways of naming the resident, the file's letter where it has the column.
    const key = '居民编号 (A)、证件号码、疫苗 (C)、剂次 (D)';
    const result = await importVaccinations(database.db, actor, '640221', [file]);
    expect(result.errors).toEqual([
      issue(
        2,
        '疫苗 (C)',
        expect.stringContaining(
          '疫苗“狂犬疫苗”不在国家免疫规划疫苗儿童免疫程序中，应为：HepB（乙肝疫苗）'
        ) as unknown as string
      ),
      issue(3, '剂次 (D)', '卡介苗（BCG）按免疫程序共 1 剂，剂次“2”超出范围（1—1）。'),
      issue(4, '接种日期 (E)', '接种日期 2023-12-01 早于出生日期 2024-01-10。'),
      issue(5, key, '刘小宝的乙肝疫苗 第1剂已在数据库中，不能重复导入。'),
      issue(7, key, '与第6行重复（刘小宝的百白破疫苗 第1剂），两行均未导入。'),
    ]);
    expect(result).toMatchObject({ imported: 0, skipped: 6 });
    expect(await doses()).toHaveLength(2);
  });
});
