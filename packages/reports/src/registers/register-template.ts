/**
 * The empty Excel template of a register: one sheet named after the register with the Chinese headers the
 * import expects. It has no other sheet because readRegisterWorkbook imports every sheet with a header row.
 */
import ExcelJS from 'exceljs';
import { addTableSheet, workbookToBuffer } from '../xlsx-parts.js';

export interface RegisterTemplateInput {
  /** 中文名 of the register, used as the sheet name. */
  name: string;
  columns: readonly { header: string; required: boolean }[];
}

export async function buildRegisterTemplate(input: RegisterTemplateInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '县域卫生健康信息平台';
  // Text cells keep codes with leading zeros and dates as typed; the import parses every cell from its text.
  const sheet = addTableSheet(
    workbook,
    input.name,
    input.columns.map((column) => ({
      header: column.header,
      width: Math.max(12, column.header.length * 2 + 4),
      numFmt: '@',
    })),
    []
  );
  input.columns.forEach((column, index) => {
    sheet.getCell(1, index + 1).note = column.required ? '必填列' : '选填列，单元格可留空';
  });
  return workbookToBuffer(workbook);
}
