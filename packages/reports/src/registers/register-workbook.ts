/**
 * Reads a register workbook (population, births or deaths in .xlsx) into plain tables of cell texts, one
 * per worksheet with a header row, in the shape the register imports of @chp/db validate
 * (`RegisterTable`): dates become YYYY-MM-DD, codes Excel stored as numbers become their digits.
 *
 * The sheets are parsed as a stream, row by row, and only the cell texts are kept: a register export of
 * 100,000 rows loaded as a whole workbook object model took about 400 MB (docs/PERFORMANCE.md, register
 * import). The few files the streaming reader cannot follow are loaded whole instead.
 */
import { Readable } from 'node:stream';
import type { ImportIssue } from '@chp/core';
import ExcelJS from 'exceljs';
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

/** A worksheet whose rows can be walked once: a sheet of the streaming reader, or of a loaded workbook. */
interface SheetRows {
  name: string;
  rows: AsyncIterable<ExcelJS.Row> | Iterable<ExcelJS.Row>;
}

/** Every .xlsx file is a zip archive, which starts with a local file header. */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The texts of the row's first `width` cells. A shared string left unresolved means that the streaming
 * reader lost the archive's order (seen with uncompressed archives): the caller then loads the file whole.
 */
function cellTexts(row: ExcelJS.Row, width: number): (string | null)[] {
  return Array.from({ length: width }, (_, index) => {
    const value = row.getCell(index + 1).value;
    if (typeof value === 'object' && value !== null && 'sharedString' in value) {
      throw new Error('unresolved shared string');
    }
    return cellText(readCell(value));
  });
}

/**
 * Row 1 is the header; the table is as wide as it is. Every row is walked to the end even when the sheet has
 * no header, because a streamed file's next parts only come after it.
 */
async function readSheet(file: string, sheet: SheetRows): Promise<WorkbookTable | null> {
  let header: string[] | null = null;
  const rows: WorkbookTable['rows'] = [];
  for await (const row of sheet.rows) {
    if (row.number === 1) {
      header = cellTexts(row, row.cellCount).map((text) => text ?? '');
    } else if (header !== null && row.hasValues) {
      rows.push({ row: row.number, cells: cellTexts(row, header.length) });
    }
  }
  if (header === null || header.every((text) => text === '')) return null;
  return { file, sheet: sheet.name, header, rows };
}

async function readSheets(
  file: string,
  sheets: AsyncIterable<SheetRows> | Iterable<SheetRows>
): Promise<WorkbookTable[]> {
  const tables: WorkbookTable[] = [];
  for await (const sheet of sheets) {
    const table = await readSheet(file, sheet);
    if (table !== null) tables.push(table);
  }
  return tables;
}

/** The tables, read as a stream; null when the streaming reader could not read the file. */
async function streamTables(file: { name: string; data: Buffer }): Promise<WorkbookTable[] | null> {
  if (!file.data.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) return null;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file.data], { objectMode: false }), {
    sharedStrings: 'cache',
    // The number formats tell dates from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  // The typings leave out that a streamed worksheet has a name and is an async iterable of rows.
  const worksheets = reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name: string }>;
  async function* sheets(): AsyncGenerator<SheetRows> {
    for await (const worksheet of worksheets) yield { name: worksheet.name, rows: worksheet };
  }
  try {
    const tables = await readSheets(file.name, sheets());
    // Without its workbook part the archive was not read to the end, or is not an Excel file.
    return (reader as { model?: unknown }).model === undefined ? null : tables;
  } catch {
    return null;
  }
}

/** The tables, from the whole workbook loaded into memory; throws when the file is not a workbook. */
async function loadTables(file: { name: string; data: Buffer }): Promise<WorkbookTable[]> {
  const workbook = await loadWorkbook(file.data);
  // A workbook has at least one sheet; a zip archive of something else loads as none.
  if (workbook.worksheets.length === 0) throw new Error('no worksheet');
  return readSheets(
    file.name,
    workbook.worksheets.map((sheet) => ({ name: sheet.name, rows: sheet.getRows(1, sheet.rowCount) ?? [] }))
  );
}

export async function readRegisterWorkbook(file: { name: string; data: Buffer }): Promise<RegisterWorkbook> {
  let tables = await streamTables(file);
  if (tables === null) {
    try {
      tables = await loadTables(file);
    } catch {
      const reason = '无法读取文件：不是有效的 Excel（.xlsx）文件，或文件已损坏。';
      return { tables: [], issues: [{ file: file.name, sheet: '', row: 0, column: '', reason }] };
    }
  }
  return { tables, issues: [] };
}
