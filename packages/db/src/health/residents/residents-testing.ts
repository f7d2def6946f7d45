/**
 * What the resident tests share: a database holding 平罗县 (640221) with a facility, a fixed test cipher,
 * the county-wide scope, and valid 身份证号 built from a birth date and sequence.
 */
import type { ResidentInput } from '@chp/core';
import { idCheckCharacter } from '@chp/core';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../connection.js';
import type { Actor } from '../../access/audit.js';
import { addCounty } from '../../org-units/load-county.js';
import { addFacilities } from '../../registers/facilities.js';
import { openTestDatabase, testIdCipher } from '../../testing.js';
import type { TestDatabaseKind } from '../../testing.js';
import type { ResidentScope } from '../resident-scope.js';

export const COUNTY = '640221';
export const TOWNSHIP = '640221100';
export const VILLAGE = '640221100001';
export const OTHER_VILLAGE = '640221100002';
/** A village of another township (黄渠桥镇). */
export const FAR_VILLAGE = '640221101001';
export const TODAY = '2025-06-30';

export const cipher = testIdCipher();
export const actor: Actor = { userId: null, username: 'tester', ip: '127.0.0.1' };
export const countyScope: ResidentScope = [{ orgUnitCode: COUNTY, maternalChildOnly: false }];

/** A valid 18-digit number of 平罗县: birth date YYYY-MM-DD and a 3-digit sequence (odd male, even female). */
export function idNumberOf(birthDate: string, sequence: string): string {
  const first17 = `${COUNTY}${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + idCheckCharacter(first17);
}

/** A resident of VILLAGE with a 身份证号 agreeing with the given birth date and sex. */
export function residentInput(name: string, rest: Partial<ResidentInput> = {}): ResidentInput {
  const birthDate = rest.birthDate ?? '1980-01-01';
  const sex = rest.sex ?? '1';
  return {
    idType: 'resident_id',
    idNumber: idNumberOf(birthDate, sex === '1' ? '011' : '012'),
    name,
    sex,
    birthDate,
    townshipCode: TOWNSHIP,
    villageCode: VILLAGE,
    ...rest,
  };
}

export interface ResidentTestDatabase {
  readonly db: Db;
  /** The id of the county hospital added for the tests. */
  readonly facilityId: number;
}

/** Opens the database of the kind for a describe block, with the county and one facility. */
export function residentTestDatabase(kind: TestDatabaseKind): ResidentTestDatabase {
  let opened: { db: Db; destroy(): Promise<void> } | undefined;
  let hospital = 0;
  beforeAll(async () => {
    opened = await openTestDatabase(kind);
    await addCounty(opened.db, COUNTY);
    const [added] = await addFacilities(opened.db, actor, COUNTY, [
      {
        sourceRef: 'F1',
        name: '平罗县人民医院',
        orgUnitCode: COUNTY,
        facilityType: 'general_hospital',
        grade: '2A',
        ownership: 'public',
        consortium: null,
        validFrom: 1950,
        validTo: null,
      },
    ]);
    hospital = added?.id ?? 0;
  });
  afterAll(async () => {
    await opened?.destroy();
  });
  return {
    get db(): Db {
      if (opened === undefined) throw new Error('the resident test database is open only while the tests run');
      return opened.db;
    },
    get facilityId(): number {
      return hospital;
    },
  };
}
