import { buildReportInput } from '@chp/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { writeOutput } from '../output.js';
import { withDatabase } from '../with-database.js';

export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('按已审核的监测数据评估一个县的全部规划指标')
    .requiredOption('--county <code>', '县级行政区划代码')
    .requiredOption('--year <year>', '评估年份')
    .option('--format <format>', 'text 或 json', 'text')
    .action(async (options: { county: string; year: string; format: string }) => {
      const year = Number(options.year);
      if (!Number.isInteger(year)) {
        throw new CliError(`年份 ${options.year} 无效`, 2);
      }
      const input = await withDatabase((db) => buildReportInput(db, options.county, 'annual', year));
      const rows = input.indicators.map((indicator) => ({
        id: indicator.id,
        name: indicator.name,
        unit: indicator.unit,
        attribute: indicator.attribute,
        target: indicator.target,
        value: indicator.evaluation.value,
        valueYear: indicator.evaluation.valueYear,
        expected: indicator.evaluation.expected,
        status: indicator.evaluation.status,
        bindingAlert: indicator.evaluation.bindingAlert,
        reason: indicator.evaluation.reason,
      }));
      if (options.format === 'json') {
        await writeOutput(`${JSON.stringify(rows, null, 2)}\n`, undefined);
        return;
      }
      const lines = rows.map(
        (r) =>
          `${r.id}\t${r.status}${r.bindingAlert ? '（约束性预警）' : ''}\t${r.name}\t${r.value ?? '—'}\t${r.target}`
      );
      await writeOutput(`${lines.join('\n')}\n`, undefined);
    });
}
