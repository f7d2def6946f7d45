import { extname } from 'node:path';
import type { ReportKind } from '@chp/core';
import { buildEvaluationDocx, buildEvaluationXlsx } from '@chp/reports';
import { buildReportInput } from '@chp/server';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { writeOutput } from '../output.js';
import { withDatabase } from '../with-database.js';

const KINDS: readonly ReportKind[] = ['annual', 'midterm', 'final'];

function parseKind(kind: string): ReportKind {
  const found = KINDS.find((k) => k === kind);
  if (found === undefined) {
    throw new CliError(`报告类型 ${kind} 无效（应为 annual、midterm 或 final）`, 2);
  }
  return found;
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('生成年度监测报告、中期或终期评估报告（Word），或其 Excel 附件')
    .requiredOption('--county <code>', '县级行政区划代码')
    .requiredOption('--kind <kind>', 'annual（年度监测）、midterm（中期评估）或 final（终期评估）')
    .option('--year <year>', '评估年份（中期默认 2023，终期默认 2025）')
    .requiredOption('--out <file>', '输出文件：.docx 为报告，.xlsx 为附件')
    .action(async (options: { county: string; kind: string; year?: string; out: string }) => {
      const kind = parseKind(options.kind);
      const defaultYear = kind === 'final' ? 2025 : 2023;
      const year = options.year === undefined ? defaultYear : Number(options.year);
      if (!Number.isInteger(year) || year < 2020 || year > 2035) {
        throw new CliError(`年份 ${options.year ?? ''} 无效`, 2);
      }
      const format = extname(options.out).toLowerCase();
      if (format !== '.docx' && format !== '.xlsx') {
        throw new CliError('--out 的扩展名应为 .docx 或 .xlsx', 2);
      }
      const file = await withDatabase(async (db) => {
        const input = await buildReportInput(db, options.county, kind, year);
        return format === '.docx' ? buildEvaluationDocx(input) : buildEvaluationXlsx(input);
      });
      await writeOutput(file, options.out);
    });
}
