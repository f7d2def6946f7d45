/**
 * What the imports of beds, health workers and childcare places share: each row names its facility by
 * 机构编号, which must be a facility the county already has in the database. The 机构 file is imported
 * first, as an import of its own, so a facility is checked once and has its id before counts refer to it.
 */
import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { batches } from '../org-units/upsert.js';
import type { childcarePlaces, facilityBeds, healthWorker } from '../schema.js';
import { facilitiesByRef } from './facilities.js';
import type { FacilityRef } from './facilities.js';
import { registerImport } from './import-run.js';
import type { RegisterImport, RegisterSpec } from './import-run.js';
import type { ColumnSpec, RowReader } from './row-reader.js';

type FacilityKeyedTable = typeof facilityBeds | typeof healthWorker | typeof childcarePlaces;

/** The file's column naming each row's facility. */
export const FACILITY_REF_COLUMN: ColumnSpec<'facilityRef'> = {
  key: 'facilityRef',
  header: '机构编号',
  required: true,
};

/** The county's facilities by 机构编号 (see facilitiesByRef). */
export type FacilityLookup = ReadonlyMap<string, FacilityRef>;

export interface NamedFacility {
  /** The 机构编号 as the row gives it. */
  ref: string;
  facility: FacilityRef;
}

/** The facility the row names, or null after recording that the county has none with that 机构编号. */
export function facilityField<K extends string>(
  reader: RowReader<K>,
  key: K,
  facilities: FacilityLookup
): NamedFacility | null {
  const ref = reader.text(key);
  if (ref === null) return reader.fail(key, `缺少${reader.name(key)}。`);
  const facility = facilities.get(ref);
  if (facility === undefined) {
    return reader.fail(key, `${reader.name(key)}“${ref}”不是本县（区）已登记的机构，请先导入机构名录。`);
  }
  return { ref, facility };
}

/** A yearly count belongs to a year the facility existed in (设立年份 to 撤销年份). */
export function facilityYearProblem(named: NamedFacility, year: number): string | null {
  const { validFrom, validTo } = named.facility;
  if (year < validFrom) return `机构“${named.ref}”${year}年尚未设立（设立年份 ${validFrom}）。`;
  if (validTo !== null && year > validTo)
    return `机构“${named.ref}”已于 ${validTo} 年撤销，不能登记 ${year} 年的数据。`;
  return null;
}

/** The import of a register whose rows name facilities: its spec is made with the county's facilities. */
export function facilityRegisterImport<K extends string, Row>(
  specOf: (facilities: FacilityLookup) => RegisterSpec<K, Row>
): RegisterImport {
  return registerImport(async (db, countyCode) => specOf(await facilitiesByRef(db, countyCode)));
}

/**
 * What the registers keyed by facility share (beds, health workers, childcare places): the key `fields` may
 * occur once per county, looked up among the rows of the facilities named, and rows are inserted with the
 * county and without their 机构编号. `columns` are the file's columns that hold the key.
 */
export function facilityKeyedRegister<
  K extends string,
  T extends FacilityKeyedTable,
  Row extends { facilityRef: string; facilityId: number } & Omit<T['$inferInsert'], 'countyCode'>,
>(
  table: T,
  key: {
    fields: readonly (keyof Row & keyof T['$inferSelect'] & string)[];
    columns: readonly K[];
    describe: (row: Row) => string;
  }
): Pick<RegisterSpec<K, Row>, 'key' | 'existingKeys' | 'insert'> {
  type Field = (typeof key.fields)[number];
  const keyOf = (row: Readonly<Record<Field, unknown>>): string =>
    key.fields.map((field) => String(row[field])).join('|');
  const columns: Record<string, PgColumn> = getTableColumns(table);
  const selection = Object.fromEntries(key.fields.map((field) => [field, columns[field] as PgColumn]));
  return {
    key: { columns: key.columns, of: keyOf, describe: key.describe },
    existingKeys: async (db, countyCode, rows) => {
      const found = await rowsOfFacilities(rows, (ids) =>
        db
          .select(selection)
          .from(table as PgTable)
          .where(and(eq(table.countyCode, countyCode), inArray(table.facilityId, ids)))
      );
      // The selection is built from `fields`, which TypeScript cannot follow to the rows' type.
      return new Set((found as unknown as Record<Field, unknown>[]).map(keyOf));
    },
    insert: (db, countyCode, rows) =>
      // A batch is T's insert shape (Row's constraint), which TypeScript cannot add up itself.
      insertNamingFacilities(rows, countyCode, (batch) => db.insert(table as PgTable).values(batch)),
  };
}

/** What `query` returns for the facilities these rows name, asked in chunks of bind parameters. */
async function rowsOfFacilities<T>(
  rows: readonly { facilityId: number }[],
  query: (facilityIds: number[]) => Promise<T[]>
): Promise<T[]> {
  const ids = [...new Set(rows.map((row) => row.facilityId))];
  const found: T[] = [];
  for (const chunk of batches(ids, 5000)) found.push(...(await query(chunk)));
  return found;
}

/** Inserts rows in batches, with the county and without the 机构编号 they were read with. */
async function insertNamingFacilities<Row extends { facilityRef: string }>(
  rows: readonly Row[],
  countyCode: string,
  insertBatch: (batch: (Omit<Row, 'facilityRef'> & { countyCode: string })[]) => Promise<unknown>
): Promise<void> {
  for (const batch of batches(rows)) {
    await insertBatch(batch.map(({ facilityRef: _ref, ...row }) => ({ ...row, countyCode })));
  }
}
