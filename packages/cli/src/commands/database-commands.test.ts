import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INDICATOR_STATUSES } from '@chp/core';
import { listCountySummaries, openPlatformDatabase, testDatabaseKinds } from '@chp/db';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../test-database.js';
import { runCli } from '../testing.js';

/** The text of a Word document's body, runs joined. */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
}

describe.each(testDatabaseKinds())('chp database commands on %s', (kind) => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chp-cli-db-'));
    ({ env, drop } = await freshDatabase(kind, dir));
  });
  afterAll(async () => {
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('adds a county by its code to a fresh database', async () => {
    const run = await runCli(['county', 'add', '110105'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^已添加 朝阳区（110105）：乡镇 \d+ 个，村（社区） \d+ 个\n$/);
    const database = await openPlatformDatabase(env);
    try {
      expect(await listCountySummaries(database.db, ['110105'])).toMatchObject([
        { countyCode: '110105', name: '朝阳区', provinceName: '北京市' },
      ]);
    } finally {
      await database.close();
    }
  });

  it.each([
    ['999999', '未知的县级行政区划代码“999999”'],
    ['11010', '县级行政区划代码“11010”无效：应为 6 位数字'],
  ])('refuses to add %s with exit code 2', async (code, message) => {
    const run = await runCli(['county', 'add', code], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  it('says a county is not installed before init', async () => {
    const run = await runCli(['evaluate', '--county', '140423', '--year', '2023'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('chp: 县（区）140423 尚未安装\n');
  });

  it('initialises once, printing the one-time passwords only the first time', async () => {
    const first = await runCli(['init'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    for (const user of ['admin', 'planner', 'approver']) {
      expect(first.stdout).toMatch(new RegExp(`${user} / \\S{12,}`));
    }
    expect(first.stdout).toContain('密码只显示这一次');
    expect(first.stdout).toContain('襄垣县（140423）');
    const second = await runCli(['init'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/已经初始化过，未做改动\n$/);
    expect(second.stdout).not.toContain('admin /');
  });

  it('evaluates every indicator of 襄垣县 for 2023', async () => {
    const run = await runCli(['evaluate', '--county', '140423', '--year', '2023', '--format', 'json'], env);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as { id: string; status: string; value: number | null }[];
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.every((row) => row.id.startsWith('140423-'))).toBe(true);
    expect(rows.every((row) => (INDICATOR_STATUSES as readonly string[]).includes(row.status))).toBe(true);
    // init loads demo monitoring data, so some indicators have values.
    expect(rows.some((row) => row.value !== null)).toBe(true);
    const text = await runCli(['evaluate', '--county', '140423', '--year', '2023'], env);
    expect(text.stdout.split('\n')[0]).toBe('襄垣县（140423）2023年指标评估');
    expect(text.stdout.trimEnd().split('\n')).toHaveLength(rows.length + 2);
  });

  it('writes the mid-term evaluation of 襄垣县 as Word and Excel', async () => {
    const docx = join(dir, '襄垣县中期评估.docx');
    const word = await runCli(
      ['report', '--county', '140423', '--kind', 'midterm', '--year', '2023', '--out', docx],
      env
    );
    expect(word.code).toBe(0);
    expect(word.stderr).toBe(`已写入 ${docx}\n`);
    const text = await docxText(docx);
    expect(text).toContain('襄垣县');
    expect(text).toContain('中期评估报告');

    const xlsx = join(dir, '襄垣县中期评估.xlsx');
    const excel = await runCli(['report', '--county', '140423', '--kind', 'midterm', '--out', xlsx], env);
    expect(excel.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('指标监测')!;
    const evaluated = await runCli(['evaluate', '--county', '140423', '--year', '2023', '--format', 'json'], env);
    expect(sheet.rowCount - 1).toBe((JSON.parse(evaluated.stdout) as unknown[]).length);
  });

  it('dates the final evaluation to the last plan year when no year is given', async () => {
    const docx = join(dir, 'final.docx');
    const run = await runCli(['report', '--county', '140423', '--kind', 'final', '--out', docx], env);
    expect(run.code).toBe(0);
    const text = await docxText(docx);
    expect(text).toContain('终期评估报告');
    expect(text).toContain('评估年度2025年');
  });

  it.each([
    [['--county', '140423', '--kind', 'yearly', '--out', 'r.docx'], '--kind 的值“yearly”无效'],
    [['--county', '140423', '--kind', 'annual', '--year', '20x3', '--out', 'r.docx'], '年份“20x3”无效'],
    [['--county', '140423', '--kind', 'annual', '--out', 'r.docx'], '年度监测报告需要 --year'],
    [
      ['--county', '140423', '--kind', 'annual', '--year', '1990', '--out', 'r.docx'],
      '年份 1990 不在规划期（2021—2025）内',
    ],
    [['--county', '140423', '--kind', 'midterm', '--out', 'r.pdf'], '扩展名应为 .docx（报告）或 .xlsx（附件）'],
    [['--county', '999999', '--kind', 'midterm', '--out', 'r.docx'], '县（区）999999 尚未安装'],
    [['--county', '110105', '--kind', 'midterm', '--out', 'r.docx'], '朝阳区尚未加载规划'],
  ])('rejects report %j with exit code 2', async (args, message) => {
    const run = await runCli(['report', ...args.map((arg) => (arg.startsWith('r.') ? join(dir, arg) : arg))], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('chp with an unreachable database', () => {
  it('fails with exit code 1 and says which database it could not open', async () => {
    const run = await runCli(['init'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/chp' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('chp: 无法打开数据库 PostgreSQL 127.0.0.1:1/chp：connect ECONNREFUSED 127.0.0.1:1\n');
  });
});
