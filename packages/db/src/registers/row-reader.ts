/**
 * Reads the rows of a register table by column name and records why a cell is wrong, as
 * { file, sheet, row, column, reason } with the column named "出生日期 (C)" like the value import does.
 */
import type { ImportIssue } from '@chp/core';
import { columnLetter } from './register-table.js';
import type { RegisterTable, RegisterTableRow } from './register-table.js';

export interface ColumnSpec<K extends string> {
  key: K;
  /** The header the template uses. */
  header: string;
  /** Whether the file must have the column (a row may still leave an optional cell empty). */
  required: boolean;
}

export interface RowReader<K extends string> {
  readonly row: number;
  /** The column's header, for messages. */
  name(key: K): string;
  /** The cell's text, or null when empty or when the file lacks the optional column. */
  text(key: K): string | null;
  /** Records an issue for the column and returns null, so a parser can `return reader.fail(…)`. */
  fail(key: K, reason: string): null;
  /** Records an issue naming several columns (e.g. a duplicate key). */
  failColumns(keys: readonly K[], reason: string): void;
  readonly issues: ImportIssue[];
}

export interface TableLayout<K extends string> {
  /** Column index of each column the file has. */
  positions: Map<K, number>;
  issues: ImportIssue[];
}

/** Finds the columns in the header row; a missing required column is an issue on row 1. */
export function layoutOf<K extends string>(table: RegisterTable, columns: readonly ColumnSpec<K>[]): TableLayout<K> {
  const positions = new Map<K, number>();
  const issues: ImportIssue[] = [];
  for (const column of columns) {
    const index = table.header.indexOf(column.header);
    if (index >= 0) {
      positions.set(column.key, index);
    } else if (column.required) {
      issues.push({
        file: table.file,
        sheet: table.sheet,
        row: 1,
        column: column.header,
        reason: `缺少“${column.header}”列，请使用导入模板的表头。`,
      });
    }
  }
  return { positions, issues };
}

export function rowReader<K extends string>(
  table: RegisterTable,
  columns: readonly ColumnSpec<K>[],
  layout: TableLayout<K>,
  tableRow: RegisterTableRow
): RowReader<K> {
  const headerOf = new Map(columns.map((column) => [column.key, column.header]));
  const label = (key: K): string => {
    const index = layout.positions.get(key);
    const header = headerOf.get(key) ?? key;
    return index === undefined ? header : `${header} (${columnLetter(index)})`;
  };
  const issues: ImportIssue[] = [];
  const push = (column: string, reason: string): void => {
    issues.push({ file: table.file, sheet: table.sheet, row: tableRow.row, column, reason });
  };
  return {
    row: tableRow.row,
    issues,
    name: (key) => headerOf.get(key) ?? key,
    text: (key) => {
      const index = layout.positions.get(key);
      return index === undefined ? null : (tableRow.cells[index] ?? null);
    },
    fail: (key, reason) => {
      push(label(key), reason);
      return null;
    },
    failColumns: (keys, reason) => {
      push(keys.map(label).join('、'), reason);
    },
  };
}

/** Whether every cell of the row is empty (such rows are skipped without comment). */
export function isBlank(row: RegisterTableRow): boolean {
  return row.cells.every((cell) => cell === null);
}
