/** Import of childcare places (托位): one row per facility and year, with the 普惠 places among them. */
import { childcarePlaces } from '../schema.js';
import { inclusivePlacesProblem } from './facility-counts.js';
import type { ChildcarePlacesInput } from './facility-counts.js';
import {
  FACILITY_REF_COLUMN,
  facilityField,
  facilityKeyedRegister,
  facilityRegisterImport,
  facilityYearProblem,
} from './facility-refs.js';
import type { FacilityLookup } from './facility-refs.js';
import { integerField, yearField } from './fields.js';
import type { RegisterImport, RegisterSpec } from './import-run.js';
import type { ColumnSpec } from './row-reader.js';

type ChildcareColumn = 'facilityRef' | 'year' | 'places' | 'inclusivePlaces';

export const CHILDCARE_PLACES_COLUMNS: readonly ColumnSpec<ChildcareColumn>[] = [
  FACILITY_REF_COLUMN,
  { key: 'year', header: '年份', required: true },
  { key: 'places', header: '托位', required: true },
  { key: 'inclusivePlaces', header: '普惠托位', required: true },
];

interface ChildcareRow extends ChildcarePlacesInput {
  facilityRef: string;
}

const PLACES = { min: 0, max: 100_000, unit: '个' };

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
    ...facilityKeyedRegister(childcarePlaces, {
      fields: ['facilityId', 'year'],
      columns: ['facilityRef', 'year'],
      describe: (row) => `机构编号“${row.facilityRef}”${row.year}年的托位数`,
    }),
  };
}

/**
 * Imports childcare places from tables with the columns of CHILDCARE_PLACES_COLUMNS. Each row's facility
 * must already be in the county's register; a year the register already has for the facility is refused
 * (saveChildcarePlaces corrects one).
 */
export const importChildcarePlaces: RegisterImport = facilityRegisterImport(childcareSpec);
