/**
 * The first-start template for the embedded database. Creating a PGlite data directory (initdb in
 * WebAssembly) and loading five counties take most of a first start, so `npm ci` builds an initialised
 * demo database once and a new installation starts from a copy of it. Accounts are not in it: the
 * server creates them, with fresh passwords, at first start (the administrator gets id 1, the id the
 * demo values are recorded against).
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './connection.js';
import { createIdCipher, generateIdKey } from './health/id-cipher.js';
import { initializePlatform } from './seed/initialize.js';

/** packages/db/dist/pglite-template.tar.gz, found from both src/ (tests) and dist/ (runtime). */
export const PGLITE_TEMPLATE_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'dist',
  'pglite-template.tar.gz'
);

/** The ID-number key the template's demo residents are encrypted with, kept beside the template. */
export function templateKeyFile(file: string = PGLITE_TEMPLATE_FILE): string {
  return file.replace(/\.tar\.gz$/, '.id-number.key');
}

/** The administrator's id in a new installation, which the template's demo values refer to. */
export const TEMPLATE_ADMIN_ID = 1;

export async function buildPgliteTemplate(file: string = PGLITE_TEMPLATE_FILE): Promise<{ bytes: number }> {
  const database = await openDatabase({});
  const idKey = generateIdKey();
  await writeFile(templateKeyFile(file), `${idKey.toString('base64')}\n`, { mode: 0o600 });
  try {
    await initializePlatform(database.db, {
      demo: true,
      adminUserId: TEMPLATE_ADMIN_ID,
      idCipher: createIdCipher(idKey),
    });
    if (!database.pglite) {
      throw new Error('the template needs the embedded database');
    }
    // The dump holds the write-ahead log too. Loading the demo fills several segments, and recycled
    // segments keep their old bytes, which compress badly; after this only one, nearly empty, is left.
    await database.pglite.exec('SET wal_recycle = off; CHECKPOINT; SELECT pg_switch_wal(); CHECKPOINT;');
    const dump = await database.pglite.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    await writeFile(file, bytes);
    return { bytes: bytes.length };
  } finally {
    await database.close();
  }
}
