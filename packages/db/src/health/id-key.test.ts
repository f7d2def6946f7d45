import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ID_KEY_BYTES, createIdCipher } from './id-cipher.js';
import { idKeyFileIn, loadIdCipher, readOrCreateKeyFile } from './id-key.js';

describe('ID-number key', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'chp-id-key-'));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('creates the key file once, owner-only, and reads the same key afterwards', () => {
    const file = idKeyFileIn(join(directory, 'data'));
    expect(file).toBe(join(directory, 'data', 'id-number.key'));
    const created = readOrCreateKeyFile(file);
    expect(created).toHaveLength(ID_KEY_BYTES);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(created.toString('base64'));
    expect(readOrCreateKeyFile(file).equals(created)).toBe(true);
  });

  it('restores owner-only mode on an existing key file', () => {
    const file = idKeyFileIn(directory);
    writeFileSync(file, Buffer.alloc(ID_KEY_BYTES, 3).toString('base64'), { mode: 0o644 });
    expect(readOrCreateKeyFile(file).equals(Buffer.alloc(ID_KEY_BYTES, 3))).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a key file that does not hold 32 bytes', () => {
    const file = idKeyFileIn(directory);
    writeFileSync(file, Buffer.alloc(8).toString('base64'));
    expect(() => readOrCreateKeyFile(file)).toThrow(`密钥文件 ${file} 应为 32 字节密钥的 base64 编码`);
  });

  it('takes CHP_ID_KEY over the key file, and the file when the variable is unset or empty', () => {
    const file = idKeyFileIn(directory);
    const fromEnv = Buffer.alloc(ID_KEY_BYTES, 5);
    const envCipher = loadIdCipher({ CHP_ID_KEY: fromEnv.toString('base64') }, file);
    expect(envCipher.hash('resident_id', 'x')).toBe(createIdCipher(fromEnv).hash('resident_id', 'x'));
    expect(() => statSync(file)).toThrow();

    const fileCipher = loadIdCipher({ CHP_ID_KEY: '' }, file);
    const fileKey = readOrCreateKeyFile(file);
    expect(fileCipher.hash('resident_id', 'x')).toBe(createIdCipher(fileKey).hash('resident_id', 'x'));
    expect(loadIdCipher({}, file).decrypt(fileCipher.encrypt('y'))).toBe('y');
  });

  it('refuses a CHP_ID_KEY of the wrong length', () => {
    expect(() => loadIdCipher({ CHP_ID_KEY: 'c2hvcnQ=' }, idKeyFileIn(directory))).toThrow(
      '环境变量 CHP_ID_KEY 应为 32 字节密钥的 base64 编码'
    );
  });
});
