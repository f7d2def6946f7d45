import type ExcelJS from 'exceljs';
import type { DataQualityFinding } from '@chp/core';
import { findingSubject, sortFindings } from './report-rows.js';
import type { NamedItems } from './report-rows.js';
import { FINDING_KIND_LABELS, SEVERITY_LABELS } from './status-labels.js';
import { addTableSheet } from './xlsx-parts.js';
import type { SheetCell } from './xlsx-parts.js';

/** The 数据质量 sheet: a plan's findings, errors first, with the seed-file lines they point to. */
export function addFindingSheet(workbook: ExcelJS.Workbook, findings: DataQualityFinding[], names: NamedItems): void {
  const rows = sortFindings(findings).map((finding, index): SheetCell[] => [
    index + 1,
    SEVERITY_LABELS[finding.severity],
    FINDING_KIND_LABELS[finding.kind],
    finding.indicatorId ?? finding.projectId,
    findingSubject(names, finding),
    finding.message,
    finding.line,
    finding.relatedLines.length > 0 ? finding.relatedLines.join('、') : null,
  ]);
  const sheet = addTableSheet(
    workbook,
    '数据质量',
    [
      { header: '序号', width: 6 },
      { header: '级别', width: 6 },
      { header: '类型', width: 16 },
      { header: '指标/项目编码', width: 14 },
      { header: '涉及指标/项目', width: 30 },
      { header: '问题', width: 60 },
      { header: '原文行号', width: 9 },
      { header: '相关行号', width: 12 },
    ],
    rows
  );
  sheet.getColumn(6).alignment = { wrapText: true };
}
