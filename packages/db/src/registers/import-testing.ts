/**
 * What the register import tests share: a test database holding 平罗县 (640221), the actor they import
 * as, CSV tables built from lines, issues as the imports report them, and facilities for the imports of
 * beds, health workers and childcare places to name.
 */
import type { ImportIssue } from '@chp/core';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../connection.js';
import type { Actor } from '../access/audit.js';
import { addCounty } from '../org-units/load-county.js';
import { openTestDatabase } from '../testing.js';
import type { TestDatabase, TestDatabaseKind } from '../testing.js';
import { parseCsv } from './csv.js';
import { addFacilities } from './facilities.js';
import type { FacilityInput } from './facilities.js';
import type { RegisterTable } from './register-table.js';

export const IMPORT_COUNTY = '640221';

export const importActor: Actor = { userId: null, username: 'system', ip: null };

/** A test database of the kind with the county added. */
export async function openImportDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  const database = await openTestDatabase(kind);
  await addCounty(database.db, IMPORT_COUNTY);
  return database;
}

/** Builds CSV tables with this header row: `csv('a.csv', 'row 2', 'row 3')`. */
export function csvWithHeader(header: string): (file: string, ...lines: string[]) => RegisterTable {
  return (file, ...lines) => parseCsv(file, [header, ...lines].join('\n'));
}

/** Builds the issues reported for one file (and sheet): `issue(row, '年份 (B)', '…')`. */
export function issuesOf(file: string, sheet = ''): (row: number, column: string, reason: string) => ImportIssue {
  return (row, column, reason) => ({ file, sheet, row, column, reason });
}

const facility = (sourceRef: string, name: string, rest: Partial<FacilityInput>): FacilityInput => ({
  sourceRef,
  name,
  orgUnitCode: '640221100',
  facilityType: 'general_hospital',
  grade: null,
  ownership: 'public',
  consortium: null,
  validFrom: 1950,
  validTo: null,
  ...rest,
});

/** F1, the county hospital (1950–); F2, a clinic (2001–2019); T1, a nursery (2021–). */
const IMPORT_FACILITIES: readonly FacilityInput[] = [
  facility('F1', '平罗县人民医院', { orgUnitCode: '640221', grade: '2A' }),
  facility('F2', '城关镇仁和诊所', { facilityType: 'clinic', ownership: 'private', validFrom: 2001, validTo: 2019 }),
  facility('T1', '城关镇托育园', { facilityType: 'childcare', ownership: 'private', validFrom: 2021 }),
];

export interface FacilityImportDatabase {
  /** The database, open from the suite's beforeAll to its afterAll. */
  readonly db: Db;
  /** The id of F1, F2 or T1 by its 机构编号. */
  readonly idOf: (ref: string) => number;
}

/**
 * For a describe block of the imports that name facilities: opens the import database of the kind with
 * F1, F2 and T1 added before the block's tests, and destroys it after them.
 */
export function facilityImportDatabase(kind: TestDatabaseKind): FacilityImportDatabase {
  let database: TestDatabase | undefined;
  const ids = new Map<string, number>();
  beforeAll(async () => {
    database = await openImportDatabase(kind);
    const added = await addFacilities(database.db, importActor, IMPORT_COUNTY, IMPORT_FACILITIES);
    for (const facility of added) ids.set(facility.sourceRef, facility.id);
  });
  afterAll(async () => {
    await database?.destroy();
  });
  return {
    get db(): Db {
      if (database === undefined) throw new Error('the import database is open only while the tests run');
      return database.db;
    },
    idOf: (ref) => {
      const id = ids.get(ref);
      if (id === undefined) throw new Error(`no test facility ${ref}`);
      return id;
    },
  };
}
