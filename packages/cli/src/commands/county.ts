import { addCounty } from '@chp/db';
import type { Command } from 'commander';
import { withDatabase } from '../with-database.js';

export function registerCountyCommands(program: Command): void {
  const county = program.command('county').description('县（区）与行政区划');
  county
    .command('add <code>')
    .description('按 GB/T 2260 代码添加一个县（区），载入其乡镇（街道）与村（社区）')
    .action(async (code: string) => {
      const result = await withDatabase((db) => addCounty(db, code));
      process.stdout.write(
        `已添加 ${result.name}（${result.countyCode}）：乡镇 ${result.townships} 个，村（社区） ${result.villages} 个\n`
      );
    });
}
