import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from './connection.js';
import { openTestDatabase, testDatabaseKinds } from './testing.js';
import type { TestDatabase } from './testing.js';

describe.each(testDatabaseKinds())('migrations on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('creates every table with a county code where it holds county data', async () => {
    const rows = await queryRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'county_code'`
    );
    const tables = rows.map((r) => r.table_name).sort();
    expect(tables).toEqual(
      expect.arrayContaining(['indicator', 'indicator_value', 'org_unit', 'plan', 'project', 'project_milestone'])
    );
  });
});
