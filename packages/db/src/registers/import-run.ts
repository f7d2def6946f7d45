/**
 * The common course of a register import: read every row of every table, collect each row's issues,
 * catch duplicates within the files and against the database, then write in one transaction — nothing
 * when any row is bad ('all', the default), or only the good rows ('valid-only').
 */
import type { ImportIssue, ImportResult } from '@chp/core';
import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../connection.js';
import type { IdCipher } from '../health/id-cipher.js';
import { writeAudit } from '../access/audit.js';
import type { Actor } from '../access/audit.js';
import { orgUnit } from '../schema.js';
import type { RegisterTable } from './register-table.js';
import { isBlank, layoutOf, rowReaders } from './row-reader.js';
import type { ColumnSpec, RowReader } from './row-reader.js';

export type ImportMode = ImportResult['mode'];

export interface RegisterImportOptions {
  /** 'all' (default) writes nothing when any row is bad; 'valid-only' writes the good rows. */
  mode?: ImportMode;
  /** The installation's ID-number cipher, for the registers of persons (residents are found and stored by it). */
  idCipher?: IdCipher;
}

/** Imports a register's tables into the county's register (the signature every register import has). */
export type RegisterImport = (
  db: Db,
  actor: Actor,
  countyCode: string,
  tables: readonly RegisterTable[],
  options?: RegisterImportOptions
) => Promise<ImportResult>;

export interface ImportContext {
  countyCode: string;
  /** The county's org units (county, townships, villages) with their level and parent. */
  orgUnits: Map<string, { level: number; parentCode: string | null }>;
}

export interface RegisterSpec<K extends string, Row> {
  /** Table name, used for the audit entry ('<entity>.import'). */
  entity: string;
  columns: readonly ColumnSpec<K>[];
  /** The row's value, or null after recording issues on the reader. */
  parseRow(reader: RowReader<K>, context: ImportContext): Row | null;
  /** The natural key that may appear once per county, with the columns that hold it. */
  key: { columns: readonly K[]; of(row: Row): string; describe(row: Row): string };
  /** Which of these rows' keys the county already has in the database. */
  existingKeys(db: Db, countyCode: string, rows: Row[]): Promise<Set<string>>;
  insert(db: Db, countyCode: string, rows: Row[]): Promise<void>;
}

interface Parsed<K extends string, Row> {
  reader: RowReader<K>;
  table: RegisterTable;
  value: Row;
}

async function countyOrgUnits(db: Db, countyCode: string): Promise<ImportContext['orgUnits']> {
  const rows = await db
    .select({ code: orgUnit.code, level: orgUnit.level, parentCode: orgUnit.parentCode })
    .from(orgUnit)
    .where(and(eq(orgUnit.countyCode, countyCode), lte(orgUnit.level, 5)));
  return new Map(rows.map((row) => [row.code, { level: row.level, parentCode: row.parentCode }]));
}

function place(table: RegisterTable, row: number, other: RegisterTable): string {
  const same = table.file === other.file && table.sheet === other.sheet;
  return same ? `第${row}行` : ` ${table.file}${table.sheet ? ` 工作表“${table.sheet}”` : ' '}第${row}行`;
}

export async function importRegister<K extends string, Row>(
  db: Db,
  actor: Actor,
  countyCode: string,
  tables: readonly RegisterTable[],
  spec: RegisterSpec<K, Row>,
  options: RegisterImportOptions = {}
): Promise<ImportResult> {
  const mode = options.mode ?? 'all';
  return db.transaction(async (tx) => {
    const context: ImportContext = { countyCode, orgUnits: await countyOrgUnits(tx, countyCode) };
    const issues: ImportIssue[] = [];
    const parsed: Parsed<K, Row>[] = [];
    const firstOf = new Map<string, Parsed<K, Row>>();
    // Rows whose key occurs twice: which one is right is the user's call, so neither is written.
    const duplicated = new Set<Parsed<K, Row>>();
    let total = 0;

    for (const table of tables) {
      const layout = layoutOf(table, spec.columns);
      const rows = table.rows.filter((row) => !isBlank(row));
      total += rows.length;
      if (layout.issues.length > 0) {
        issues.push(...layout.issues);
        continue;
      }
      const readerOf = rowReaders(table, spec.columns, layout);
      for (const row of rows) {
        const reader = readerOf(row);
        const value = spec.parseRow(reader, context);
        if (value !== null && reader.issues.length === 0) {
          const entry = { reader, table, value };
          const key = spec.key.of(value);
          const first = firstOf.get(key);
          if (first === undefined) {
            firstOf.set(key, entry);
            parsed.push(entry);
          } else {
            reader.failColumns(
              spec.key.columns,
              `与${place(first.table, first.reader.row, table)}重复（${spec.key.describe(value)}），两行均未导入。`
            );
            duplicated.add(first);
          }
        }
        issues.push(...reader.issues);
      }
    }

    const candidates = parsed.filter((entry) => !duplicated.has(entry));
    const existing = await spec.existingKeys(
      tx,
      countyCode,
      candidates.map((entry) => entry.value)
    );
    const valid = candidates.filter((entry) => {
      if (!existing.has(spec.key.of(entry.value))) return true;
      entry.reader.failColumns(spec.key.columns, `${spec.key.describe(entry.value)}已在数据库中，不能重复导入。`);
      issues.push(...entry.reader.issues);
      return false;
    });
    issues.sort((a, b) => a.file.localeCompare(b.file) || a.sheet.localeCompare(b.sheet) || a.row - b.row);

    if (issues.length > 0 && mode === 'all') {
      return { mode, imported: 0, skipped: total, errors: issues };
    }
    await spec.insert(
      tx,
      countyCode,
      valid.map((entry) => entry.value)
    );
    if (valid.length > 0) {
      await writeAudit(tx, actor, {
        action: `${spec.entity}.import`,
        entity: spec.entity,
        entityId: null,
        countyCode,
        after: { files: tables.map((table) => table.file), imported: valid.length, skipped: total - valid.length },
      });
    }
    return { mode, imported: valid.length, skipped: total - valid.length, errors: issues };
  });
}

/**
 * The import of a register by its spec, or by a spec made for each import (e.g. with the county's
 * facilities, or the ID-number cipher of the options).
 */
export function registerImport<K extends string, Row>(
  spec:
    | RegisterSpec<K, Row>
    | ((db: Db, countyCode: string, options: RegisterImportOptions) => Promise<RegisterSpec<K, Row>>)
): RegisterImport {
  return async (db, actor, countyCode, tables, options = {}) => {
    const made = typeof spec === 'function' ? await spec(db, countyCode, options) : spec;
    return importRegister(db, actor, countyCode, tables, made, options);
  };
}

/** The township (or the county itself) a record belongs to; a village is named with its township. */
export function orgUnitField<K extends string>(reader: RowReader<K>, key: K, context: ImportContext): string | null {
  const code = reader.text(key);
  if (code === null) return reader.fail(key, `缺少${reader.name(key)}。`);
  const unit = context.orgUnits.get(code);
  if (unit?.level === 3 || unit?.level === 4) return code;
  if (unit?.level === 5) {
    return reader.fail(
      key,
      `${reader.name(key)}“${code}”是村（居）级编码，请填写其所属乡镇（街道）编码 ${unit.parentCode ?? ''}。`
    );
  }
  return reader.fail(key, `${reader.name(key)}“${code}”不是本县（区）${context.countyCode} 的乡镇（街道）或县级编码。`);
}
