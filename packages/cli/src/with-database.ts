import { describeDatabase, openPlatformDatabase } from '@chp/db';
import type { Db, IdCipher, PlatformDatabase } from '@chp/db';
import { CliError } from './cli-error.js';
import { innermostMessage } from './error-message.js';

async function open(env: NodeJS.ProcessEnv): Promise<PlatformDatabase> {
  try {
    return await openPlatformDatabase(env);
  } catch (error) {
    let where: string;
    try {
      where = describeDatabase(env);
    } catch {
      where = `DATABASE_URL（${env['DATABASE_URL'] ?? ''}）`;
    }
    throw new CliError(`无法打开数据库 ${where}：${innermostMessage(error)}`);
  }
}

/**
 * Opens the platform database named by `env` (DATABASE_URL or embedded PGlite), runs `work`, and always
 * closes it, so the process ends by itself.
 */
export async function withDatabase<T>(
  env: NodeJS.ProcessEnv,
  work: (db: Db, idCipher: IdCipher) => Promise<T>
): Promise<T> {
  const database = await open(env);
  try {
    return await work(database.db, database.idCipher);
  } finally {
    await database.close();
  }
}
