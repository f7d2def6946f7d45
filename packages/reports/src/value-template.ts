import ExcelJS from 'exceljs';
import { columnLetter } from './cell-reading.js';
import { addTableSheet, workbookToBuffer } from './xlsx-parts.js';
import type { SheetCell, SheetColumn } from './xlsx-parts.js';

/** Written into the hidden `_meta` sheet so an import can tell our template from any other workbook. */
export const VALUE_TEMPLATE_ID = 'chp-values-v1';
export const VALUE_SHEET = '监测数据';
export const META_SHEET = '_meta';
const ORG_SHEET = '机构代码';
const HELP_SHEET = '填写说明';

/** The columns of the 监测数据 sheet, in order; the import checks the header row against them. */
export const VALUE_COLUMNS = [
  '指标编码',
  '指标名称',
  '单位',
  '机构编码',
  '机构名称',
  '年份',
  '数值',
  '数据来源',
  '备注',
] as const;
export type ValueColumn = (typeof VALUE_COLUMNS)[number];

/** 1-based column number of a template column. */
export function valueColumnNumber(column: ValueColumn): number {
  return VALUE_COLUMNS.indexOf(column) + 1;
}

/** The rows of `_meta`: key in column A, value in column B. */
export const META_ROWS = { templateId: 1, countyCode: 2, countyName: 3, year: 4 } as const;

/** Years the template's 年份 validation accepts unless told otherwise: the 十四五 baseline to its last year. */
export const DEFAULT_TEMPLATE_YEARS = { min: 2020, max: 2025 };

/** Data validation covers the prefilled rows and this many blank rows below for township rows. */
const EXTRA_ROWS = 1000;

export interface ValueTemplateInput {
  countyCode: string;
  countyName: string;
  year: number;
  indicators: { id: string; name: string; unit: string | null; domain: string | null }[];
  orgUnits: { code: string; name: string }[];
  /** Years the 年份 column accepts; defaults to DEFAULT_TEMPLATE_YEARS. */
  allowedYears?: { min: number; max: number };
}

const COLUMN_FORMATS: Record<ValueColumn, SheetColumn> = {
  指标编码: { header: '指标编码', width: 14, numFmt: '@' },
  指标名称: { header: '指标名称', width: 40 },
  单位: { header: '单位', width: 8 },
  机构编码: { header: '机构编码', width: 14, numFmt: '@' },
  机构名称: { header: '机构名称', width: 16 },
  年份: { header: '年份', width: 8, numFmt: '0' },
  数值: { header: '数值', width: 12, numFmt: 'General' },
  数据来源: { header: '数据来源', width: 30 },
  备注: { header: '备注', width: 30 },
};

const HELP_LINES = [
  '1. 每行填写一个指标在一个机构、一个年份的数值；预填行为本县（区）的县级数值，只需填写“数值”和“数据来源”。',
  '2. 乡镇等机构的数值可在下方新增行，机构编码见“机构代码”工作表。',
  '3. “数值”只填数字，不带单位或百分号（单位见“单位”列，如 95% 填 95）。',
  '4. 未填写“数值”和“数据来源”的行在导入时自动忽略。',
  '5. 请勿修改表头、调整列的顺序或删除隐藏的工作表，否则平台无法识别本模板。',
];

/**
 * exceljs keeps range validations in `worksheet.dataValidations` but leaves it out of its types. Setting
 * `cell.dataValidation` instead would create a thousand empty styled rows and, through a sorting bug in
 * exceljs, overlapping ranges.
 */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function addValidations(
  sheet: ExcelJS.Worksheet,
  lastRow: number,
  years: { min: number; max: number },
  orgCount: number
): void {
  const validations = (sheet as unknown as RangeValidations).dataValidations;
  const range = (column: ValueColumn): string => {
    const letter = columnLetter(valueColumnNumber(column));
    return `${letter}2:${letter}${lastRow}`;
  };
  validations.add(range('年份'), {
    type: 'whole',
    operator: 'between',
    formulae: [years.min, years.max],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: '年份有误',
    error: `年份应为${years.min}—${years.max}之间的整数。`,
  });
  validations.add(range('数值'), {
    type: 'decimal',
    operator: 'between',
    formulae: [-1e12, 1e12],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: '数值有误',
    error: '数值只能填写数字，不带单位或百分号。',
  });
  validations.add(range('机构编码'), {
    type: 'list',
    formulae: [`${ORG_SHEET}!$A$2:$A$${orgCount + 1}`],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: '机构编码有误',
    error: `请填写“${ORG_SHEET}”工作表中的机构编码。`,
  });
}

/** The Excel template for bulk entry of a county's monitoring values, one prefilled row per indicator. */
export async function buildValueTemplate(input: ValueTemplateInput): Promise<Buffer> {
  const years = input.allowedYears ?? DEFAULT_TEMPLATE_YEARS;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '县域卫生健康信息平台';
  const rows = input.indicators.map((indicator): SheetCell[] => [
    indicator.id,
    indicator.name,
    indicator.unit,
    input.countyCode,
    input.countyName,
    input.year,
    null,
    null,
    null,
  ]);
  const sheet = addTableSheet(
    workbook,
    VALUE_SHEET,
    VALUE_COLUMNS.map((column) => COLUMN_FORMATS[column]),
    rows
  );
  const orgUnits = input.orgUnits.some((unit) => unit.code === input.countyCode)
    ? input.orgUnits
    : [{ code: input.countyCode, name: input.countyName }, ...input.orgUnits];
  addValidations(sheet, rows.length + 1 + EXTRA_ROWS, years, orgUnits.length);

  addTableSheet(
    workbook,
    ORG_SHEET,
    [
      { header: '机构编码', width: 16, numFmt: '@' },
      { header: '机构名称', width: 30 },
    ],
    orgUnits.map((unit) => [unit.code, unit.name])
  );
  addTableSheet(
    workbook,
    HELP_SHEET,
    [{ header: '填写说明', width: 100 }],
    HELP_LINES.map((line) => [line])
  );

  const meta = workbook.addWorksheet(META_SHEET, { state: 'hidden' });
  meta.getCell(META_ROWS.templateId, 1).value = 'templateId';
  meta.getCell(META_ROWS.templateId, 2).value = VALUE_TEMPLATE_ID;
  meta.getCell(META_ROWS.countyCode, 1).value = 'countyCode';
  meta.getCell(META_ROWS.countyCode, 2).value = input.countyCode;
  meta.getCell(META_ROWS.countyName, 1).value = 'countyName';
  meta.getCell(META_ROWS.countyName, 2).value = input.countyName;
  meta.getCell(META_ROWS.year, 1).value = 'year';
  meta.getCell(META_ROWS.year, 2).value = input.year;
  return workbookToBuffer(workbook);
}
