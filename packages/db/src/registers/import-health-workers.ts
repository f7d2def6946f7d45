/** Import of the workforce register (卫生人员): one row per person and employment spell at a facility. */
import { KNOWN_SEXES } from '@chp/core';
import { healthWorker } from '../schema.js';
import {
  FACILITY_REF_COLUMN,
  facilityField,
  facilityKeyedRegister,
  facilityRegisterImport,
  facilityYearProblem,
} from './facility-refs.js';
import type { FacilityLookup } from './facility-refs.js';
import { codeField, codeListField, textField, yearField } from './fields.js';
import { birthYearProblem, employmentEndProblem } from './health-workers.js';
import type { HealthWorkerInput } from './health-workers.js';
import type { RegisterImport, RegisterSpec } from './import-run.js';
import { QUALIFICATIONS } from './qualifications.js';
import type { ColumnSpec } from './row-reader.js';

type WorkerColumn =
  'personRef' | 'facilityRef' | 'sex' | 'birthYear' | 'qualifications' | 'employedFrom' | 'employedTo';

export const HEALTH_WORKER_COLUMNS: readonly ColumnSpec<WorkerColumn>[] = [
  { key: 'personRef', header: '人员编号', required: true },
  FACILITY_REF_COLUMN,
  { key: 'sex', header: '性别', required: true },
  { key: 'birthYear', header: '出生年份', required: false },
  { key: 'qualifications', header: '资质', required: false },
  { key: 'employedFrom', header: '入职年份', required: true },
  { key: 'employedTo', header: '离职年份', required: false },
];

interface WorkerRow extends HealthWorkerInput {
  facilityRef: string;
}

function workerSpec(facilities: FacilityLookup): RegisterSpec<WorkerColumn, WorkerRow> {
  return {
    entity: 'health_worker',
    columns: HEALTH_WORKER_COLUMNS,
    parseRow: (reader) => {
      const personRef = textField(reader, 'personRef');
      const named = facilityField(reader, 'facilityRef', facilities);
      const sex = codeField(reader, 'sex', KNOWN_SEXES);
      const birthYear = yearField(reader, 'birthYear', { required: false });
      const qualifications = codeListField(reader, 'qualifications', QUALIFICATIONS);
      let employedFrom = yearField(reader, 'employedFrom');
      const employedTo = yearField(reader, 'employedTo', { required: false });
      const lifetime = named === null || employedFrom === null ? null : facilityYearProblem(named, employedFrom);
      if (lifetime !== null) employedFrom = reader.fail('employedFrom', lifetime);
      if (employedFrom !== null) {
        const born = birthYear === null ? null : birthYearProblem(birthYear, employedFrom);
        if (born !== null) reader.fail('birthYear', `${born}。`);
        const left = employmentEndProblem(employedFrom, employedTo);
        if (left !== null) reader.fail('employedTo', `${left}。`);
      }
      // A bad optional cell (出生年份, 离职年份) has recorded an issue, so the runner drops the row anyway.
      if (personRef === null || named === null || sex === null || qualifications === null) return null;
      if (employedFrom === null) return null;
      const facilityId = named.facility.id;
      return {
        personRef,
        facilityRef: named.ref,
        facilityId,
        sex,
        birthYear,
        qualifications,
        employedFrom,
        employedTo,
      };
    },
    ...facilityKeyedRegister(healthWorker, {
      fields: ['personRef', 'facilityId', 'employedFrom'],
      columns: ['personRef', 'facilityRef', 'employedFrom'],
      describe: (row) => `人员编号“${row.personRef}”${row.employedFrom}年入职机构编号“${row.facilityRef}”的任职记录`,
    }),
  };
}

/**
 * Imports employment spells from tables with the columns of HEALTH_WORKER_COLUMNS. Each row's facility
 * must already be in the county's register; a spell the register already has (same person, facility and
 * 入职年份) is refused.
 */
export const importHealthWorkers: RegisterImport = facilityRegisterImport(workerSpec);
