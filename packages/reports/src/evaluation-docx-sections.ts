import { INDICATOR_STATUSES, PROJECT_STATUSES } from '@chp/core';
import type { IndicatorSummary, ProjectSummary } from '@chp/core';
import type { Paragraph, Table } from 'docx';
import {
  DASH,
  formatAttribute,
  formatBaseline,
  formatComputedProvenance,
  formatDate,
  formatEvaluatedValue,
  formatGap,
  formatLines,
  formatNumber,
  formatPercent,
  valueInYear,
} from './format.js';
import { heading1, heading2, paragraph, table } from './docx-parts.js';
import type { CellText } from './docx-parts.js';
import { findingSubject, projectInvestment, sortFindings } from './report-rows.js';
import { COMPUTED_NOTE, GAP_NOTE, PROVENANCE_NOTE, trajectoryNote } from './method-notes.js';
import type { EvaluationReportInput } from './report-model.js';
import type { ReportSummary } from './report-summary.js';
import {
  FINDING_KIND_LABELS,
  PROJECT_STATUS_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  STATUS_RULES,
} from './status-labels.js';

type Block = Paragraph | Table;

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** （一）, （二）, … for sub-headings; beyond ten the plain number keeps it readable. */
function subOrdinal(index: number): string {
  return `（${CHINESE_ORDINALS[index] ?? String(index + 1)}）`;
}

function names(indicators: IndicatorSummary[]): string {
  return indicators.map((indicator) => `“${indicator.name}”`).join('、');
}

export function overviewSection(input: EvaluationReportInput, summary: ReportSummary): Block[] {
  const { year } = input;
  const counts = summary.statusCounts;
  const noValue = summary.total - summary.withValueInYear - summary.withComputedValue - summary.withEarlierValue;
  const computedText = summary.withComputedValue === 0 ? '' : `${summary.withComputedValue}项采用登记数据计算值，`;
  const bindingText =
    summary.bindingAlerts.length === 0
      ? `规划设约束性指标${summary.binding.length}项，${year}年均未出现严重滞后。`
      : `规划设约束性指标${summary.binding.length}项，其中${summary.bindingAlerts.length}项严重滞后：${names(summary.bindingAlerts)}，须重点督办。`;
  return [
    heading1('一、总体情况'),
    paragraph(
      `本报告依据《${input.plan.title}》（规划期${input.plan.periodStart}—${input.plan.periodEnd}年），` +
        `对${input.county.name}纳入平台监测的${summary.total}项指标（主要指标表${summary.tableCount}项、正文目标${summary.proseCount}项）` +
        `截至${year}年的进展进行评估。其中${STATUS_LABELS.achieved}${counts.achieved}项，${STATUS_LABELS.on_track}${counts.on_track}项，` +
        `${STATUS_LABELS.at_risk}${counts.at_risk}项，${STATUS_LABELS.off_track}${counts.off_track}项，` +
        `${STATUS_LABELS.no_data}${counts.no_data}项，${STATUS_LABELS.not_assessable}${counts.not_assessable}项。`
    ),
    table(
      ['状态', '指标数', '占比'],
      INDICATOR_STATUSES.map((status) => [
        STATUS_LABELS[status],
        String(counts[status]),
        formatPercent(counts[status], summary.total),
      ]),
      [3, 2, 2]
    ),
    paragraph(bindingText),
    paragraph(
      `数据覆盖：${summary.withValueInYear}项指标有${year}年审核通过的数值（占${formatPercent(summary.withValueInYear, summary.total)}），` +
        `${computedText}${summary.withEarlierValue}项采用此前年份的最新数值，${noValue}项尚无数值。`
    ),
  ];
}

export function domainSection(input: EvaluationReportInput, summary: ReportSummary): Block[] {
  const headers = ['指标', '单位', '基期值', '目标值', '属性', `${input.year}年值`, '状态', '与预期进度差距'];
  return [
    heading1('二、分领域指标进展'),
    ...summary.domains.flatMap(({ domain, indicators }, index) => [
      heading2(`${subOrdinal(index)}${domain}`),
      table(
        headers,
        indicators.map((indicator) => [
          indicator.name,
          indicator.unit ?? DASH,
          formatBaseline(indicator),
          indicator.target,
          formatAttribute(indicator),
          formatEvaluatedValue(indicator),
          STATUS_LABELS[indicator.evaluation.status],
          formatGap(indicator.evaluation.gap),
        ]),
        [5, 1.5, 1.5, 2, 1.5, 1.8, 1.8, 1.8]
      ),
    ]),
    ...computedSection(input, summary, summary.domains.length),
  ];
}

/** The values computed from the registers beside the entered ones, as the last sub-section of section 二. */
function computedSection(input: EvaluationReportInput, summary: ReportSummary, index: number): Block[] {
  if (summary.computed.length === 0) return [];
  const { year } = input;
  return [
    heading2(`${subOrdinal(index)}登记数据计算值与填报值对照`),
    paragraph(
      `以下${summary.computed.length}项指标可由平台登记数据计算，计算值列在${year}年审核通过的填报值旁，差值为计算值减填报值。`
    ),
    table(
      ['指标', '单位', `${year}年填报值`, '登记数据计算值', '差值', '计算依据'],
      summary.computed.map((indicator) => [
        indicator.name,
        indicator.computed.unit,
        formatNumber(valueInYear(indicator, year)),
        formatNumber(indicator.computed.value),
        formatGap(indicator.computed.difference),
        formatComputedProvenance(indicator.computed),
      ]),
      [4, 1.2, 1.6, 1.8, 1.4, 5]
    ),
  ];
}

