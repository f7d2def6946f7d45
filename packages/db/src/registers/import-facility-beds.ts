/** Import of beds (床位): one row per facility, year and department, with 编制 and 实有 beds. */
import { facilityBeds } from '../schema.js';
import { BED_DEPARTMENTS } from './bed-departments.js';
import type { FacilityBedsInput } from './facility-counts.js';
import {
  FACILITY_REF_COLUMN,
  facilityField,
  facilityKeyedRegister,
  facilityRegisterImport,
  facilityYearProblem,
} from './facility-refs.js';
import type { FacilityLookup } from './facility-refs.js';
import { codeField, integerField, yearField } from './fields.js';
import type { RegisterImport, RegisterSpec } from './import-run.js';
import type { ColumnSpec } from './row-reader.js';

type BedsColumn = 'facilityRef' | 'year' | 'department' | 'approved' | 'actual';

export const FACILITY_BEDS_COLUMNS: readonly ColumnSpec<BedsColumn>[] = [
  FACILITY_REF_COLUMN,
  { key: 'year', header: '年份', required: true },
  { key: 'department', header: '科室', required: true },
  { key: 'approved', header: '编制床位', required: true },
  { key: 'actual', header: '实有床位', required: true },
];

interface BedsRow extends FacilityBedsInput {
  facilityRef: string;
}

const BEDS = { min: 0, max: 100_000, unit: '张' };

function bedsSpec(facilities: FacilityLookup): RegisterSpec<BedsColumn, BedsRow> {
  return {
    entity: 'facility_beds',
    columns: FACILITY_BEDS_COLUMNS,
    parseRow: (reader) => {
      const named = facilityField(reader, 'facilityRef', facilities);
      let year = yearField(reader, 'year');
      const department = codeField(reader, 'department', BED_DEPARTMENTS);
      const approved = integerField(reader, 'approved', BEDS, { required: false });
      const actual = integerField(reader, 'actual', BEDS, { required: false });
      const lifetime = named === null || year === null ? null : facilityYearProblem(named, year);
      if (lifetime !== null) year = reader.fail('year', lifetime);
      if (reader.text('approved') === null && reader.text('actual') === null) {
        reader.failColumns(['approved', 'actual'], '编制床位和实有床位至少填写一项。');
      }
      if (named === null || year === null || department === null) return null;
      return { facilityRef: named.ref, facilityId: named.facility.id, year, department, approved, actual };
    },
    ...facilityKeyedRegister(facilityBeds, {
      fields: ['facilityId', 'year', 'department'],
      columns: ['facilityRef', 'year', 'department'],
      describe: (row) =>
        `机构编号“${row.facilityRef}”${row.year}年${BED_DEPARTMENTS.find((d) => d.code === row.department)?.name ?? ''}的床位数`,
    }),
  };
}

/**
 * Imports beds from tables with the columns of FACILITY_BEDS_COLUMNS. Each row's facility must already be
 * in the county's register; a count the register already has for the facility, year and department is
 * refused (saveFacilityBeds corrects one).
 */
export const importFacilityBeds: RegisterImport = facilityRegisterImport(bedsSpec);
