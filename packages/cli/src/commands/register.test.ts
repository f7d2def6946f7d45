import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addCounty, BIRTH_COLUMNS, listBirths, openPlatformDatabase, schema, testDatabaseKinds } from '@chp/db';
import type { BirthRow } from '@chp/db';
import { readRegisterWorkbook } from '@chp/reports';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../test-database.js';
import { runCli } from '../testing.js';

const HEADER = BIRTH_COLUMNS.map((column) => column.header).join(',');

describe.each(testDatabaseKinds())('chp register on %s', (kind) => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chp-cli-register-'));
    ({ env, drop } = await freshDatabase(kind, dir));
    const platform = await openPlatformDatabase(env);
    try {
      await addCounty(platform.db, '640221');
    } finally {
      await platform.close();
    }
  });
  afterAll(async () => {
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  const births = async (year: number): Promise<string[]> => {
    const platform = await openPlatformDatabase(env);
    try {
      return (await listBirths(platform.db, '640221', year)).map((row: BirthRow) => row.sourceRef);
    } finally {
      await platform.close();
    }
  };
  const csvFile = async (name: string, ...lines: string[]): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, [HEADER, ...lines].join('\n'));
    return path;
  };

  it('writes an empty template with the Chinese headers', async () => {
    const out = join(dir, '出生登记.xlsx');
    const run = await runCli(['register', 'template', '--register', 'births', '--out', out], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`已写入 ${out}\n`);
    const read = await readRegisterWorkbook({ name: 't.xlsx', data: await readFile(out) });
    expect(read.tables.map((table) => [table.sheet, table.header, table.rows])).toEqual([
      ['出生登记', BIRTH_COLUMNS.map((column) => column.header), []],
    ]);
  });

  it('imports nothing when a row is bad, prints each error and exits 1', async () => {
    const path = await csvFile('bad.csv', 'B1,640221100,2021-03-05,1,3200,28', 'B2,640221100,2021-02-30,2,,');
    const run = await runCli(['register', 'import', '--county', '640221', '--register', 'births', path], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('出生登记（640221，全部或不导入）：已导入 0 行，未导入 2 行，错误 1 处\n');
    expect(run.stderr).toContain(`  ${path} 第3行 出生日期 (C)：出生日期“2021-02-30”不是有效日期`);
    expect(run.stderr).toContain('未导入任何数据');
    expect(run.stderr).toContain('--valid-only');
    expect(await births(2021)).toEqual([]);
  });

  it('imports the good rows with --valid-only and still lists the bad ones', async () => {
    const path = await csvFile('bad.csv', 'B1,640221100,2021-03-05,1,3200,28', 'B2,640221100,2021-02-30,2,,');
    const run = await runCli(
      ['register', 'import', '--county', '640221', '--register', 'births', '--valid-only', path],
      env
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('出生登记（640221，仅导入正确行）：已导入 1 行，未导入 1 行，错误 1 处\n');
    expect(run.stderr).toContain('第3行 出生日期 (C)');
    expect(await births(2021)).toEqual(['B1']);
  });

  it('imports a filled-in Excel template and a CSV file together, audited as the CLI', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, '出生登记.xlsx'));
    workbook.getWorksheet('出生登记')!.addRow(['X1', '640221101', '2022-07-01', '女', '3000', '30']);
    const xlsx = join(dir, 'filled.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const csv = await csvFile('more.csv', 'C1,640221100,2022-03-05,1,3200,28');
    const run = await runCli(['register', 'import', '--county', '640221', '--register', 'births', xlsx, csv], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('出生登记（640221，全部或不导入）：已导入 2 行，未导入 0 行，错误 0 处\n');
    expect(await births(2022)).toEqual(['C1', 'X1']);
    const platform = await openPlatformDatabase(env);
    try {
      const audit = await platform.db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.action, 'live_birth.import'));
      expect(audit.map((row) => [row.username, row.after])).toEqual([
        ['cli', { files: [join(dir, 'bad.csv')], imported: 1, skipped: 1 }],
        ['cli', { files: [xlsx, csv], imported: 2, skipped: 0 }],
      ]);
    } finally {
      await platform.close();
    }
  });

  it('exits 1 when a file is neither CSV nor Excel', async () => {
    const path = join(dir, 'notes.txt');
    await writeFile(path, 'hello');
    const run = await runCli(['register', 'import', '--county', '640221', '--register', 'deaths', path], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`  ${path}：不支持的文件类型`);
  });

  it.each([
    [['import', '--county', '640221', '--register', 'pets', 'x.csv'], '--register 的值“pets”无效'],
    [['import', '--county', '140423', '--register', 'births', 'bad.csv'], '县（区）140423 尚未添加到平台'],
    [['import', '--county', '640221', '--register', 'births', 'missing.csv'], '无法读取'],
    [['template', '--register', 'pets', '--out', 'x.xlsx'], 'population（人口数据）'],
  ])('refuses %j with exit code 2', async (args, message) => {
    // File names are relative to the test directory.
    const run = await runCli(['register', ...args.map((arg) => (arg.endsWith('.csv') ? join(dir, arg) : arg))], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
