/**
 * Test databases: every database test runs on PGlite (in memory) and, when DATABASE_URL is set, also on a
 * fresh PostgreSQL database created for the test file and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from './connection.js';
import type { Database } from './connection.js';
import { ID_KEY_BYTES, createIdCipher } from './health/id-cipher.js';
import type { IdCipher } from './health/id-cipher.js';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** The kinds to run database tests on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env['DATABASE_URL'] ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends Database {
  /** Closes the connection and drops the PostgreSQL database. */
  destroy(): Promise<void>;
  /** The connection URL of the PostgreSQL test database (undefined on PGlite). */
  url: string | undefined;
}

export async function openTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    return { ...database, url: undefined, destroy: () => database.close() };
  }
  const adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) {
    throw new Error('DATABASE_URL is not set');
  }
  const name = `chp_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...database,
    url: url.toString(),
    destroy: async (): Promise<void> => {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** A cipher with a fixed, public key: test data only. */
export function testIdCipher(): IdCipher {
  return createIdCipher(Buffer.alloc(ID_KEY_BYTES, 7));
}
