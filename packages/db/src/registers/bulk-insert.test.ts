import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { death, healthWorker } from '../schema.js';
import { openTestDatabase, testDatabaseKinds } from '../testing.js';
import type { TestDatabase } from '../testing.js';
import { insertRows } from './bulk-insert.js';

type DeathInsert = typeof death.$inferInsert;

const deathRow = (n: number, overrides: Partial<DeathInsert> = {}): DeathInsert => ({
  countyCode: '640221',
  orgUnitCode: '640221100',
  deathDate: '2023-05-01',
  birthDate: null,
  ageYears: n % 100,
  sex: n % 2 === 0 ? '1' : '2',
  underlyingCauseIcd10: 'I21.9',
  maternal: false,
  place: 'home',
  sourceRef: `D${String(n).padStart(5, '0')}`,
  ...overrides,
});

describe.each(testDatabaseKinds())('insertRows on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('writes every value as given: texts with array syntax in them, nulls, dates, integers, booleans', async () => {
    const rows = [
      deathRow(1, { sourceRef: 'a,b "quoted" {braced} back\\slash', birthDate: '1950-02-28', maternal: true }),
      deathRow(2, { sourceRef: 'NULL', place: '' }),
      deathRow(3, { sourceRef: '中文 编号', underlyingCauseIcd10: "O'72.1" }),
    ];
    await insertRows(database.db, death, rows);
    const stored = await database.db.select().from(death).orderBy(asc(death.id));
    expect(stored.map(({ id: _id, createdAt: _createdAt, ...row }) => row)).toEqual(rows);
  });

  it('writes more rows than one statement takes, in order', async () => {
    const rows = Array.from({ length: 12_001 }, (_, n) => deathRow(n + 10));
    await insertRows(database.db, death, rows);
    const stored = await database.db
      .select({ sourceRef: death.sourceRef, ageYears: death.ageYears })
      .from(death)
      .orderBy(asc(death.id));
    expect(stored.slice(3)).toEqual(rows.map((row) => ({ sourceRef: row.sourceRef, ageYears: row.ageYears })));
  });

  it('does nothing for no rows, writes array columns, and leaves columns the rows omit to their defaults', async () => {
    await expect(insertRows(database.db, death, [])).resolves.toBeUndefined();
    const worker = { countyCode: '640221', facilityId: 1, personRef: 'P1', sex: '1', employedFrom: 2020 };
    await insertRows(database.db, healthWorker, [{ ...worker, qualifications: ['physician', 'tcm'] }]);
    await insertRows(database.db, healthWorker, [{ ...worker, personRef: 'P2' }]);
    const stored = await database.db
      .select({ personRef: healthWorker.personRef, qualifications: healthWorker.qualifications })
      .from(healthWorker)
      .orderBy(asc(healthWorker.personRef));
    expect(stored).toEqual([
      { personRef: 'P1', qualifications: ['physician', 'tcm'] },
      { personRef: 'P2', qualifications: [] },
    ]);
  });
});
