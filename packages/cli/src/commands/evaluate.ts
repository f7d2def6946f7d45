import { STATUS_LABELS } from '@chp/reports';
import { buildReportInput } from '@chp/server';
import type { Command } from 'commander';
import { parseChoice, parseCountyCode, parseYear } from '../arguments.js';
import type { CliIo } from '../cli-io.js';
import { writeOutput } from '../output.js';
import { withDatabase } from '../with-database.js';

export function registerEvaluateCommand(program: Command, io: CliIo): void {
  program
    .command('evaluate')
    .description('按已审核的监测数据评估一个县的全部规划指标')
    .requiredOption('--county <code>', '县级行政区划代码，如 140423')
    .requiredOption('--year <year>', '评估年份，如 2023')
    .option('--format <format>', 'text 或 json（默认 text）', 'text')
    .action(async (options: { county: string; year: string; format: string }) => {
      const county = parseCountyCode(options.county);
      const year = parseYear(options.year);
      const format = parseChoice(options.format, ['text', 'json'] as const, '--format');
      const input = await withDatabase(io.env, (db) => buildReportInput(db, county, 'annual', year));
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
      if (format === 'json') {
        await writeOutput(io, `${JSON.stringify(rows, null, 2)}\n`, undefined);
        return;
      }
      const lines = rows.map(
        (r) =>
          `${r.id}\t${STATUS_LABELS[r.status]}${r.bindingAlert ? '（约束性预警）' : ''}\t${r.name}\t${r.value ?? '—'}\t${r.target}`
      );
      await writeOutput(
        io,
        `${input.county.name}（${input.county.countyCode}）${input.year}年指标评估\n编号\t状态\t指标\t数值\t目标\n${lines.join('\n')}\n`,
        undefined
      );
    });
}
