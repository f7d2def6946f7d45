/**
 * `generateHealthRecordsDemo`: the synthetic county's individual residents with their health records,
 * programmes and family-doctor contracts, written in one transaction (issue 4, item 7). The residents are
 * drawn from the county's population register for the last year (cells.ts), so the index agrees with the
 * register's 常住 figures at the same scale; the same seed gives the same records.
 */
import { count, eq, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { queryRows } from '../../connection.js';
import type { Db } from '../../connection.js';
import type { IdCipher } from '../../health/id-cipher.js';
import { insertRows } from '../../registers/bulk-insert.js';
import { resident } from '../../schema.js';
import { deriveSeed, mulberry32 } from '../random.js';
import { cellTotal, modelResidentCells, readResidentCells, scaleCells } from './cells.js';
import { loadHealthCounty } from './county.js';
import { healthRecordBatches } from './produce.js';
import { HEALTH_TABLES, HEALTH_TABLE_NAMES, ID_TABLES, appendRows, emptyBatch } from './rows.js';
import type { HealthRowBatch, HealthTableName, IdBases, IdTable } from './rows.js';

export interface HealthRecordsDemoOptions {
  countyCode: string;
  /** Residents living in the county at the end of the last year (those who died or left come on top). */
  residents: number;
  seed: number;
  /** The years of records; the residents are those of the last year's population. */
  years: { from: number; to: number };
  idCipher: IdCipher;
}

/** Rows written per table. */
export type HealthRecordCounts = Record<HealthTableName, number>;

/** Writes one table's rows; the JSON bulk insert by default, COPY in a benchmark. */
export type HealthRowWriter = <K extends HealthTableName>(db: Db, table: K, rows: HealthRowBatch[K]) => Promise<void>;

/** Thrown for options that cannot be generated and for a county that is not ready; messages in Chinese. */
export class HealthRecordsDemoError extends Error {}

/** Rows a table collects before they are written. */
const FLUSH_ROWS = 5000;

export const bulkInsertWriter: HealthRowWriter = async (db, table, rows) => {
  await insertRows(db, HEALTH_TABLES[table], rows);
};

function checkOptions(options: HealthRecordsDemoOptions): void {
  const { residents, seed, years } = options;
  if (!Number.isInteger(residents) || residents < 1 || residents > 10_000_000) {
    throw new HealthRecordsDemoError(`居民人数“${String(residents)}”无效：应为 1 至 10000000 之间的整数`);
  }
  if (!Number.isInteger(seed)) throw new HealthRecordsDemoError(`随机种子“${String(seed)}”无效：应为整数`);
  if (
    !Number.isInteger(years.from) ||
    !Number.isInteger(years.to) ||
    years.from > years.to ||
    years.from < 1950 ||
    years.to > 2100
  ) {
    throw new HealthRecordsDemoError(
      `年份范围 ${String(years.from)}–${String(years.to)} 无效：应在 1950–2100 年之间，起始年份不应晚于结束年份`
    );
  }
}

function sequenceOf(table: IdTable): string {
  return `pg_get_serial_sequence('${getTableConfig(HEALTH_TABLES[table]).name}', 'id')`;
}

/**
 * The first id of each table the rows carry ids for. The tables are locked against other writers until the
 * transaction ends, so nobody takes an id from under the generator; the sequences are moved past the ids
 * used afterwards (advanceSequences).
 */
async function reserveIds(db: Db): Promise<IdBases> {
  const names = ID_TABLES.map((table) => getTableConfig(HEALTH_TABLES[table]).name).join(', ');
  await db.execute(sql.raw(`lock table ${names} in exclusive mode`));
  const bases = {} as IdBases;
  for (const table of ID_TABLES) {
    const [row] = await queryRows<{ id: string | number }>(db, sql.raw(`select nextval(${sequenceOf(table)}) as id`));
    bases[table] = Number(row?.id);
  }
  return bases;
}

async function advanceSequences(db: Db, bases: IdBases, lastIds: Partial<Record<IdTable, number>>): Promise<void> {
  for (const table of ID_TABLES) {
    const last = Math.max(bases[table], lastIds[table] ?? 0);
    await db.execute(sql.raw(`select setval(${sequenceOf(table)}, ${String(last)})`));
  }
}

export async function generateHealthRecordsDemo(
  db: Db,
  options: HealthRecordsDemoOptions,
  writer: HealthRowWriter = bulkInsertWriter
): Promise<HealthRecordCounts> {
  checkOptions(options);
  const { countyCode, seed, years } = options;
  const county = await loadHealthCounty(db, countyCode);
  if (county === null) {
    throw new HealthRecordsDemoError(`县（区）${countyCode} 尚未载入乡镇（街道），请先添加该县（区）`);
  }
  const counts = await db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(resident).where(eq(resident.countyCode, countyCode));
    if ((existing?.n ?? 0) > 0) {
      throw new HealthRecordsDemoError(`县（区）${countyCode} 已有居民健康档案，演示档案只能生成到空的档案库中`);
    }
    const registered = await readResidentCells(tx, countyCode, years.to);
    const cells =
      cellTotal(registered) > 0
        ? registered
        : modelResidentCells(
            mulberry32(deriveSeed(seed, `health:${countyCode}:cells`)),
            countyCode,
            county.townships,
            options.residents,
            years.to
          );
    const idBases = await reserveIds(tx);
    const plan = {
      county,
      cells: scaleCells(cells, options.residents),
      seed,
      years,
      idCipher: options.idCipher,
      idBases,
    };
    const counts = Object.fromEntries(HEALTH_TABLE_NAMES.map((name) => [name, 0])) as HealthRecordCounts;
    const lastIds: Partial<Record<IdTable, number>> = {};
    const pending = emptyBatch();
    const flush = async (name: HealthTableName, least: number): Promise<void> => {
      const rows = pending[name];
      if (rows.length === 0 || rows.length < least) return;
      pending[name] = [];
      await writer(tx, name, rows);
      counts[name] += rows.length;
    };
    for (const batch of healthRecordBatches(plan)) {
      for (const table of ID_TABLES) lastIds[table] = batch[table].at(-1)?.id ?? lastIds[table];
      for (const name of HEALTH_TABLE_NAMES) {
        appendRows(pending, batch, name);
        await flush(name, FLUSH_ROWS);
      }
    }
    for (const name of HEALTH_TABLE_NAMES) await flush(name, 0);
    await advanceSequences(tx, idBases, lastIds);
    return counts;
  });
  // Fresh statistics, or the planner misjudges the new rows badly: PGlite has no autovacuum, and on
  // PostgreSQL it may come late (the service indicators on the default demo took a minute instead of 0.5 s).
  const tables = HEALTH_TABLE_NAMES.map((name) => getTableConfig(HEALTH_TABLES[name]).name).join(', ');
  await db.execute(sql.raw(`analyze ${tables}`));
  return counts;
}
