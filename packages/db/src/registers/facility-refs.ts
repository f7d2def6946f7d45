/**
 * What the imports of beds, health workers and childcare places share: each row names its facility by
 * 机构编号, which must be a facility the county already has in the database. The 机构 file is imported
 * first, as an import of its own, so a facility is checked once and has its id before counts refer to it.
 */
import { batches } from '../org-units/upsert.js';
import type { FacilityRef } from './facilities.js';
import type { RowReader } from './row-reader.js';

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

/** What `query` returns for the facilities these rows name, asked in chunks of bind parameters. */
export async function rowsOfFacilities<T>(
  rows: readonly { facilityId: number }[],
  query: (facilityIds: number[]) => Promise<T[]>
): Promise<T[]> {
  const ids = [...new Set(rows.map((row) => row.facilityId))];
  const found: T[] = [];
  for (const chunk of batches(ids, 5000)) found.push(...(await query(chunk)));
  return found;
}

/** Inserts rows in batches, with the county and without the 机构编号 they were read with. */
export async function insertNamingFacilities<Row extends { facilityRef: string }>(
  rows: readonly Row[],
  countyCode: string,
  insertBatch: (batch: (Omit<Row, 'facilityRef'> & { countyCode: string })[]) => Promise<unknown>
): Promise<void> {
  for (const batch of batches(rows)) {
    await insertBatch(batch.map(({ facilityRef: _ref, ...row }) => ({ ...row, countyCode })));
  }
}
