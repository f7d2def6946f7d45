/**
 * The platform's own database as the server and the CLI open it: PostgreSQL when DATABASE_URL is set,
 * otherwise embedded PGlite with its files in `<repo>/data/db` (or CHP_DATA_DIR).
 */
import { copyFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './connection.js';
import type { Database } from './connection.js';
import { idKeyFileIn, loadIdCipher } from './health/id-key.js';
import type { IdCipher } from './health/id-cipher.js';
import { PGLITE_TEMPLATE_FILE, templateKeyFile } from './pglite-template.js';

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

/** The ID-number key file used when CHP_ID_KEY is unset: beside the embedded database, or in <repo>/data. */
export function idKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return env['DATABASE_URL'] ? idKeyFileIn(join(REPO_ROOT, 'data')) : idKeyFileIn(dirname(embeddedDataDirectory(env)));
}

export interface PlatformDatabase extends Database {
  /** Encrypts and hashes residents' ID numbers with this installation's key (health/id-key.ts). */
  idCipher: IdCipher;
}

/**
 * `fromTemplate`: a new embedded database starts from the prebuilt demo template (pglite-template.ts)
 * when one was built; pass false for an installation without demo data.
 */
export async function openPlatformDatabase(
  env: NodeJS.ProcessEnv = process.env,
  options: { fromTemplate?: boolean; templateFile?: string } = {}
): Promise<PlatformDatabase> {
  const url = env['DATABASE_URL'];
  if (url) {
    return { ...(await openDatabase({ databaseUrl: url })), idCipher: loadIdCipher(env, idKeyFile(env)) };
  }
  const dataDir = embeddedDataDirectory(env);
  const template = options.templateFile ?? PGLITE_TEMPLATE_FILE;
  const templateFile = options.fromTemplate && existsSync(template) ? template : undefined;
  const fromTemplate = templateFile !== undefined && !existsSync(join(dataDir, 'PG_VERSION'));
  const database = await openDatabase({ dataDir, templateFile });
  // The template's demo residents were encrypted with the template's key, so a database made from it uses it.
  if (fromTemplate && existsSync(templateKeyFile(templateFile)))
    copyFileSync(templateKeyFile(templateFile), idKeyFile(env));
  return { ...database, idCipher: loadIdCipher(env, idKeyFile(env)) };
}
