import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CHENGGUAN,
  COMPUTED_INDICATORS,
  FIXTURE_COUNTY,
  FIXTURE_YEAR,
  loadIndicatorFixture,
  openPlatformDatabase,
  testDatabaseKinds,
} from '@chp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../test-database.js';
import { runCli } from '../testing.js';

interface Row {
  code: string;
  name: string;
  orgUnit: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: string;
  norm?: number;
  compliant?: boolean | null;
}

describe.each(testDatabaseKinds())('chp indicator compute on %s', (kind) => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chp-cli-indicator-'));
    ({ env, drop } = await freshDatabase(kind, dir));
    const platform = await openPlatformDatabase(env);
    try {
      await loadIndicatorFixture(platform.db);
    } finally {
      await platform.close();
    }
  });
  afterAll(async () => {
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints every indicator of the county and its townships as JSON', async () => {
    const run = await runCli(['indicator', 'compute', '--county', FIXTURE_COUNTY, '--year', String(FIXTURE_YEAR)], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Row[];
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(
        expect.arrayContaining(['code', 'name', 'orgUnit', 'value', 'numerator', 'denominator', 'unit'])
      );
    }
    // 城关镇: 90 实有 beds / 36 100 residents × 1000 (worked out in compute-indicators.test.ts).
    expect(rows.find((row) => row.orgUnit === CHENGGUAN && row.code === 'BEDS_PER_1000')).toMatchObject({
      name: '每千人口医疗卫生机构床位数',
      numerator: 90,
      denominator: 36100,
      unit: '张',
      value: (90 / 36100) * 1000,
    });
    // County: 5 CDC staff / 39 720 × 10 000 = 1.26 < 1.32.
    expect(rows.find((row) => row.orgUnit === FIXTURE_COUNTY && row.code === 'CDC_STAFFING')).toMatchObject({
      numerator: 5,
      denominator: 39720,
      norm: 1.32,
      compliant: false,
    });
    // Every indicator, the service indicators too (the county has all of them).
    expect(rows.filter((row) => row.orgUnit === FIXTURE_COUNTY)).toHaveLength(COMPUTED_INDICATORS.length);
    expect(rows.find((row) => row.orgUnit === CHENGGUAN && row.code === 'HYPERTENSION_STD_MGMT')).toMatchObject({
      numerator: 4,
      denominator: 6,
      unit: '%',
    });
  });

  it('prints a readable table with --format text', async () => {
    const run = await runCli(
      ['indicator', 'compute', '--county', FIXTURE_COUNTY, '--year', String(FIXTURE_YEAR), '--format', 'text'],
      env
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('城关镇（640221100）\tBEDS_PER_1000\t每千人口医疗卫生机构床位数\t2.49 张\t90/36100');
    expect(run.stdout).toContain('平罗县（640221）\tCDC_STAFFING');
    expect(run.stdout).toContain('标准 ≥1.32：未达标');
  });

  it.each([
    [['--county', '64022', '--year', '2023'], '县级行政区划代码“64022”无效'],
    [['--county', '640221', '--year', '23'], '年份“23”无效'],
    [['--county', '640221', '--year', '2023', '--format', 'csv'], '--format 的值“csv”无效'],
    [['--county', '140423', '--year', '2023'], '县（区）140423 尚未添加到平台'],
  ])('refuses %j with exit code 2', async (args, message) => {
    const run = await runCli(['indicator', 'compute', ...args], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('requires --county and --year', async () => {
    const run = await runCli(['indicator', 'compute', '--year', '2023'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--county');
  });
});
