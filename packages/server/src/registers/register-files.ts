/** Register files (CSV or Excel) read into tables and imported into a county's register; the API and the CLI share it. */
import { extname } from 'node:path';
import type { ImportIssue, ImportResult } from '@chp/core';
import { isBlank, parseCsv } from '@chp/db';
import type { Actor, Db, IdCipher, ImportMode, RegisterImporter, RegisterTable } from '@chp/db';
import { readRegisterWorkbook } from '@chp/reports';

export interface RegisterFile {
  name: string;
  data: Buffer;
}

export interface RegisterFileTables {
  tables: RegisterTable[];
  /** Files that could not be read at all. */
  issues: ImportIssue[];
}

const fileIssue = (file: string, reason: string): ImportIssue => ({ file, sheet: '', row: 0, column: '', reason });

/** Reads .csv files and every sheet with a header row of .xlsx files; any other file is an issue. */
export async function readRegisterFiles(files: readonly RegisterFile[]): Promise<RegisterFileTables> {
  const tables: RegisterTable[] = [];
  const issues: ImportIssue[] = [];
  for (const file of files) {
    const extension = extname(file.name).toLowerCase();
    if (extension === '.csv') {
      tables.push(parseCsv(file.name, file.data));
    } else if (extension === '.xlsx') {
      const workbook = await readRegisterWorkbook(file);
      issues.push(...workbook.issues);
      tables.push(...workbook.tables);
      if (workbook.issues.length === 0 && workbook.tables.length === 0) {
        issues.push(fileIssue(file.name, '文件中没有数据：工作表的第一行应为导入模板的表头。'));
      }
    } else {
      issues.push(fileIssue(file.name, '不支持的文件类型：请上传 CSV（.csv）或 Excel（.xlsx）文件。'));
    }
  }
  return { tables, issues };
}

/**
 * Imports the files into the county's register. A file that cannot be read counts like a bad row: in
 * mode 'all' nothing is imported (and its rows are not checked until the file is fixed).
 */
export async function importRegisterFiles(
  db: Db,
  actor: Actor,
  countyCode: string,
  importer: RegisterImporter,
  files: readonly RegisterFile[],
  mode: ImportMode,
  idCipher: IdCipher
): Promise<ImportResult> {
  const { tables, issues } = await readRegisterFiles(files);
  if (issues.length > 0 && mode === 'all') {
    const rows = tables.reduce((sum, table) => sum + table.rows.filter((row) => !isBlank(row)).length, 0);
    return { mode, imported: 0, skipped: rows, errors: issues };
  }
  const result = await importer.importTables(db, actor, countyCode, tables, { mode, idCipher });
  return { ...result, errors: [...issues, ...result.errors] };
}
