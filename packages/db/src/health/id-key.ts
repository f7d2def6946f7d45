/**
 * Where the ID-number key comes from: CHP_ID_KEY (base64 of 32 bytes) when set — the way for a production
 * server, from its secret store — otherwise a key file beside the embedded database, generated (mode 0600)
 * the first time the platform starts. A database made from the demo template takes the template's key file,
 * since its demo residents were encrypted with it (pglite-template.ts).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ID_KEY_BYTES, createIdCipher, generateIdKey } from './id-cipher.js';
import type { IdCipher } from './id-cipher.js';

function parseKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== ID_KEY_BYTES) {
    throw new Error(`${source} 应为 ${String(ID_KEY_BYTES)} 字节密钥的 base64 编码（openssl rand -base64 32）`);
  }
  return key;
}

/** Reads the key file, creating it with a new random key when it does not exist. */
export function readOrCreateKeyFile(file: string): Buffer {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${generateIdKey().toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return parseKey(readFileSync(file, 'utf8'), `密钥文件 ${file}`);
}

/** The key file of a data location: `<dir>/id-number.key` beside the database directory or for a server. */
export function idKeyFileIn(directory: string): string {
  return join(directory, 'id-number.key');
}

export function loadIdCipher(env: NodeJS.ProcessEnv, keyFile: string): IdCipher {
  const fromEnv = env['CHP_ID_KEY'];
  if (fromEnv !== undefined && fromEnv !== '') return createIdCipher(parseKey(fromEnv, '环境变量 CHP_ID_KEY'));
  return createIdCipher(readOrCreateKeyFile(keyFile));
}
