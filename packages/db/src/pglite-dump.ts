/**
 * Unpacks a PGlite data-directory dump (`dumpDataDir('gzip')`: a gzipped tar with paths relative to the
 * data directory) into a directory. PGlite's own `loadDataDir` unpacks inside its WebAssembly heap,
 * which never shrinks: a server started that way holds ~100–150 MB more for its whole life than one that
 * opens the same files from disk (docs/PERFORMANCE.md, register import).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { gunzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import type { Headers } from 'tar-stream';

/** The entry's path inside `dataDir`; a path that would leave it is refused. */
function targetPath(dataDir: string, name: string): string {
  const relative = normalize(name.replace(/^\/+/u, ''));
  if (relative === '..' || relative.startsWith(`..${sep}`)) {
    throw new Error(`数据库模板中的路径无效：${name}`);
  }
  return join(dataDir, relative);
}

/**
 * Writes one entry. Synchronous on purpose: a dump has a thousand small files, and an asynchronous
 * mkdir and write for each took longer than PGlite's own loading.
 */
function writeEntry(dataDir: string, header: Headers, content: Buffer): void {
  const path = targetPath(dataDir, header.name);
  // PGlite's dumps hold only directories and regular files.
  if (header.type === 'directory') {
    mkdirSync(path, { recursive: true });
    return;
  }
  if (header.type !== 'file') {
    throw new Error(`数据库模板中有不支持的条目类型 ${String(header.type)}：${header.name}`);
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content, { mode: header.mode ?? 0o600 });
}

/** Writes every directory and file of the dump under `dataDir` (which may exist and be empty). */
export async function unpackDataDirDump(dumpFile: string, dataDir: string): Promise<void> {
  const entries = extract();
  entries.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      try {
        writeEntry(dataDir, header, Buffer.concat(chunks));
        next();
      } catch (error) {
        entries.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
  await pipeline(Readable.from([gunzipSync(await readFile(dumpFile))]), entries);
}
