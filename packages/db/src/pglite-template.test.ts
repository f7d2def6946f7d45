import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from './connection.js';
import { buildPgliteTemplate, templateKeyFile } from './pglite-template.js';
import { idKeyFile, openPlatformDatabase } from './platform-database.js';

describe('PGlite first-start template', () => {
  let dir: string;
  let templateFile: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chp-template-'));
    templateFile = join(dir, 'template.tar.gz');
    await buildPgliteTemplate(templateFile);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const counts = async (dataDir: string): Promise<Record<string, number>> => {
    const database = await openDatabase({ dataDir, templateFile });
    try {
      const [row] = await queryRows<{ counties: number; values: number; users: number; initialized: number }>(
        database.db,
        sql`select (select count(*)::int from county) as counties, (select count(*)::int from indicator_value) as values,
                   (select count(*)::int from app_user) as users,
                   (select count(*)::int from setting where key = 'initialized') as initialized`
      );
      return row!;
    } finally {
      await database.close();
    }
  };

  it('starts a new data directory initialised with the five counties and demo values, without accounts', async () => {
    const dataDir = join(dir, 'new');
    const first = await counts(dataDir);
    expect(first).toMatchObject({ counties: 5, users: 0, initialized: 1 });
    expect(first['values']).toBeGreaterThan(500);
    // Reopened, the directory is an ordinary persistent database.
    expect(await counts(dataDir)).toEqual(first);
  });

  it('leaves an existing database alone', async () => {
    const dataDir = join(dir, 'existing');
    const database = await openDatabase({ dataDir });
    await database.close();
    expect(await counts(dataDir)).toMatchObject({ counties: 0, values: 0, initialized: 0 });
  });

  it('starts from the template in an existing empty directory, and refuses one holding other files', async () => {
    const empty = join(dir, 'empty');
    await mkdir(empty);
    expect(await counts(empty)).toMatchObject({ counties: 5 });
    const occupied = join(dir, 'occupied');
    await mkdir(occupied);
    await writeFile(join(occupied, 'notes.txt'), 'not a database');
    await expect(openDatabase({ dataDir: occupied, templateFile })).rejects.toThrow(/不是空目录/u);
    // Nothing half-unpacked is left beside it.
    expect((await readdir(dir)).filter((name) => name.includes('.unpacking-'))).toEqual([]);
    expect(await readdir(occupied)).toEqual(['notes.txt']);
  });

  it('gives a database made from the template the template ID-number key, and a new one its own key', async () => {
    const env = { CHP_DATA_DIR: join(dir, 'platform', 'db') };
    const keyFile = idKeyFile(env);
    expect(keyFile).toBe(join(dir, 'platform', 'id-number.key'));
    const database = await openPlatformDatabase(env, { fromTemplate: true, templateFile });
    const sample = database.idCipher.encrypt('640221199001011234');
    await database.close();
    expect(await readFile(keyFile, 'utf8')).toBe(await readFile(templateKeyFile(templateFile), 'utf8'));
    // Reopened, the same key decrypts what was written before.
    const reopened = await openPlatformDatabase(env, { fromTemplate: true, templateFile });
    expect(reopened.idCipher.decrypt(sample)).toBe('640221199001011234');
    await reopened.close();

    const ownEnv = { CHP_DATA_DIR: join(dir, 'own', 'db') };
    const own = await openPlatformDatabase(ownEnv);
    await own.close();
    expect(await readFile(idKeyFile(ownEnv), 'utf8')).not.toBe(await readFile(keyFile, 'utf8'));
    // CHP_ID_KEY overrides the file.
    const fromEnv = await openPlatformDatabase({ ...ownEnv, CHP_ID_KEY: Buffer.alloc(32, 1).toString('base64') });
    expect(() => fromEnv.idCipher.decrypt(sample)).toThrow();
    await fromEnv.close();
  });
});
