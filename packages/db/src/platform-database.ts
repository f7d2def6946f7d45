/**
 * The platform's own database as the server and the CLI open it: PostgreSQL when DATABASE_URL is set,
 * otherwise embedded PGlite with its files in `<repo>/data/db` (or CHP_DATA_DIR).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './connection.js';
import type { Database } from './connection.js';
import { PGLITE_TEMPLATE_FILE } from './pglite-template.js';

/** The repository root: packages/db/{src,dist} → ../../.. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function embeddedDataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env['CHP_DATA_DIR'] ? resolve(env['CHP_DATA_DIR']) : join(REPO_ROOT, 'data', 'db');
}

/** Human-readable description of where the data lives, for start-up messages. */
export function describeDatabase(env: NodeJS.ProcessEnv = process.env): string {
  const url = env['DATABASE_URL'];
  if (url) {
    const parsed = new URL(url);
    return `PostgreSQL ${parsed.host}${parsed.pathname}`;
  }
  return `PGlite ${embeddedDataDirectory(env)}`;
}

/**
 * `fromTemplate`: a new embedded database starts from the prebuilt demo template (pglite-template.ts)
 * when one was built; pass false for an installation without demo data.
 */
export async function openPlatformDatabase(
  env: NodeJS.ProcessEnv = process.env,
  options: { fromTemplate?: boolean } = {}
): Promise<Database> {
  const url = env['DATABASE_URL'];
  if (url) {
    return openDatabase({ databaseUrl: url });
  }
  const templateFile = options.fromTemplate ? PGLITE_TEMPLATE_FILE : undefined;
  return openDatabase({ dataDir: embeddedDataDirectory(env), templateFile });
}