export function bindingSection(input: EvaluationReportInput, summary: ReportSummary): Block[] {
  if (summary.binding.length === 0) {
    return [heading1('三、约束性指标完成情况'), paragraph('规划未设约束性指标。')];
  }
  return [
    heading1('三、约束性指标完成情况'),
    paragraph(
      `约束性指标是规划确定的必须完成的指标，每年均须检查。${input.year}年${summary.binding.length}项约束性指标中，` +
        `${STATUS_LABELS.off_track}${summary.bindingAlerts.length}项。`
    ),
    table(
      ['指标', '基期值', '目标值', `${input.year}年值`, '状态', '说明'],
      summary.binding.map((indicator) => [
        indicator.name,
        formatBaseline(indicator),
        indicator.target,
        formatEvaluatedValue(indicator),
        STATUS_LABELS[indicator.evaluation.status],
        indicator.evaluation.reason,
      ]),
      [4, 1.5, 1.5, 1.8, 1.8, 5]
    ),
  ];
}

export function laggingSection(input: EvaluationReportInput, summary: ReportSummary): Block[] {
  if (summary.lagging.length === 0) {
    return [
      heading1('四、滞后指标清单'),
      paragraph(`${input.year}年没有${STATUS_LABELS.off_track}或${STATUS_LABELS.at_risk}的指标。`),
    ];
  }
  return [
    heading1('四、滞后指标清单'),
    paragraph(
      `以下${summary.lagging.length}项指标${STATUS_LABELS.off_track}或${STATUS_LABELS.at_risk}，` +
        '差距为实际值与预期进度值之差（以指标单位计，负数表示落后）。'
    ),
    table(
      ['指标', '属性', '状态', `${input.year}年值`, '预期进度值', '与预期进度差距', '原因'],
      summary.lagging.map((indicator) => [
        indicator.unit ? `${indicator.name}（${indicator.unit}）` : indicator.name,
        formatAttribute(indicator),
        STATUS_LABELS[indicator.evaluation.status],
        formatEvaluatedValue(indicator),
        formatNumber(indicator.evaluation.expected),
        formatGap(indicator.evaluation.gap),
        indicator.evaluation.reason,
      ]),
      [4, 1.5, 1.6, 1.6, 1.6, 1.6, 4]
    ),
  ];
}

export function findingsSection(input: EvaluationReportInput): Block[] {
  const intro =
    `以下问题出自规划文本本身（《${input.plan.title}》，文本文件 ${input.plan.seedFile}，行号为该文件中的行号），` +
    '平台如实记录、未作修改，供规划中期调整时参考。';
  if (input.findings.length === 0) {
    return [heading1('五、规划数据质量问题'), paragraph('未发现规划数据质量问题。')];
  }
  return [
    heading1('五、规划数据质量问题'),
    paragraph(intro),
    table(
      ['序号', '级别', '类型', '涉及指标/项目', '问题', '原文位置'],
      sortFindings(input.findings).map((finding, index) => [
        String(index + 1),
        SEVERITY_LABELS[finding.severity],
        FINDING_KIND_LABELS[finding.kind],
        findingSubject(input, finding),
        finding.message,
        formatLines(finding.line, finding.relatedLines),
      ]),
      [1, 1.2, 2, 3, 6, 2.2]
    ),
  ];
}

function milestoneLines(project: ProjectSummary): string[] {
  if (project.milestones.length === 0) return [DASH];
  return project.milestones.map((milestone) => {
    const due = milestone.dueDate ? `计划${milestone.dueDate}` : '未定计划日期';
    const done = milestone.doneDate ? `，${milestone.doneDate}完成` : '，未完成';
    return `${milestone.name}（${due}${done}）`;
  });
}

export function projectSection(input: EvaluationReportInput): Block[] {
  if (input.projects.length === 0) {
    return [heading1('六、重大项目进展'), paragraph('规划未列重大项目。')];
  }
  const planned = input.projects.reduce((sum, project) => sum + (project.investmentPlanned ?? 0), 0);
  const toDate = input.projects.reduce((sum, project) => sum + project.investmentToDate, 0);
  const byStatus = PROJECT_STATUSES.map(
    (status) =>
      [PROJECT_STATUS_LABELS[status], input.projects.filter((project) => project.status === status).length] as const
  )
    .filter(([, count]) => count > 0)
    .map(([label, count]) => `${label}${count}项`)
    .join('，');
  return [
    heading1('六、重大项目进展'),
    paragraph(
      `规划列重大项目${input.projects.length}项，${byStatus}。` +
        `列明投资的项目计划总投资${formatNumber(planned)}万元，累计完成投资${formatNumber(toDate)}万元。`
    ),
    table(
      ['项目', '状态', '进度', '完成投资/计划投资（万元）', '里程碑'],
      input.projects.map((project): CellText[] => [
        project.name,
        PROJECT_STATUS_LABELS[project.status],
        `${formatNumber(project.progressPct)}%`,
        projectInvestment(project),
        milestoneLines(project),
      ]),
      [4, 1.4, 1.2, 2.6, 4.5]
    ),
  ];
}

export function methodSection(input: EvaluationReportInput): Block[] {
  return [
    heading1('七、说明'),
    heading2('（一）评估方法'),
    paragraph(trajectoryNote(input.plan.periodStart)),
    ...INDICATOR_STATUSES.map((status) => paragraph(`${STATUS_LABELS[status]}：${STATUS_RULES[status]}`)),
    paragraph(GAP_NOTE),
    heading2('（二）数据来源'),
    paragraph(PROVENANCE_NOTE),
    paragraph(COMPUTED_NOTE),
    paragraph(`规划文本：《${input.plan.title}》，文本文件 ${input.plan.seedFile}。`),
    paragraph(`报告生成时间：${formatDate(input.generatedAt)}。`),
  ];
}
