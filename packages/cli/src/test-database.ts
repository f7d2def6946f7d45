/** Databases for the CLI's tests on both kinds the platform runs on. */
import { openTestDatabase } from '@chp/db';
import type { TestDatabaseKind } from '@chp/db';
import { join } from 'node:path';

/** A fresh, empty platform database for the CLI: a PGlite directory under `dir`, or a new PostgreSQL database. */
export async function freshDatabase(
  kind: TestDatabaseKind,
  dir: string
): Promise<{ env: NodeJS.ProcessEnv; drop: () => Promise<void> }> {
  switch (kind) {
    case 'pglite':
      return { env: { CHP_DATA_DIR: join(dir, 'db') }, drop: () => Promise.resolve() };
    case 'postgres': {
      const database = await openTestDatabase('postgres');
      return { env: { DATABASE_URL: database.url }, drop: () => database.destroy() };
    }
  }
}
