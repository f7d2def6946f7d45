import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ATTRIBUTES, COMPARATORS } from '@chp/core';
import { REPO_ROOT, listPlanFiles, readPlanFile } from '@chp/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing.js';

const SEEDS = resolve(REPO_ROOT, '..', 'shared', 'seeds');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chp-cli-plan-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function exportJson(county: string): Promise<Record<string, unknown>[]> {
  const run = await runCli(['plan', 'export', '--county', county, '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const rows: unknown = JSON.parse(run.stdout);
  expect(Array.isArray(rows)).toBe(true);
  return rows as Record<string, unknown>[];
}

/** The 1-based line on which each occurrence of `quote` starts, ignoring whitespace (cells wrap across lines). */
function quoteStartLines(seed: string, quote: string): number[] {
  const parts = seed.split('\n').map((line) => line.replace(/\s+/g, ''));
  // lineOf[i]: the line of the i-th UTF-16 unit of the joined text, so indexOf positions map directly.
  const lineOf = parts.flatMap((part, index) => Array<number>(part.length).fill(index + 1));
  const text = parts.join('');
  const needle = quote.replace(/\s+/g, '');
  const lines: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    lines.push(lineOf[at]!);
  }
  return lines;
}

describe('chp plan export', () => {
  it('prints every indicator and prose target of 平罗县 as JSON with the interface fields', async () => {
    const rows = await exportJson('640221');
    const plan = readPlanFile('640221');
    expect(rows).toHaveLength(plan.indicators.length);
    for (const row of rows) {
      expect(typeof row['name']).toBe('string');
      expect(row['unit'] === null || typeof row['unit'] === 'string').toBe(true);
      expect(row['baseline'] === null || typeof row['baseline'] === 'number').toBe(true);
      expect(row['baselineYear'] === null || Number.isInteger(row['baselineYear'])).toBe(true);
      expect(typeof row['target']).toBe('string');
      expect(COMPARATORS).toContain(row['comparator']);
      expect(row['targetValue'] === null || typeof row['targetValue'] === 'number').toBe(true);
      expect([...ATTRIBUTES, null]).toContain(row['attribute']);
      expect(['table', 'prose']).toContain(row['source']);
      expect(Number.isInteger(row['line']) && (row['line'] as number) > 0).toBe(true);
    }
    expect(new Set(rows.map((row) => row['source']))).toEqual(new Set(['table', 'prose']));
    expect(rows.find((row) => row['name'] === '人均预期寿命')).toMatchObject({
      unit: '岁',
      baseline: 76.46,
      baselineYear: 2020,
      target: '78.2',
      targetValue: 78.2,
      attribute: '预期性',
      source: 'table',
      seedFile: '000_4298840802f018b6.txt',
    });
  });

  it.skipIf(!existsSync(SEEDS))(
    'gives for every row the seed line where its quote starts (needs ../shared/seeds)',
    async () => {
      for (const county of listPlanFiles()) {
        const rows = await exportJson(county);
        const seed = readFileSync(join(SEEDS, rows[0]!['seedFile'] as string), 'utf8');
        for (const row of rows) {
          expect(quoteStartLines(seed, row['quote'] as string), row['id'] as string).toContain(row['line']);
        }
      }
      const rows = await exportJson('640221');
      const seed = readFileSync(join(SEEDS, '000_4298840802f018b6.txt'), 'utf8').split('\n');
      const lifeExpectancy = rows.find((row) => row['name'] === '人均预期寿命')!;
      expect(seed[(lifeExpectancy['line'] as number) - 1]).toContain('78.2');
    }
  );

  it('writes the plan as an Excel workbook, one row per indicator', async () => {
    const out = join(dir, '襄垣县规划.xlsx');
    const run = await runCli(['plan', 'export', '--county', '140423', '--format', 'xlsx', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`已写入 ${out}\n`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['规划指标', '重大项目', '数据质量', '说明']);
    const plan = readPlanFile('140423');
    const sheet = workbook.getWorksheet('规划指标')!;
    expect(sheet.rowCount).toBe(plan.indicators.length + 1);
    expect(sheet.getColumn(1).values.slice(2)).toEqual(plan.indicators.map((indicator) => indicator.id));
  });

  it.each([
    [['--county', '999999'], '没有县 999999 的规划数据'],
    [['--county', 'abc'], '县级行政区划代码“abc”无效'],
    [['--county', '640221', '--format', 'csv'], '--format 的值“csv”无效'],
    [['--county', '640221', '--format', 'xlsx'], 'xlsx 格式需要 --out'],
    [[], "缺少必需的选项 '--county <code>'"],
  ])('rejects %j with exit code 2', async (args, message) => {
    const run = await runCli(['plan', 'export', ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  it('fails with exit code 1 when the output cannot be written', async () => {
    const out = join(dir, 'missing', 'plan.json');
    const run = await runCli(['plan', 'export', '--county', '640221', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`chp: 无法写入 ${out}：目录不存在\n`);
  });
});

describe('chp plan check', () => {
  it('lists the findings of all five plans, e.g. 襄垣县 婴儿死亡率 target worse than baseline', async () => {
    const run = await runCli(['plan', 'check']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    const findings = lines.slice(0, -1).map((line) => line.split('\t'));
    expect(findings.every((fields) => fields.length === 5)).toBe(true);
    expect(new Set(findings.map((fields) => fields[0]))).toEqual(new Set(listPlanFiles()));
    expect(findings).toContainEqual([
      '140423',
      '警告',
      '目标劣于基期值',
      '140423-T01',
      '第130行“婴儿死亡率”目标“5 以内”劣于2020年基线1.52（该指标越低越好）',
    ]);
    const count = (label: string): number => findings.filter((fields) => fields[1] === label).length;
    expect(lines.at(-1)).toBe(
      `共 ${findings.length} 项：错误 ${count('错误')}，警告 ${count('警告')}，提示 ${count('提示')}`
    );
  });

  it('prints one county’s findings as JSON', async () => {
    const run = await runCli(['plan', 'check', '--county', '140423', '--format', 'json']);
    expect(run.code).toBe(0);
    const findings = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding['countyCode'] === '140423')).toBe(true);
    expect(findings).toContainEqual(
      expect.objectContaining({
        indicatorId: '140423-T01',
        kind: 'target_worse_than_baseline',
        severity: 'warning',
        line: 130,
      })
    );
  });

  it('rejects an unknown format or county with exit code 2', async () => {
    const format = await runCli(['plan', 'check', '--format', 'yaml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format 的值“yaml”无效');
    const county = await runCli(['plan', 'check', '--county', '110105']);
    expect(county.code).toBe(2);
    expect(county.stderr).toContain('没有县 110105 的规划数据');
  });
});

describe('chp', () => {
  it('prints help in Chinese and rejects an unknown command with exit code 2', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('用法：');
    expect(help.stdout).toContain('report [options]');
    const unknown = await runCli(['plna']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("错误：未知命令 'plna'");
    expect(unknown.stderr).toContain('（是否想输入 plan？）');
  });
});
