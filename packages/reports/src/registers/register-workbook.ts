/**
 * Reads a register workbook (population, births or deaths in .xlsx) into plain tables of cell texts, one
 * per worksheet with a header row, in the shape the register imports of @chp/db validate
 * (`RegisterTable`): dates become YYYY-MM-DD, codes Excel stored as numbers become their digits.
 */
import type { ImportIssue } from '@chp/core';
import { cellText, readCell } from '../cell-reading.js';
import { loadWorkbook } from '../xlsx-parts.js';

export interface WorkbookTable {
  file: string;
  sheet: string;
  header: string[];
  rows: { row: number; cells: (string | null)[] }[];
}

export interface RegisterWorkbook {
  tables: WorkbookTable[];
  /** Set when the file cannot be read at all. */
  issues: ImportIssue[];
}

export async function readRegisterWorkbook(file: { name: string; data: Buffer }): Promise<RegisterWorkbook> {
  let workbook: Awaited<ReturnType<typeof loadWorkbook>>;
  try {
    workbook = await loadWorkbook(file.data);
  } catch {
    const reason = '无法读取文件：不是有效的 Excel（.xlsx）文件，或文件已损坏。';
    return { tables: [], issues: [{ file: file.name, sheet: '', row: 0, column: '', reason }] };
  }
  const tables: WorkbookTable[] = [];
  workbook.eachSheet((sheet) => {
    const width = sheet.columnCount;
    const textsOf = (rowNumber: number): (string | null)[] => {
      const row = sheet.getRow(rowNumber);
      return Array.from({ length: width }, (_, index) => cellText(readCell(row.getCell(index + 1).value)));
    };
    const header = textsOf(1).map((text) => text ?? '');
    if (header.every((text) => text === '')) return;
    const rows: WorkbookTable['rows'] = [];
    sheet.eachRow((_row, rowNumber) => {
      if (rowNumber > 1) rows.push({ row: rowNumber, cells: textsOf(rowNumber) });
    });
    tables.push({ file: file.name, sheet: sheet.name, header, rows });
  });
  return { tables, issues: [] };
}
