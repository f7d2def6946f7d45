import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPlatformDatabase, schema, testDatabaseKinds } from '@chp/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../test-database.js';
import { runCli } from '../testing.js';

describe.each(testDatabaseKinds())('chp demo on %s', (kind) => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chp-cli-demo-'));
    ({ env, drop } = await freshDatabase(kind, dir));
  });
  afterAll(async () => {
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the county and generates registers of the requested size, and residents with health records', async () => {
    const run = await runCli(
      ['demo', '--county', '640221', '--scale', '5000', '--seed', '3', '--from', '2021', '--to', '2023'],
      env
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^已为 平罗县（640221）生成 2021–2023 年演示登记数据（随机种子 3）：\n/);
    expect(run.stdout).toContain('常住人口 5000 人（2021 年）');
    const births = Number(/活产 (\d+) 例/.exec(run.stdout)?.[1]);
    const database = await openPlatformDatabase(env);
    try {
      const rows = await database.db.select().from(schema.liveBirth);
      expect(rows.filter((row) => row.countyCode === '640221')).toHaveLength(births);
      expect(births).toBeGreaterThan(50);
      // Without --residents, everyone living in the county at the end of the last year has a record.
      const [population] = await database.db
        .select({ n: sql<number>`sum(${schema.populationAggregate.count})::int` })
        .from(schema.populationAggregate)
        .where(sql`${schema.populationAggregate.year} = 2023 and ${schema.populationAggregate.residence} = 'resident'`);
      const living = Number(/年末在管 (\d+) 人/.exec(run.stdout)?.[1]);
      expect(living).toBe(population?.n);
      const [residents] = await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(schema.resident)
        .where(sql`${schema.resident.recordStatus} = 'active'`);
      expect(residents?.n).toBe(living);
      const followUps = Number(/随访 (\d+) 次/.exec(run.stdout)?.[1]);
      expect(await database.db.select().from(schema.followUp)).toHaveLength(followUps);
      expect(followUps).toBeGreaterThan(1000);
    } finally {
      await database.close();
    }
  });

  it('refuses to generate into registers that hold data (exit 1)', async () => {
    const run = await runCli(['demo', '--county', '640221', '--scale', '5000', '--from', '2021', '--to', '2023'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/登记数据已存在/);
  });

  it('reports usage errors in Chinese with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['demo', '--county', '64022', '--scale', '5000'], /行政区划代码“64022”无效/],
      [['demo', '--county', '640221', '--scale', 'many'], /--scale 的值“many”无效/],
      [['demo', '--county', '640221', '--scale', '5000', '--seed', '1.5'], /--seed 的值“1.5”无效/],
      [['demo', '--county', '640221', '--scale', '5000', '--residents', 'many'], /--residents 的值“many”无效/],
      [
        ['demo', '--county', '640221', '--scale', '5000', '--from', '2024', '--to', '2020'],
        /起始年份 2024 晚于结束年份 2020/,
      ],
      [['demo', '--county', '999999', '--scale', '5000'], /999999/],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli(argv, env);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    // Without --scale only counties listed in data/demo/counties.json have a default population.
    const missing = await runCli(['demo', '--county', '110105'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/没有县（区）110105 的常住人口数，请用 --scale 指定/);
    const noCounty = await runCli(['demo', '--scale', '5000'], env);
    expect(noCounty.code).toBe(2);
    expect(noCounty.stderr).toMatch(/--county/);
  });
});
