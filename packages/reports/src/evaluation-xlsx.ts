import ExcelJS from 'exceljs';
import { INDICATOR_STATUSES } from '@chp/core';
import type { IndicatorSummary, ProjectSummary } from '@chp/core';
import { formatComputedProvenance, formatDate, valueInYear } from './format.js';
import { COMPUTED_NOTE, GAP_NOTE, PROVENANCE_NOTE, trajectoryNote } from './method-notes.js';
import { addFindingSheet } from './finding-sheet.js';
import { fundingText } from './report-rows.js';
import { REPORT_KIND_NAMES, reportTitle } from './report-model.js';
import type { EvaluationReportInput } from './report-model.js';
import { PROJECT_STATUS_LABELS, STATUS_LABELS, STATUS_RULES } from './status-labels.js';
import { addTableSheet, workbookToBuffer } from './xlsx-parts.js';
import type { SheetCell, SheetColumn } from './xlsx-parts.js';

const VALUE_FORMAT = '#,##0.00';
const GAP_FORMAT = '+#,##0.00;-#,##0.00;0';
const MONEY_FORMAT = '#,##0';

function planYears(input: EvaluationReportInput): number[] {
  const years: number[] = [];
  for (let year = input.plan.periodStart - 1; year <= input.plan.periodEnd; year += 1) years.push(year);
  return years;
}

function indicatorSheet(workbook: ExcelJS.Workbook, input: EvaluationReportInput): void {
  const years = planYears(input);
  const columns: SheetColumn[] = [
    { header: '指标编码', width: 14 },
    { header: '领域', width: 12 },
    { header: '指标名称', width: 36 },
    { header: '单位', width: 8 },
    { header: '属性', width: 8 },
    { header: '基期值', width: 10, numFmt: VALUE_FORMAT },
    ...years.map((year) => ({ header: `${year}年`, width: 10, numFmt: VALUE_FORMAT })),
    { header: `${input.year}年登记数据计算值`, width: 12, numFmt: VALUE_FORMAT },
    { header: '计算值与填报值之差', width: 12, numFmt: GAP_FORMAT },
    { header: '计算依据', width: 36 },
    { header: '目标值', width: 16 },
    { header: '目标数值', width: 10, numFmt: VALUE_FORMAT },
    { header: `${input.year}年状态`, width: 14 },
    { header: '预期进度值', width: 11, numFmt: VALUE_FORMAT },
    { header: '与预期进度差距', width: 12, numFmt: GAP_FORMAT },
    { header: '状态说明', width: 40 },
    { header: '来源', width: 6 },
    { header: '原文行号', width: 9 },
  ];
  const row = (indicator: IndicatorSummary): SheetCell[] => [
    indicator.id,
    indicator.domain,
    indicator.name,
    indicator.unit,
    indicator.attribute,
    indicator.baseline ?? indicator.baselineText,
    ...years.map((year) => valueInYear(indicator, year)),
    indicator.computed?.value ?? null,
    indicator.computed?.difference ?? null,
    indicator.computed ? formatComputedProvenance(indicator.computed) : null,
    indicator.target,
    indicator.evaluation.resolvedTarget ?? indicator.targetValue,
    STATUS_LABELS[indicator.evaluation.status],
    indicator.evaluation.expected,
    indicator.evaluation.gap,
    indicator.evaluation.reason,
    indicator.source === 'table' ? '指标表' : '正文',
    indicator.line,
  ];
  addTableSheet(workbook, '指标监测', columns, input.indicators.map(row));
}

function projectSheet(workbook: ExcelJS.Workbook, input: EvaluationReportInput): void {
  const columns: SheetColumn[] = [
    { header: '项目编码', width: 12 },
    { header: '项目名称', width: 36 },
    { header: '所属专栏', width: 24 },
    { header: '责任单位', width: 16 },
    { header: '建设期限', width: 10 },
    { header: '状态', width: 9 },
    { header: '进度', width: 8, numFmt: '0%' },
    { header: '计划投资（万元）', width: 14, numFmt: MONEY_FORMAT },
    { header: '累计完成投资（万元）', width: 16, numFmt: MONEY_FORMAT },
    { header: '投资完成率', width: 10, numFmt: '0.0%' },
    { header: '资金来源', width: 30 },
    { header: '里程碑', width: 44 },
    { header: '更新时间', width: 18 },
  ];
  const row = (project: ProjectSummary): SheetCell[] => [
    project.id,
    project.name,
    project.column,
    project.responsibleUnit,
    project.period,
    PROJECT_STATUS_LABELS[project.status],
    project.progressPct / 100,
    project.investmentPlanned,
    project.investmentToDate,
    project.investmentPlanned ? project.investmentToDate / project.investmentPlanned : null,
    fundingText(project),
    project.milestones
      .map(
        (milestone) =>
          `${milestone.name}：计划${milestone.dueDate ?? '未定'}，${milestone.doneDate ? `${milestone.doneDate}完成` : '未完成'}`
      )
      .join('\n') || null,
    project.updatedAt,
  ];
  const sheet = addTableSheet(workbook, '重大项目', columns, input.projects.map(row));
  sheet.getColumn(12).alignment = { wrapText: true };
}

function notesSheet(workbook: ExcelJS.Workbook, input: EvaluationReportInput): void {
  const rows: SheetCell[][] = [
    ['报告', reportTitle(input)],
    ['报告类型', REPORT_KIND_NAMES[input.kind]],
    [
      '县（区）',
      `${input.county.provinceName}${input.county.cityName}${input.county.name}（${input.county.countyCode}）`,
    ],
    ['规划', `${input.plan.title}（${input.plan.periodStart}—${input.plan.periodEnd}年）`],
    ['规划文本文件', `${input.plan.seedFile}（“原文行号”“相关行号”为该文件中的行号）`],
    ['评估年度', input.year],
    ['生成时间', formatDate(input.generatedAt)],
    ['评估方法', trajectoryNote(input.plan.periodStart)],
    ...INDICATOR_STATUSES.map((status): SheetCell[] => [STATUS_LABELS[status], STATUS_RULES[status]]),
    ['与预期进度差距', GAP_NOTE],
    ['数据来源', PROVENANCE_NOTE],
    ['登记数据计算值', COMPUTED_NOTE],
  ];
  const sheet = addTableSheet(
    workbook,
    '说明',
    [
      { header: '项目', width: 16 },
      { header: '内容', width: 100 },
    ],
    rows
  );
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

/** The Excel annex of an evaluation report: indicator values by year, data-quality findings, projects, notes. */
export async function buildEvaluationXlsx(input: EvaluationReportInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '县域卫生健康信息平台';
  workbook.created = input.generatedAt;
  indicatorSheet(workbook, input);
  addFindingSheet(workbook, input.findings, input);
  projectSheet(workbook, input);
  notesSheet(workbook, input);
  return workbookToBuffer(workbook);
}
