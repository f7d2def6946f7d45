/**
 * Unpacks a PGlite data-directory dump (`dumpDataDir('gzip')`: a gzipped tar with paths relative to the
 * data directory) into a directory. PGlite's own `loadDataDir` unpacks inside its WebAssembly heap,
 * which never shrinks: a server started that way holds ~100–150 MB more for its whole life than one that
 * opens the same files from disk (docs/PERFORMANCE.md, register import).
 */
import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
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

async function writeEntry(dataDir: string, header: Headers, stream: Readable): Promise<void> {
  const path = targetPath(dataDir, header.name);
  // PGlite's dumps hold only directories and regular files.
  if (header.type === 'directory') {
    await mkdir(path, { recursive: true });
    stream.resume();
    return;
  }
  if (header.type !== 'file') {
    throw new Error(`数据库模板中有不支持的条目类型 ${String(header.type)}：${header.name}`);
  }
  await mkdir(dirname(path), { recursive: true });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  await writeFile(path, Buffer.concat(chunks), { mode: header.mode ?? 0o600 });
}

/** Writes every directory and file of the dump under `dataDir` (which may exist and be empty). */
export async function unpackDataDirDump(dumpFile: string, dataDir: string): Promise<void> {
  const entries = extract();
  entries.on('entry', (header, stream, next) => {
    writeEntry(dataDir, header, stream).then(
      () => {
        next();
      },
      (error: unknown) => {
        entries.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    );
  });
  await pipeline(createReadStream(dumpFile), createGunzip(), entries);
}
