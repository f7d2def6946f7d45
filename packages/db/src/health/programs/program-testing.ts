/**
 * What the programme tests share: a test database holding 平罗县 (640221), the actor they write as, and
 * residents inserted as rows (the resident API's own rules are tested with it).
 */
import type { Actor } from '../../access/audit.js';
import type { Db } from '../../connection.js';
import { addCounty } from '../../org-units/load-county.js';
import { resident } from '../../schema.js';
import { openTestDatabase } from '../../testing.js';
import type { TestDatabase, TestDatabaseKind } from '../../testing.js';
import type { ProgramResident } from './program-resident.js';

export const PROGRAM_COUNTY = '640221';
/** Two villages of 城关镇 and one of 黄渠桥镇. */
export const VILLAGE_A = '640221100001';
export const VILLAGE_B = '640221100002';
export const OTHER_TOWNSHIP_VILLAGE = '640221101001';

export const programActor: Actor = { userId: null, username: 'doctor', ip: null };

export async function openProgramDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  const database = await openTestDatabase(kind);
  await addCounty(database.db, PROGRAM_COUNTY);
  return database;
}

export interface TestPerson {
  name: string;
  sex: '1' | '2';
  birthDate: string;
  villageCode?: string;
  deathDate?: string | null;
  idNumberMasked?: string | null;
}

/** Inserts a resident of the test county and returns what the programme functions take. */
export async function addTestResident(db: Db, person: TestPerson): Promise<ProgramResident> {
  const villageCode = person.villageCode ?? VILLAGE_A;
  const [row] = await db
    .insert(resident)
    .values({
      countyCode: PROGRAM_COUNTY,
      idType: 'other',
      name: person.name,
      sex: person.sex,
      birthDate: person.birthDate,
      deathDate: person.deathDate ?? null,
      recordStatus: person.deathDate == null ? 'active' : 'deceased',
      idNumberMasked: person.idNumberMasked ?? null,
      townshipCode: villageCode.slice(0, 9),
      villageCode,
    })
    .returning();
  if (!row) throw new Error('insert into resident returned no row');
  return row;
}
