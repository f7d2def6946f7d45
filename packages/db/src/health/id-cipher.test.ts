import { describe, expect, it } from 'vitest';
import { ID_KEY_BYTES, createIdCipher, generateIdKey } from './id-cipher.js';

const NUMBER = '64022119800101001X';
const key = (fill: number): Buffer => Buffer.alloc(ID_KEY_BYTES, fill);

describe('ID-number cipher', () => {
  it('decrypts what it encrypted, with a fresh IV each time', () => {
    const cipher = createIdCipher(key(1));
    const first = cipher.encrypt(NUMBER);
    const second = cipher.encrypt(NUMBER);
    expect(first).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain(NUMBER);
    expect(cipher.decrypt(first)).toBe(NUMBER);
    expect(cipher.decrypt(second)).toBe(NUMBER);
    expect(cipher.decrypt(cipher.encrypt('护照E12345678'))).toBe('护照E12345678');
  });

  it('refuses a number encrypted under another key or tampered with', () => {
    const stored = createIdCipher(key(1)).encrypt(NUMBER);
    expect(() => createIdCipher(key(2)).decrypt(stored)).toThrow();
    const bytes = Buffer.from(stored.slice(3), 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => createIdCipher(key(1)).decrypt(`v1:${bytes.toString('base64')}`)).toThrow();
    expect(() => createIdCipher(key(1)).decrypt(NUMBER)).toThrow('无法识别的证件号码密文格式');
  });

  it('hashes deterministically per key, keeping the ID type apart', () => {
    const cipher = createIdCipher(key(1));
    const hash = cipher.hash('resident_id', NUMBER);
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cipher.hash('resident_id', NUMBER)).toBe(hash);
    expect(createIdCipher(key(1)).hash('resident_id', NUMBER)).toBe(hash);
    expect(cipher.hash('household_register', NUMBER)).not.toBe(hash);
    expect(cipher.hash('resident_id', '640221198001010011')).not.toBe(hash);
    expect(createIdCipher(key(2)).hash('resident_id', NUMBER)).not.toBe(hash);
  });

  it('takes only a 32-byte key and generates random ones', () => {
    expect(() => createIdCipher(Buffer.alloc(16))).toThrow('身份证件号码加密密钥应为 32 字节，实际为 16 字节');
    const generated = generateIdKey();
    expect(generated).toHaveLength(ID_KEY_BYTES);
    expect(generateIdKey().equals(generated)).toBe(false);
  });
});
