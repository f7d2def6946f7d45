/** Import of live births (出生登记): one row per live birth, identified by the source system's number. */
import { KNOWN_SEXES } from '@chp/core';
import type { KnownSex } from '@chp/core';
import { liveBirth } from '../schema.js';
import { codeField, dateField, integerField, textField } from './fields.js';
import { orgUnitField, registerImport } from './import-run.js';
import type { RegisterImport, RegisterSpec } from './import-run.js';
import type { ColumnSpec } from './row-reader.js';
import { sourceRefRegister } from './source-refs.js';

type BirthColumn = 'sourceRef' | 'orgUnitCode' | 'birthDate' | 'sex' | 'birthWeightG' | 'motherAge';

export const BIRTH_COLUMNS: readonly ColumnSpec<BirthColumn>[] = [
  { key: 'sourceRef', header: '来源编号', required: true },
  { key: 'orgUnitCode', header: '机构编码', required: true },
  { key: 'birthDate', header: '出生日期', required: true },
  { key: 'sex', header: '性别', required: true },
  { key: 'birthWeightG', header: '出生体重（克）', required: false },
  { key: 'motherAge', header: '母亲年龄', required: false },
];

export interface BirthRow {
  sourceRef: string;
  orgUnitCode: string;
  birthDate: string;
  sex: KnownSex;
  birthWeightG: number | null;
  motherAge: number | null;
}

const birthSpec: RegisterSpec<BirthColumn, BirthRow> = {
  entity: 'live_birth',
  columns: BIRTH_COLUMNS,
  parseRow: (reader, context) => {
    const sourceRef = textField(reader, 'sourceRef');
    const orgUnitCode = orgUnitField(reader, 'orgUnitCode', context);
    const birthDate = dateField(reader, 'birthDate');
    const sex = codeField(reader, 'sex', KNOWN_SEXES);
    const birthWeightG = integerField(reader, 'birthWeightG', { min: 200, max: 7000, unit: '克' }, { required: false });
    const motherAge = integerField(reader, 'motherAge', { min: 10, max: 60, unit: '岁' }, { required: false });
    if (sourceRef === null || orgUnitCode === null || birthDate === null || sex === null) return null;
    return { sourceRef, orgUnitCode, birthDate, sex, birthWeightG, motherAge };
  },
  ...sourceRefRegister<typeof liveBirth, BirthRow>(liveBirth),
};

/** Imports live births from tables with the columns of BIRTH_COLUMNS. */
export const importBirths: RegisterImport = registerImport(birthSpec);
