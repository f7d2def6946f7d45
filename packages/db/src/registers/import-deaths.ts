/** Import of deaths (死亡登记): one row per death, identified by the source system's number. */
import { KNOWN_SEXES, completedYears } from '@chp/core';
import type { KnownSex } from '@chp/core';
import { death } from '../schema.js';
import { booleanField, codeField, dateField, icd10Field, integerField, textField } from './fields.js';
import { orgUnitField, registerImport } from './import-run.js';
import type { RegisterImport, RegisterSpec } from './import-run.js';
import type { ColumnSpec, RowReader } from './row-reader.js';
import { sourceRefRegister } from './source-refs.js';
import { DEATH_PLACES, MAX_AGE } from './vital-codes.js';
import type { DeathPlace } from './vital-codes.js';

type DeathColumn =
  | 'sourceRef'
  | 'orgUnitCode'
  | 'deathDate'
  | 'birthDate'
  | 'ageYears'
  | 'sex'
  | 'underlyingCauseIcd10'
  | 'maternal'
  | 'place';

export const DEATH_COLUMNS: readonly ColumnSpec<DeathColumn>[] = [
  { key: 'sourceRef', header: '来源编号', required: true },
  { key: 'orgUnitCode', header: '机构编码', required: true },
  { key: 'deathDate', header: '死亡日期', required: true },
  { key: 'birthDate', header: '出生日期', required: false },
  { key: 'ageYears', header: '年龄', required: false },
  { key: 'sex', header: '性别', required: true },
  { key: 'underlyingCauseIcd10', header: '根本死因编码', required: true },
  { key: 'maternal', header: '孕产妇死亡', required: false },
  { key: 'place', header: '死亡地点', required: false },
];

export interface DeathRow {
  sourceRef: string;
  orgUnitCode: string;
  deathDate: string;
  birthDate: string | null;
  ageYears: number;
  sex: KnownSex;
  underlyingCauseIcd10: string;
  maternal: boolean;
  place: DeathPlace;
}

/** The age at death: from the dates when the birth date is known (checked against a stated age), else as stated. */
function ageAtDeath(reader: RowReader<DeathColumn>, deathDate: string | null, birthDate: string | null): number | null {
  const stated = integerField(reader, 'ageYears', { min: 0, max: MAX_AGE, unit: '岁' }, { required: false });
  if (deathDate === null || birthDate === null) {
    if (stated === null && reader.text('ageYears') === null && reader.text('birthDate') === null) {
      return reader.fail('ageYears', '缺少年龄：未填写出生日期时必须填写年龄。');
    }
    return stated;
  }
  if (deathDate < birthDate) {
    return reader.fail('deathDate', `死亡日期 ${deathDate} 早于出生日期 ${birthDate}。`);
  }
  const derived = completedYears(birthDate, deathDate);
  if (derived > MAX_AGE) {
    return reader.fail('birthDate', `按出生日期 ${birthDate} 推算的死亡年龄 ${derived} 岁超出范围（0—${MAX_AGE}岁）。`);
  }
  if (stated !== null && stated !== derived) {
    return reader.fail('ageYears', `年龄 ${stated} 与出生日期、死亡日期推算的周岁 ${derived} 不符。`);
  }
  return derived;
}

const deathSpec: RegisterSpec<DeathColumn, DeathRow> = {
  entity: 'death',
  columns: DEATH_COLUMNS,
  parseRow: (reader, context) => {
    const sourceRef = textField(reader, 'sourceRef');
    const orgUnitCode = orgUnitField(reader, 'orgUnitCode', context);
    const deathDate = dateField(reader, 'deathDate');
    const birthDate = dateField(reader, 'birthDate', { required: false });
    const ageYears = ageAtDeath(reader, deathDate, birthDate);
    const sex = codeField(reader, 'sex', KNOWN_SEXES);
    const underlyingCauseIcd10 = icd10Field(reader, 'underlyingCauseIcd10');
    let maternal = booleanField(reader, 'maternal');
    if (maternal === true && sex === '1') {
      maternal = reader.fail('maternal', '性别为男，不能标记为孕产妇死亡。');
    }
    const place = codeField(reader, 'place', DEATH_PLACES, { required: false }) ?? 'unknown';
    if (reader.issues.length > 0 || sourceRef === null || orgUnitCode === null || deathDate === null) return null;
    if (ageYears === null || sex === null || underlyingCauseIcd10 === null || maternal === null) return null;
    return { sourceRef, orgUnitCode, deathDate, birthDate, ageYears, sex, underlyingCauseIcd10, maternal, place };
  },
  ...sourceRefRegister<typeof death, DeathRow>(death),
};

/** Imports deaths from tables with the columns of DEATH_COLUMNS. */
export const importDeaths: RegisterImport = registerImport(deathSpec);
