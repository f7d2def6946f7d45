/**
 * The rows the generator produces, table by table, in batches that a writer inserts in this order. Rows
 * that others refer to carry their id, assigned from counters that start at ids reserved in the database,
 * so a batch can be written by any writer (the JSON bulk insert here, COPY in a benchmark).
 */
import {
  diagnosis,
  encounter,
  familyDoctorContract,
  familyDoctorTeam,
  familyDoctorTeamMember,
  followUp,
  household,
  observation,
  prescription,
  programEnrolment,
  resident,
  residentFlag,
  servicePackage,
  vaccination,
} from '../../schema.js';

export const HEALTH_TABLES = {
  servicePackage,
  familyDoctorTeam,
  familyDoctorTeamMember,
  household,
  resident,
  residentFlag,
  programEnrolment,
  followUp,
  vaccination,
  encounter,
  diagnosis,
  prescription,
  observation,
  familyDoctorContract,
} as const;

export type HealthTableName = keyof typeof HEALTH_TABLES;
export const HEALTH_TABLE_NAMES = Object.keys(HEALTH_TABLES) as HealthTableName[];

export type HealthRow<K extends HealthTableName> = (typeof HEALTH_TABLES)[K]['$inferInsert'];
export type HealthRowBatch = { [K in HealthTableName]: HealthRow<K>[] };

export function emptyBatch(): HealthRowBatch {
  return {
    servicePackage: [],
    familyDoctorTeam: [],
    familyDoctorTeamMember: [],
    household: [],
    resident: [],
    residentFlag: [],
    programEnrolment: [],
    followUp: [],
    vaccination: [],
    encounter: [],
    diagnosis: [],
    prescription: [],
    observation: [],
    familyDoctorContract: [],
  };
}

/** Moves the rows of one table from a batch to the end of another's. */
export function appendRows(into: HealthRowBatch, from: HealthRowBatch, name: HealthTableName): void {
  const rows: unknown[] = into[name];
  for (const row of from[name]) rows.push(row);
}

/** Tables whose rows are referred to by others, so the generator sets their ids. */
export const ID_TABLES = [
  'servicePackage',
  'familyDoctorTeam',
  'household',
  'resident',
  'programEnrolment',
  'encounter',
  'familyDoctorContract',
] as const satisfies readonly HealthTableName[];
export type IdTable = (typeof ID_TABLES)[number];

/** The first id to use in each table. */
export type IdBases = Record<IdTable, number>;

export class IdCounters {
  private readonly next: IdBases;

  constructor(bases: IdBases) {
    this.next = { ...bases };
  }

  take(table: IdTable): number {
    const id = this.next[table];
    this.next[table] = id + 1;
    return id;
  }
}
