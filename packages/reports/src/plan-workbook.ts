import ExcelJS from 'exceljs';
import { COMPARATOR_LABELS } from '@chp/core';
import type { CountyPlan, DataQualityFinding, PlanIndicator, PlanProject } from '@chp/core';
import { addFindingSheet } from './finding-sheet.js';
import { fundingText } from './report-rows.js';
import { addTableSheet, workbookToBuffer } from './xlsx-parts.js';
import type { SheetCell, SheetColumn } from './xlsx-parts.js';

const INDICATOR_COLUMNS: SheetColumn[] = [
  { header: '指标编码', width: 14 },
  { header: '序号', width: 6 },
  { header: '领域', width: 12 },
  { header: '指标名称', width: 36 },
  { header: '单位', width: 8 },
  { header: '基期值', width: 10, numFmt: '#,##0.00' },
  { header: '基期原文', width: 10 },
  { header: '基期年份', width: 9 },
  { header: '目标（原文）', width: 24 },
  { header: '比较方式', width: 14 },
  { header: '目标数值', width: 10, numFmt: '#,##0.00' },
  { header: '目标年份', width: 9 },
  { header: '属性', width: 8 },
  { header: '来源', width: 8 },
  { header: '原文行号', width: 9 },
  { header: '原文摘录', width: 40 },
  { header: '标准指标代码', width: 14 },
  { header: '录入说明', width: 50 },
];

function indicatorRow(indicator: PlanIndicator): SheetCell[] {
  return [
    indicator.id,
    indicator.seq,
    indicator.domain,
    indicator.name,
    indicator.unit,
    indicator.baseline,
    indicator.baselineText,
    indicator.baselineYear,
    indicator.target,
    COMPARATOR_LABELS[indicator.comparator],
    indicator.targetValue,
    indicator.targetYear,
    indicator.attribute,
    indicator.source === 'table' ? '指标表' : '正文',
    indicator.line,
    indicator.quote,
    indicator.standardCode,
    indicator.note ?? null,
  ];
}

const PROJECT_COLUMNS: SheetColumn[] = [
  { header: '项目编码', width: 12 },
  { header: '项目名称', width: 36 },
  { header: '所属专栏', width: 24 },
  { header: '建设内容', width: 60 },
  { header: '计划投资（万元）', width: 14, numFmt: '#,##0' },
  { header: '资金来源', width: 30 },
  { header: '责任单位', width: 16 },
  { header: '建设期限', width: 10 },
  { header: '原文行号', width: 9 },
  { header: '录入说明', width: 50 },
];

function projectRow(project: PlanProject): SheetCell[] {
  return [
    project.id,
    project.name,
    project.column,
    project.content,
    project.investmentPlanned,
    fundingText(project),
    project.responsibleUnit,
    project.period,
    project.line,
    project.note ?? null,
  ];
}

/** A county plan as transcribed, for review in Excel: indicators, projects and the plan check's findings. */
export async function buildPlanWorkbook(plan: CountyPlan, findings: DataQualityFinding[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '县域卫生健康信息平台';
  addTableSheet(workbook, '规划指标', INDICATOR_COLUMNS, plan.indicators.map(indicatorRow));
  addTableSheet(workbook, '重大项目', PROJECT_COLUMNS, plan.projects.map(projectRow)).getColumn(4).alignment = {
    wrapText: true,
    vertical: 'top',
  };
  addFindingSheet(workbook, findings, plan);
  addTableSheet(
    workbook,
    '说明',
    [
      { header: '项目', width: 16 },
      { header: '内容', width: 80 },
    ],
    [
      ['县（区）', `${plan.countyName}（${plan.countyCode}）`],
      ['规划', plan.title],
      ['规划期', `${plan.period.start}—${plan.period.end}年`],
      ['规划文本文件', `${plan.seedFile}（“原文行号”为该文件中的行号）`],
      ['说明', '规划数据按原文录入，原文中的错误如实保留，列为数据质量问题，未作修改。'],
    ]
  );
  return workbookToBuffer(workbook);
}
