/** `chp surveillance run`: the daily detection run for one county and date (yesterday, Beijing time, by default). */
import { addDays, beijingDate, isIsoDate } from '@chp/core';
import { runDetection } from '@chp/db';
import type { Command } from 'commander';
import { parseCountyCode } from '../arguments.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { withDatabase } from '../with-database.js';

export function registerSurveillanceRunCommand(surveillance: Command, io: CliIo): void {
  surveillance
    .command('run')
    .description('运行某日的预警检测（默认昨日）：重复运行替换该日结果，预警只更新不重复')
    .requiredOption('--county <code>', '6 位县级行政区划代码')
    .option('--date <date>', '评估日期 YYYY-MM-DD，默认昨日（北京时间）')
    .action(async (options: { county: string; date?: string }) => {
      const county = parseCountyCode(options.county);
      const today = beijingDate();
      const date = options.date ?? addDays(today, -1);
      if (!isIsoDate(date)) throw new CliError(`--date 的值“${date}”无效：应为存在的日期，格式 YYYY-MM-DD`, 2);
      if (date > today) throw new CliError(`--date 的值“${date}”是未来的日期`, 2);
      const summary = await withDatabase(io.env, (db) => runDetection(db, county, date, 'manual', null));
      io.stdout.write(
        `${county} ${date} 预警检测完成：${summary.seriesCount} 个序列，${summary.resultCount} 个结果，` +
          `${summary.alarmCount} 个报警，预警新增或更新 ${summary.alertCount} 条\n`
      );
      for (const error of summary.settingErrors) io.stderr.write(`预警设置无效，已按默认设置运行：${error}\n`);
    });
}
