/**
 * Encryption of ID numbers at rest. AES-256-GCM for the stored number and an HMAC-SHA256 keyed hash for
 * exact lookup and duplicate detection, each with its own sub-key derived (HKDF) from one 32-byte key, so a
 * leaked hash column cannot be turned back into numbers without the key.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface IdCipher {
  /** `v1:` + base64(iv ‖ tag ‖ ciphertext). */
  encrypt(idNumber: string): string;
  decrypt(stored: string): string;
  /** Keyed hash of a normalised number; the ID type is part of it, so equal numbers of different types differ. */
  hash(idType: string, idNumber: string): string;
}

export const ID_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1:';

function subKey(key: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `chp-id-number-${purpose}`, ID_KEY_BYTES));
}

export function createIdCipher(key: Buffer): IdCipher {
  if (key.length !== ID_KEY_BYTES) {
    throw new Error(`身份证件号码加密密钥应为 ${String(ID_KEY_BYTES)} 字节，实际为 ${String(key.length)} 字节`);
  }
  const encryptionKey = subKey(key, 'encryption');
  const hashKey = subKey(key, 'hash');
  return {
    encrypt(idNumber: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
      return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(stored: string): string {
      if (!stored.startsWith(VERSION)) throw new Error('无法识别的证件号码密文格式');
      const bytes = Buffer.from(stored.slice(VERSION.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
    hash(idType: string, idNumber: string): string {
      return createHmac('sha256', hashKey).update(`${idType}\u0000${idNumber}`).digest('base64url');
    },
  };
}

export function generateIdKey(): Buffer {
  return randomBytes(ID_KEY_BYTES);
}
