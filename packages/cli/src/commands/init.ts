import { describeDatabase } from '@chp/db';
import { formatAccounts, initializeOnFirstRun } from '@chp/server';
import type { Command } from 'commander';
import { withDatabase } from '../with-database.js';

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('初始化数据库：建表、载入五个县的规划与行政区划、创建管理员（首次运行时打印一次性密码）')
    .option('--no-demo', '不载入演示监测数据')
    .action(async (options: { demo: boolean }) => {
      const result = await withDatabase((db) => initializeOnFirstRun(db, options.demo));
      if (result.accounts.length > 0) {
        process.stdout.write(`${formatAccounts(result.accounts)}\n`);
      }
      process.stdout.write(
        result.seeded
          ? `已初始化 ${describeDatabase()}：${result.counties.join('、')}\n`
          : `${describeDatabase()} 已经初始化过，未做改动\n`
      );
    });
}
