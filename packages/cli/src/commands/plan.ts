import { checkPlan } from '@chp/core';
import type { CountyPlan, DataQualityFinding } from '@chp/core';
import { listPlanFiles, readCatalog, readPlanFile } from '@chp/db';
import { buildPlanWorkbook } from '@chp/reports';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { writeOutput } from '../output.js';
import { toPlanExport } from '../plan-export.js';

function readPlanOrFail(countyCode: string): CountyPlan {
  if (!listPlanFiles().includes(countyCode)) {
    throw new CliError(`没有县 ${countyCode} 的规划数据文件（data/plans/${countyCode}.json）`, 2);
  }
  return readPlanFile(countyCode);
}

function formatFinding(finding: DataQualityFinding): string {
  const where = finding.line === null ? '' : `第${finding.line}行 `;
  return `${finding.countyCode}\t${finding.severity}\t${finding.kind}\t${where}${finding.indicatorId ?? finding.projectId ?? ''}\t${finding.message}`;
}

export function registerPlanCommands(program: Command): void {
  const plan = program.command('plan').description('规划数据：导出与质量检查');

  plan
    .command('export')
    .description('导出一个县的规划指标（表格指标与正文目标）')
    .requiredOption('--county <code>', '县级行政区划代码，如 640221')
    .option('--format <format>', 'json 或 xlsx', 'json')
    .option('--out <file>', '输出文件（默认标准输出；xlsx 必须指定）')
    .action(async (options: { county: string; format: string; out?: string }) => {
      const countyPlan = readPlanOrFail(options.county);
      if (options.format === 'json') {
        await writeOutput(`${JSON.stringify(toPlanExport(countyPlan), null, 2)}\n`, options.out);
        return;
      }
      if (options.format === 'xlsx') {
        if (options.out === undefined || options.out === '-') {
          throw new CliError('xlsx 格式需要 --out <文件>', 2);
        }
        await writeOutput(await buildPlanWorkbook(countyPlan, checkPlan(countyPlan, readCatalog())), options.out);
        return;
      }
      throw new CliError(`不支持的格式 ${options.format}（应为 json 或 xlsx）`, 2);
    });

  plan
    .command('check')
    .description('检查规划本身的数据质量问题（缺基期值、正文与指标表矛盾、单位可疑、目标劣于基期、重复）')
    .option('--county <code>', '只检查一个县（默认全部）')
    .option('--format <format>', 'text 或 json', 'text')
    .action(async (options: { county?: string; format: string }) => {
      const catalog = readCatalog();
      const codes = options.county === undefined ? listPlanFiles() : [options.county];
      const findings = codes.flatMap((code) => checkPlan(readPlanOrFail(code), catalog));
      if (options.format === 'json') {
        await writeOutput(`${JSON.stringify(findings, null, 2)}\n`, undefined);
        return;
      }
      const lines = findings.map(formatFinding);
      const errors = findings.filter((f) => f.severity === 'error').length;
      const warnings = findings.filter((f) => f.severity === 'warning').length;
      lines.push(
        `共 ${findings.length} 项：错误 ${errors}，警告 ${warnings}，提示 ${findings.length - errors - warnings}`
      );
      await writeOutput(`${lines.join('\n')}\n`, undefined);
    });
}
