import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing.js';

interface Point {
  date: string;
  observed: number;
  upperbound: number | null;
  alarm: boolean;
}

function csv(start: string, step: number, counts: number[]): string {
  const origin = Date.parse(`${start}T00:00:00Z`);
  const rows = counts.map(
    (count, index) => `${new Date(origin + index * step * 86_400_000).toISOString().slice(0, 10)},${count}`
  );
  return `date,count\n${rows.join('\n')}\n`;
}

describe('chp surveillance detect', () => {
  let dir: string;
  const file = (name: string): string => join(dir, name);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chp-cli-surveillance-'));
    await writeFile(file('daily.csv'), csv('2024-01-01', 1, [1, 2, 3, 4, 5, 6, 7, 20, 0, 0, 0, 0, 0, 0, 0, 0]));
    // Four years of weekly counts 5–8 and an outbreak of 30 in the last week.
    const weekly = Array.from({ length: 208 }, (_, index) => (index === 207 ? 30 : 5 + (index % 4)));
    await writeFile(file('weekly.csv'), csv('2020-01-06', 7, weekly));
    await writeFile(file('gap.csv'), 'date,count\n2024-01-01,1\n2024-01-02,1\n2024-01-05,2\n');
    await writeFile(file('future.csv'), csv('2999-01-01', 1, [1, 1]));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints every assessed point of EARS C1 as JSON, with null for a NaN threshold', async () => {
    const run = await runCli(['surveillance', 'detect', '--method', 'ears-c1', '--input', file('daily.csv')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const points = JSON.parse(run.stdout) as Point[];
    expect(points.map((point) => point.date)).toEqual(
      Array.from({ length: 9 }, (_, index) => `2024-01-${String(8 + index).padStart(2, '0')}`)
    );
    // Baseline 1…7: mean 4, sd √(28/6), z(0.999) = 3.0902323061678132.
    expect(points[0]?.upperbound).toBeCloseTo(4 + 3.0902323061678132 * Math.sqrt(28 / 6), 12);
    expect(points[0]).toMatchObject({ observed: 20, alarm: true });
    // The last baseline is seven zeros: sd 0, so C1's threshold is the mean, 0, and no count above it.
    expect(points[8]).toEqual({ date: '2024-01-16', observed: 0, upperbound: 0, alarm: false });
  });

  it('takes parameters as JSON', async () => {
    const run = await runCli([
      'surveillance',
      'detect',
      '--method',
      'cusum',
      '--input',
      file('daily.csv'),
      '--params',
      '{"m": 4, "rangeStart": "2024-01-15", "frequency": 365}',
    ]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([
      { date: '2024-01-15', observed: 0, upperbound: 11, alarm: false },
      { date: '2024-01-16', observed: 0, upperbound: 11, alarm: false },
    ]);
  });

  it.each(['moving-percentile', 'farrington'])('detects the weekly outbreak with %s', async (method) => {
    const run = await runCli(['surveillance', 'detect', '--method', method, '--input', file('weekly.csv')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const points = JSON.parse(run.stdout) as Point[];
    expect(points.at(-1)).toMatchObject({ date: '2023-12-25', observed: 30, alarm: true });
  });

  it.each([
    [
      ['--method', 'ears-c4', '--input', 'daily.csv'],
      '--method 的值“ears-c4”无效：应为 ears-c1、ears-c2、ears-c3、cusum、farrington、moving-percentile 之一',
    ],
    [['--method', 'cusum', '--input', 'missing.csv'], 'missing.csv：文件不存在'],
    [
      ['--method', 'cusum', '--input', 'gap.csv'],
      'gap.csv：第 4 行：日期 2024-01-05 与上一行的 2024-01-02 相隔 3 天，日序列应相隔 1 天',
    ],
    [['--method', 'cusum', '--input', 'future.csv'], 'future.csv：第 2 行：日期 2999-01-01 晚于今天'],
    [
      ['--method', 'cusum', '--input', 'daily.csv', '--params', '{"k": 1,}'],
      '--params 不是有效的 JSON（第 1 行第 9 列）',
    ],
    [['--method', 'cusum', '--input', 'daily.csv', '--params', '[1]'], '--params 应为 JSON 对象'],
    [['--method', 'cusum', '--input', 'daily.csv', '--params', '{"frequency": 7}'], '参数 frequency 的值 7 无效'],
    [
      ['--method', 'cusum', '--input', 'daily.csv', '--params', '{"frequency": 52}'],
      '第 3 行：日期 2024-01-02 与上一行的 2024-01-01 相隔 1 天，周序列应相隔 7 天',
    ],
    [
      ['--method', 'ears-c2', '--input', 'daily.csv', '--params', '{"lag": 1}'],
      'daily.csv：未知参数“lag”：EARS C2 可用的参数为',
    ],
  ])('rejects %j with exit code 2', async (args, message) => {
    const run = await runCli([
      'surveillance',
      'detect',
      ...args.map((arg) => (arg.endsWith('.csv') ? file(arg) : arg)),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
