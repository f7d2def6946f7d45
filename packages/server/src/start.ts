/**
 * Starts the platform: opens the database (PostgreSQL from DATABASE_URL, else PGlite in <repo>/data/db),
 * runs first-start initialisation, serves the API and the built web UI, and shuts down cleanly.
 */
import { join } from 'node:path';
import { REPO_ROOT, describeDatabase, openPlatformDatabase } from '@chp/db';
import { buildApp } from './app.js';
import { formatAccounts, initializeOnFirstRun } from './first-run.js';
import { startSurveillanceScheduler } from './surveillance-scheduler.js';

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'off', 'no'].includes(value.toLowerCase());
}

export async function start(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const port = Number(env['PORT'] ?? 3000);
  const host = env['HOST'] ?? '0.0.0.0';
  const demo = flag(env['CHP_DEMO'], true);
  const database = await openPlatformDatabase(env, { fromTemplate: demo });
  const first = await initializeOnFirstRun(database.db, database.idCipher, demo);
  if (first.accounts.length > 0) {
    process.stdout.write(`${formatAccounts(first.accounts)}\n`);
  }
  if (first.seeded) {
    process.stdout.write(`已加载规划：${first.counties.join('、')}\n`);
  }
  const app = await buildApp({
    db: database.db,
    idCipher: database.idCipher,
    webRoot: env['CHP_WEB_ROOT'] ?? join(REPO_ROOT, 'packages', 'web', 'dist'),
    logger: flag(env['CHP_LOG'], false),
    secureCookies: flag(env['CHP_SECURE_COOKIES'], false),
  });
  const scheduler = startSurveillanceScheduler(database.db, (message) => process.stdout.write(`${message}\n`));
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    scheduler.stop();
    process.stdout.write(`收到 ${signal}，正在关闭…\n`);
    app
      .close()
      .then(() => database.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        }
      );
  };
  process.on('SIGINT', () => {
    shutdown('SIGINT');
  });
  process.on('SIGTERM', () => {
    shutdown('SIGTERM');
  });
  await app.listen({ port, host });
  process.stdout.write(`县域卫生健康信息平台 listening on http://localhost:${port} (${describeDatabase(env)})\n`);
}
