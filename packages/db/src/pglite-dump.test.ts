import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackDataDirDump } from './pglite-dump.js';

/** A gzipped tar with the given files, named as PGlite's dumps name them (from the root of the data directory). */
async function dump(files: Record<string, string>): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => archive.on('end', resolve));
  archive.entry({ name: '/base', type: 'directory' });
  for (const [name, text] of Object.entries(files)) archive.entry({ name, mode: 0o600 }, text);
  archive.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

describe('unpackDataDirDump', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chp-dump-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the directories and files under the data directory', async () => {
    const file = join(dir, 'ok.tar.gz');
    await writeFile(file, await dump({ '/PG_VERSION': '17\n', '/base/1/112': 'page' }));
    await unpackDataDirDump(file, join(dir, 'ok'));
    expect(await readFile(join(dir, 'ok', 'PG_VERSION'), 'utf8')).toBe('17\n');
    expect(await readFile(join(dir, 'ok', 'base', '1', '112'), 'utf8')).toBe('page');
  });

  it('refuses an entry whose path leaves the data directory', async () => {
    const file = join(dir, 'evil.tar.gz');
    await writeFile(file, await dump({ '/../escaped': 'x' }));
    await expect(unpackDataDirDump(file, join(dir, 'evil'))).rejects.toThrow('数据库模板中的路径无效：/../escaped');
    expect(existsSync(join(dir, 'escaped'))).toBe(false);
  });
});
