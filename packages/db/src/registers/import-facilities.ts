/** Import of the facility register (机构名录): one row per health facility or childcare institution. */
import { facility } from '../schema.js';
import { closingYearProblem } from './facilities.js';
import type { FacilityInput } from './facilities.js';
import { FACILITY_GRADES, FACILITY_TYPES, OWNERSHIPS } from './facility-types.js';
import { codeField, textField, yearField } from './fields.js';
import { orgUnitField, registerImport } from './import-run.js';
import type { RegisterImport, RegisterSpec } from './import-run.js';
import type { ColumnSpec } from './row-reader.js';
import { sourceRefRegister } from './source-refs.js';

type FacilityColumn = keyof FacilityInput;

export const FACILITY_COLUMNS: readonly ColumnSpec<FacilityColumn>[] = [
  { key: 'sourceRef', header: '机构编号', required: true },
  { key: 'name', header: '机构名称', required: true },
  { key: 'facilityType', header: '机构类型', required: true },
  { key: 'grade', header: '医院等级', required: false },
  { key: 'ownership', header: '所有制', required: true },
  { key: 'orgUnitCode', header: '区划编码', required: true },
  { key: 'consortium', header: '所属医共体', required: false },
  { key: 'validFrom', header: '设立年份', required: true },
  { key: 'validTo', header: '撤销年份', required: false },
];

/** Some county hospitals go back to the nineteenth century. */
const EARLIEST_FOUNDING = 1800;

const facilitySpec: RegisterSpec<FacilityColumn, FacilityInput> = {
  entity: 'facility',
  columns: FACILITY_COLUMNS,
  parseRow: (reader, context) => {
    const sourceRef = textField(reader, 'sourceRef');
    const name = textField(reader, 'name');
    const facilityType = codeField(reader, 'facilityType', FACILITY_TYPES);
    const grade = codeField(reader, 'grade', FACILITY_GRADES, { required: false });
    const ownership = codeField(reader, 'ownership', OWNERSHIPS);
    const orgUnitCode = orgUnitField(reader, 'orgUnitCode', context);
    const consortium = textField(reader, 'consortium', { required: false });
    const validFrom = yearField(reader, 'validFrom', { min: EARLIEST_FOUNDING });
    let validTo = yearField(reader, 'validTo', { min: EARLIEST_FOUNDING, required: false });
    const closing = validFrom === null ? null : closingYearProblem(validFrom, validTo);
    if (closing !== null) validTo = reader.fail('validTo', `${closing}。`);
    // A bad optional cell (医院等级, 撤销年份) has recorded an issue, so the runner drops the row anyway.
    if (sourceRef === null || name === null || facilityType === null || ownership === null) return null;
    if (orgUnitCode === null || validFrom === null) return null;
    return { sourceRef, name, facilityType, grade, ownership, orgUnitCode, consortium, validFrom, validTo };
  },
  ...sourceRefRegister<typeof facility, FacilityInput>(facility, '机构编号'),
};

/** Imports facilities from tables with the columns of FACILITY_COLUMNS. */
export const importFacilities: RegisterImport = registerImport(facilitySpec);
