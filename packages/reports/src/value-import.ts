import type ExcelJS from 'exceljs';
import type { ImportIssue } from '@chp/core';
import { cellNumber, cellText, columnLetter, readCell } from './cell-reading.js';
import {
  META_ROWS,
  META_SHEET,
  VALUE_COLUMNS,
  VALUE_SHEET,
  VALUE_TEMPLATE_ID,
  valueColumnNumber,
} from './value-template.js';
import type { ValueColumn } from './value-template.js';
import { loadWorkbook } from './xlsx-parts.js';

export interface ParsedValueRow {
  /** The Excel row number (the header is row 1). */
  row: number;
  indicatorId: string;
  orgUnitCode: string;
  year: number;
  value: number;
  sourceDocument: string | null;
  note: string | null;
}

export interface ValueImportContext {
  countyCode: string;
  /** The county's indicators by id (the template's 指标编码). */
  indicators: Map<string, { id: string; name: string; unit: string | null }>;
  orgUnitCodes: Set<string>;
  allowedYears: { min: number; max: number };
  /** Returns why a value cannot be right (e.g. a rate above 100%), or null. */
  checkValue?: (indicator: { name: string; unit: string | null }, value: number) => string | null;
}

export interface ValueImportResult {
  rows: ParsedValueRow[];
  issues: ImportIssue[];
}

/** "数值 (G)": the header name and the column letter, as the issues name a column. */
function columnLabel(column: ValueColumn): string {
  return `${column} (${columnLetter(valueColumnNumber(column))})`;
}

/** Checks that the workbook is our template, for this county, with its header intact. */
function checkTemplate(workbook: ExcelJS.Workbook, file: string, countyCode: string): ImportIssue[] {
  const meta = workbook.getWorksheet(META_SHEET);
  const templateId = meta ? cellText(readCell(meta.getCell(META_ROWS.templateId, 2).value)) : null;
  if (templateId !== VALUE_TEMPLATE_ID) {
    return [
      {
        file,
        sheet: META_SHEET,
        row: 0,
        column: '',
        reason: '不是本平台的监测数据导入模板（缺少模板标识），请在平台下载模板后填写。',
      },
    ];
  }
  const templateCounty = cellText(readCell(meta?.getCell(META_ROWS.countyCode, 2).value ?? null));
  if (templateCounty !== countyCode) {
    return [
      {
        file,
        sheet: META_SHEET,
        row: 0,
        column: '',
        reason: `该模板属于县（区）代码 ${templateCounty ?? '（空）'}，不能导入本县（区）${countyCode}，请下载本县（区）的模板。`,
      },
    ];
  }
  const sheet = workbook.getWorksheet(VALUE_SHEET);
  if (!sheet) {
    return [
      {
        file,
        sheet: VALUE_SHEET,
        row: 0,
        column: '',
        reason: `缺少“${VALUE_SHEET}”工作表，请勿删除或重命名模板的工作表。`,
      },
    ];
  }
  return VALUE_COLUMNS.flatMap((column): ImportIssue[] => {
    const actual = cellText(readCell(sheet.getCell(1, valueColumnNumber(column)).value));
    if (actual === column) return [];
    return [
      {
        file,
        sheet: VALUE_SHEET,
        row: 1,
        column: columnLabel(column),
        reason: `表头应为“${column}”，实际为${actual === null ? '空' : `“${actual}”`}，请勿修改、删除或移动模板的列。`,
      },
    ];
  });
}

/**
 * Reads a filled-in value template. Returns the valid rows and, for every bad row, where and why it is
 * bad; rows with neither 数值 nor 数据来源 are prefilled rows left empty and are skipped without comment.
 */
