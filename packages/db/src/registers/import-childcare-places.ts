/** Import of childcare places (托位): one row per facility and year, with the 普惠 places among them. */
import type { ImportResult } from '@chp/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../connection.js';
import type { Actor } from '../access/audit.js';
import { childcarePlaces } from '../schema.js';
import { facilitiesByRef } from './facilities.js';
import { inclusivePlacesProblem } from './facility-counts.js';
import type { ChildcarePlacesInput } from './facility-counts.js';
import { facilityField, facilityYearProblem, insertNamingFacilities, rowsOfFacilities } from './facility-refs.js';
import type { FacilityLookup } from './facility-refs.js';
import { integerField, yearField } from './fields.js';
import { importRegister } from './import-run.js';
import type { RegisterImportOptions, RegisterSpec } from './import-run.js';
import type { RegisterTable } from './register-table.js';
import type { ColumnSpec } from './row-reader.js';

type ChildcareColumn = 'facilityRef' | 'year' | 'places' | 'inclusivePlaces';

export const CHILDCARE_PLACES_COLUMNS: readonly ColumnSpec<ChildcareColumn>[] = [
  { key: 'facilityRef', header: '机构编号', required: true },
  { key: 'year', header: '年份', required: true },
  { key: 'places', header: '托位', required: true },
  { key: 'inclusivePlaces', header: '普惠托位', required: true },
];

interface ChildcareRow extends ChildcarePlacesInput {
  facilityRef: string;
}

const PLACES = { min: 0, max: 100_000, unit: '个' };

const keyOf = (row: Pick<ChildcareRow, 'facilityId' | 'year'>): string => `${row.facilityId}|${row.year}`;

function childcareSpec(facilities: FacilityLookup): RegisterSpec<ChildcareColumn, ChildcareRow> {
  return {
    entity: 'childcare_places',
    columns: CHILDCARE_PLACES_COLUMNS,
    parseRow: (reader) => {
      const named = facilityField(reader, 'facilityRef', facilities);
      let year = yearField(reader, 'year');
      const places = integerField(reader, 'places', PLACES);
      let inclusivePlaces = integerField(reader, 'inclusivePlaces', PLACES);
      const lifetime = named === null || year === null ? null : facilityYearProblem(named, year);
      if (lifetime !== null) year = reader.fail('year', lifetime);
      const inclusive =
        places === null || inclusivePlaces === null ? null : inclusivePlacesProblem(places, inclusivePlaces);
      if (inclusive !== null) inclusivePlaces = reader.fail('inclusivePlaces', `${inclusive}。`);
      if (named === null || year === null || places === null || inclusivePlaces === null) return null;
      return { facilityRef: named.ref, facilityId: named.facility.id, year, places, inclusivePlaces };
    },
    key: {
      columns: ['facilityRef', 'year'],
      of: keyOf,
      describe: (row) => `机构编号“${row.facilityRef}”${row.year}年的托位数`,
    },
    existingKeys: async (db, countyCode, rows) => {
      const found = await rowsOfFacilities(rows, (ids) =>
        db
          .select({ facilityId: childcarePlaces.facilityId, year: childcarePlaces.year })
          .from(childcarePlaces)
          .where(and(eq(childcarePlaces.countyCode, countyCode), inArray(childcarePlaces.facilityId, ids)))
      );
      return new Set(found.map(keyOf));
    },
    insert: (db, countyCode, rows) =>
      insertNamingFacilities(rows, countyCode, (batch) => db.insert(childcarePlaces).values(batch)),
  };
}

/**
 * Imports childcare places from tables with the columns of CHILDCARE_PLACES_COLUMNS. Each row's facility
 * must already be in the county's register; a year the register already has for the facility is refused
 * (saveChildcarePlaces corrects one).
 */
export async function importChildcarePlaces(
  db: Db,
  actor: Actor,
  countyCode: string,
  tables: readonly RegisterTable[],
  options: RegisterImportOptions = {}
): Promise<ImportResult> {
  return importRegister(db, actor, countyCode, tables, childcareSpec(await facilitiesByRef(db, countyCode)), options);
}
