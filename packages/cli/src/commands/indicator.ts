import { AccessError, computeIndicators } from '@chp/db';
import type { ComputedIndicator } from '@chp/db';
import type { Command } from 'commander';
import { parseChoice, parseCountyCode, parseYear } from '../arguments.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { writeOutput } from '../output.js';
import { withDatabase } from '../with-database.js';

function formatNumber(value: number | null): string {
  return value === null ? '—' : String(Math.round(value * 100) / 100);
}

function textLine(row: ComputedIndicator): string {
  const counts = row.numerator === null ? '' : `${row.numerator}/${row.denominator ?? '—'}`;
  const interval =
    row.ciLower === undefined || row.ciUpper === undefined
      ? ''
      : `（95%CI ${formatNumber(row.ciLower)}–${formatNumber(row.ciUpper)}）`;
  const norm =
    row.norm === undefined
      ? ''
      : `标准 ≥${row.norm}：${row.compliant === null ? '无法判断' : row.compliant ? '达标' : '未达标'}`;
  const warnings = (row.warnings ?? []).map((warning) => `（注：${warning}）`).join('');
  return [
    `${row.orgUnitName}（${row.orgUnit}）`,
    row.code,
    row.name,
    `${formatNumber(row.value)}${row.unit === '' ? '' : ` ${row.unit}`}${interval}`,
    counts,
    `${norm}${warnings}`,
  ].join('\t');
}

/** `chp indicator compute`: plan indicators computed from the registers, for other tools (json) or people (text). */
export function registerIndicatorCommands(program: Command, io: CliIo): void {
  const indicator = program.command('indicator').description('由人口、生命统计与卫生资源登记数据计算的指标');
  indicator
    .command('compute')
    .description('计算一个县（区）及其各乡镇（街道）某年的全部登记数据指标')
    .requiredOption('--county <code>', '县级行政区划代码，如 640221')
    .requiredOption('--year <year>', '年份，如 2023')
    .option('--format <format>', 'json 或 text（默认 json）', 'json')
    .action(async (options: { county: string; year: string; format: string }) => {
      const county = parseCountyCode(options.county);
      const year = parseYear(options.year);
      const format = parseChoice(options.format, ['json', 'text'] as const, '--format');
      const rows = await withDatabase(io.env, async (db) => {
        try {
          return await computeIndicators(db, county, year);
        } catch (error) {
          if (error instanceof AccessError && error.code === 'county_not_installed') {
            throw new CliError(`${error.message}（chp county add ${county}）`, 2);
          }
          throw error;
        }
      });
      const output =
        format === 'json'
          ? JSON.stringify(rows, null, 2)
          : `单位\t编码\t指标\t数值\t分子/分母\t说明\n${rows.map(textLine).join('\n')}`;
      await writeOutput(io, `${output}\n`, undefined);
    });
}
