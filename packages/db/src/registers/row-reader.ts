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

/** What the rows of one table share: their file and sheet, and each column's position and label. */
interface TableShape<K extends string> {
  file: string;
  sheet: string;
  positions: ReadonlyMap<K, number>;
  /** The column's header, for messages. */
  names: ReadonlyMap<K, string>;
  /** The header with the column's letter, e.g. "出生日期 (C)", for issues. */
  labels: ReadonlyMap<K, string>;
}

/**
 * One row's reader. Imports keep a reader for every valid row until the database has been checked (a
 * duplicate found there is reported on it), so it holds only the row and its issues and shares the rest.
 */
class TableRowReader<K extends string> implements RowReader<K> {
  readonly issues: ImportIssue[] = [];

  constructor(
    private readonly shape: TableShape<K>,
    private readonly tableRow: RegisterTableRow
  ) {}

  get row(): number {
    return this.tableRow.row;
  }

  name(key: K): string {
    return this.shape.names.get(key) ?? key;
  }

  text(key: K): string | null {
    const index = this.shape.positions.get(key);
    return index === undefined ? null : (this.tableRow.cells[index] ?? null);
  }

  fail(key: K, reason: string): null {
    this.push(this.label(key), reason);
    return null;
  }

  failColumns(keys: readonly K[], reason: string): void {
    this.push(keys.map((key) => this.label(key)).join('、'), reason);
  }

  private label(key: K): string {
    return this.shape.labels.get(key) ?? key;
  }

  private push(column: string, reason: string): void {
    const { file, sheet } = this.shape;
    this.issues.push({ file, sheet, row: this.tableRow.row, column, reason });
  }
}

/** The readers of a table's rows, given its layout. */
export function rowReaders<K extends string>(
  table: RegisterTable,
  columns: readonly ColumnSpec<K>[],
  layout: TableLayout<K>
): (tableRow: RegisterTableRow) => RowReader<K> {
  const names = new Map(columns.map((column) => [column.key, column.header]));
  const labels = new Map(
    columns.map((column) => {
      const index = layout.positions.get(column.key);
      return [column.key, index === undefined ? column.header : `${column.header} (${columnLetter(index)})`];
    })
  );
  const shape: TableShape<K> = { file: table.file, sheet: table.sheet, positions: layout.positions, names, labels };
  return (tableRow) => new TableRowReader(shape, tableRow);
}

/** Whether every cell of the row is empty (such rows are skipped without comment). */
export function isBlank(row: RegisterTableRow): boolean {
  return row.cells.every((cell) => cell === null);
}
