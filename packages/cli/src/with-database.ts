import { openPlatformDatabase } from '@chp/db';
import type { Db } from '@chp/db';

/** Opens the platform database (DATABASE_URL or embedded PGlite), runs `work`, and always closes it. */
export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const database = await openPlatformDatabase();
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}
