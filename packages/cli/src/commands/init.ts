import { describeDatabase, listCountySummaries } from '@chp/db';
import { formatAccounts, initializeOnFirstRun } from '@chp/server';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { withDatabase } from '../with-database.js';

export function registerInitCommand(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('初始化数据库：建表、载入五个县的规划与行政区划、创建管理员（首次运行时打印一次性密码）')
    .option('--no-demo', '不载入演示数据（监测数据和登记数据）')
    .action(async (options: { demo: boolean }) => {
      const { result, counties } = await withDatabase(io.env, async (db, idCipher) => {
        const result = await initializeOnFirstRun(db, idCipher, options.demo);
        return { result, counties: await listCountySummaries(db, result.counties) };
      });
      if (result.accounts.length > 0) {
        io.stdout.write(`${formatAccounts(result.accounts)}\n`);
      }
      const where = describeDatabase(io.env);
      io.stdout.write(
        result.seeded
          ? `已初始化 ${where}：${counties.map((c) => `${c.name}（${c.countyCode}）`).join('、')}\n`
          : `${where} 已经初始化过，未做改动\n`
      );
    });
}
