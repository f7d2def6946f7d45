import { checkPlan } from '@chp/core';
import type { CountyPlan, DataQualityFinding } from '@chp/core';
import { listPlanFiles, readCatalog, readPlanFile } from '@chp/db';
import { FINDING_KIND_LABELS, SEVERITY_LABELS, buildPlanWorkbook } from '@chp/reports';
import type { Command } from 'commander';
import { parseChoice, parseCountyCode } from '../arguments.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { writeOutput } from '../output.js';
import { toPlanExport } from '../plan-export.js';

function readPlanOrFail(text: string): CountyPlan {
  const countyCode = parseCountyCode(text);
  if (!listPlanFiles().includes(countyCode)) {
    throw new CliError(
      `没有县 ${countyCode} 的规划数据（data/plans/${countyCode}.json）；已有规划的县：${listPlanFiles().join('、')}`,
      2
    );
  }
  return readPlanFile(countyCode);
}

function formatFinding(finding: DataQualityFinding): string {
  const subject = finding.indicatorId ?? finding.projectId ?? '';
  return `${finding.countyCode}\t${SEVERITY_LABELS[finding.severity]}\t${FINDING_KIND_LABELS[finding.kind]}\t${subject}\t${finding.message}`;
}

export function registerPlanCommands(program: Command, io: CliIo): void {
  const plan = program.command('plan').description('规划数据：导出与质量检查');

  plan
    .command('export')
    .description('导出一个县的规划指标（表格指标与正文目标）')
    .requiredOption('--county <code>', '县级行政区划代码，如 640221')
    .option('--format <format>', 'json 或 xlsx（默认 json）', 'json')
    .option('--out <file>', '输出文件（默认标准输出；xlsx 必须指定）')
    .action(async (options: { county: string; format: string; out?: string }) => {
      const format = parseChoice(options.format, ['json', 'xlsx'] as const, '--format');
      const countyPlan = readPlanOrFail(options.county);
      switch (format) {
        case 'json':
          await writeOutput(io, `${JSON.stringify(toPlanExport(countyPlan), null, 2)}\n`, options.out);
          return;
        case 'xlsx':
          if (options.out === undefined || options.out === '-') {
            throw new CliError('xlsx 格式需要 --out <文件>', 2);
          }
          await writeOutput(io, await buildPlanWorkbook(countyPlan, checkPlan(countyPlan, readCatalog())), options.out);
          return;
      }
    });

  plan
    .command('check')
    .description('检查规划本身的数据质量问题（缺基期值、正文与指标表矛盾、单位可疑、目标劣于基期、重复）')
    .option('--county <code>', '只检查一个县（默认全部）')
    .option('--format <format>', 'text 或 json（默认 text）', 'text')
    .action(async (options: { county?: string; format: string }) => {
      const format = parseChoice(options.format, ['text', 'json'] as const, '--format');
      const plans =
        options.county === undefined
          ? listPlanFiles().map((code) => readPlanFile(code))
          : [readPlanOrFail(options.county)];
      const catalog = readCatalog();
      const findings = plans.flatMap((countyPlan) => checkPlan(countyPlan, catalog));
      if (format === 'json') {
        await writeOutput(io, `${JSON.stringify(findings, null, 2)}\n`, undefined);
        return;
      }
      const lines = findings.map(formatFinding);
      const count = (severity: DataQualityFinding['severity']): number =>
        findings.filter((f) => f.severity === severity).length;
      lines.push(`共 ${findings.length} 项：错误 ${count('error')}，警告 ${count('warning')}，提示 ${count('info')}`);
      await writeOutput(io, `${lines.join('\n')}\n`, undefined);
    });
}