export async function parseValueWorkbook(
  file: { name: string; data: Buffer },
  context: ValueImportContext
): Promise<ValueImportResult> {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadWorkbook(file.data);
  } catch {
    const reason = '无法读取文件：不是有效的 Excel（.xlsx）文件，或文件已损坏。';
    return { rows: [], issues: [{ file: file.name, sheet: '', row: 0, column: '', reason }] };
  }
  const templateIssues = checkTemplate(workbook, file.name, context.countyCode);
  const sheet = workbook.getWorksheet(VALUE_SHEET);
  if (templateIssues.length > 0 || !sheet) return { rows: [], issues: templateIssues };

  const rows: ParsedValueRow[] = [];
  const issues: ImportIssue[] = [];
  /** First row seen for each indicator × org unit × year, to name both rows of a duplicate. */
  const firstRowOf = new Map<string, number>();
  const { min, max } = context.allowedYears;

  sheet.eachRow((excelRow, rowNumber) => {
    if (rowNumber === 1) return;
    const raw = (column: ValueColumn): string | number | null =>
      readCell(excelRow.getCell(valueColumnNumber(column)).value);
    const rowIssues: ImportIssue[] = [];
    const fail = (column: ValueColumn, reason: string): null => {
      rowIssues.push({ file: file.name, sheet: VALUE_SHEET, row: rowNumber, column: columnLabel(column), reason });
      return null;
    };
    const rawValue = raw('数值');
    const sourceDocument = cellText(raw('数据来源'));
    if (rawValue === null && sourceDocument === null) return;

    const indicatorCode = cellText(raw('指标编码'));
    const indicator =
      indicatorCode === null
        ? fail('指标编码', '缺少指标编码。')
        : (context.indicators.get(indicatorCode) ??
          fail('指标编码', `指标编码“${indicatorCode}”不是本县（区）规划中的指标。`));

    const orgCode = cellText(raw('机构编码'));
    const orgUnitCode =
      orgCode === null
        ? fail('机构编码', '缺少机构编码。')
        : context.orgUnitCodes.has(orgCode)
          ? orgCode
          : fail('机构编码', `机构编码“${orgCode}”不是本县（区）的机构。`);

    const rawYear = raw('年份');
    const yearNumber = cellNumber(rawYear);
    const year =
      rawYear === null
        ? fail('年份', '缺少年份。')
        : yearNumber === null || !Number.isInteger(yearNumber)
          ? fail('年份', `年份“${String(rawYear)}”不是整数年份。`)
          : yearNumber < min || yearNumber > max
            ? fail('年份', `年份${yearNumber}超出允许范围（${min}—${max}年）。`)
            : yearNumber;

    const valueNumber = cellNumber(rawValue);
    let value =
      rawValue === null
        ? fail('数值', '缺少数值。')
        : (valueNumber ?? fail('数值', `数值“${String(rawValue)}”不是数字，请只填写数字，不带单位或百分号。`));
    const implausible = indicator && value !== null ? context.checkValue?.(indicator, value) : null;
    if (implausible) value = fail('数值', implausible);

    if (indicator && orgUnitCode !== null && year !== null) {
      const key = `${indicator.id}|${orgUnitCode}|${String(year)}`;
      const first = firstRowOf.get(key);
      if (first === undefined) {
        firstRowOf.set(key, rowNumber);
      } else {
        rowIssues.push({
          file: file.name,
          sheet: VALUE_SHEET,
          row: rowNumber,
          column: [columnLabel('指标编码'), columnLabel('机构编码'), columnLabel('年份')].join('、'),
          reason: `第${rowNumber}行与第${first}行重复：同一指标、机构和年份只能填写一个数值，两行均未导入。`,
        });
        // Which of the two is right is the user's call, so neither is imported.
        const kept = rows.findIndex((parsed) => parsed.row === first);
        if (kept >= 0) rows.splice(kept, 1);
      }
    }

    if (rowIssues.length > 0 || !indicator || orgUnitCode === null || year === null || value === null) {
      issues.push(...rowIssues);
      return;
    }
    rows.push({
      row: rowNumber,
      indicatorId: indicator.id,
      orgUnitCode,
      year,
      value,
      sourceDocument,
      note: cellText(raw('备注')),
    });
  });
  return { rows, issues };
}
