import { extname } from 'node:path';
import type { ReportKind } from '@chp/core';
import { buildEvaluationDocx, buildEvaluationXlsx } from '@chp/reports';
import { buildReportInput } from '@chp/server';
import type { Command } from 'commander';
import { parseChoice, parseCountyCode, parseYear } from '../arguments.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { writeOutput } from '../output.js';
import { withDatabase } from '../with-database.js';

const KINDS: readonly ReportKind[] = ['annual', 'midterm', 'final'];

/** The year to report on; undefined lets the plan decide (mid-term: middle year, final: last year). */
function reportYear(kind: ReportKind, text: string | undefined): number | undefined {
  if (text !== undefined) {
    return parseYear(text);
  }
  if (kind === 'annual') {
    throw new CliError('年度监测报告需要 --year <年份>', 2);
  }
  return undefined;
}

export function registerReportCommand(program: Command, io: CliIo): void {
  program
    .command('report')
    .description('生成年度监测报告、中期或终期评估报告（Word），或其 Excel 附件')
    .requiredOption('--county <code>', '县级行政区划代码，如 140423')
    .requiredOption('--kind <kind>', 'annual（年度监测）、midterm（中期评估）或 final（终期评估）')
    .option('--year <year>', '评估年份（年度报告必填；中期默认规划期中间一年，终期默认规划末年）')
    .requiredOption('--out <file>', '输出文件：.docx 为报告，.xlsx 为附件')
    .action(async (options: { county: string; kind: string; year?: string; out: string }) => {
      const county = parseCountyCode(options.county);
      const kind = parseChoice(options.kind, KINDS, '--kind');
      const year = reportYear(kind, options.year);
      const format = extname(options.out).toLowerCase();
      if (format !== '.docx' && format !== '.xlsx') {
        throw new CliError(`--out 的文件“${options.out}”扩展名应为 .docx（报告）或 .xlsx（附件）`, 2);
      }
      const file = await withDatabase(io.env, async (db) => {
        const input = await buildReportInput(db, county, kind, year);
        return format === '.docx' ? buildEvaluationDocx(input) : buildEvaluationXlsx(input);
      });
      await writeOutput(io, file, options.out);
    });
}
