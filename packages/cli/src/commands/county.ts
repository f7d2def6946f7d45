import { addCounty } from '@chp/db';
import type { Command } from 'commander';
import { parseCountyCode } from '../arguments.js';
import type { CliIo } from '../cli-io.js';
import { withDatabase } from '../with-database.js';

export function registerCountyCommands(program: Command, io: CliIo): void {
  const county = program.command('county').description('县（区）与行政区划');
  county
    .command('add')
    .argument('<code>', '6 位县级行政区划代码（GB/T 2260），如 110105')
    .description('按代码添加一个县（区），载入其乡镇（街道）与村（社区）')
    .action(async (text: string) => {
      const code = parseCountyCode(text);
      const result = await withDatabase(io.env, (db) => addCounty(db, code));
      io.stdout.write(
        `已添加 ${result.name}（${result.countyCode}）：乡镇 ${result.townships} 个，村（社区） ${result.villages} 个\n`
      );
    });
}
