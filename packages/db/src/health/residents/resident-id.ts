/** A resident's ID number as stored: encrypted, keyed hash for lookup, masked for display. */
import type { IdNumber, IdType } from '@chp/core';
import { ID_TYPE_CODES, maskIdNumber, parseIdNumber } from '@chp/core';
import type { IdCipher } from '../id-cipher.js';

export interface StoredIdNumber {
  idNumberCipher: string | null;
  idNumberHash: string | null;
  idNumberMasked: string | null;
}

export function storedIdNumber(cipher: IdCipher, id: IdNumber | null): StoredIdNumber {
  if (id === null) return { idNumberCipher: null, idNumberHash: null, idNumberMasked: null };
  return {
    idNumberCipher: cipher.encrypt(id.number),
    idNumberHash: cipher.hash(id.idType, id.number),
    idNumberMasked: maskIdNumber(id.idType, id.number),
  };
}

/**
 * The hashes a typed number would have been stored under, for every ID type it is a valid number of (a
 * 15-digit 身份证号 converted to 18 first): an exact search needs no ID type.
 */
export function idNumberHashes(cipher: IdCipher, text: string, today: string): string[] {
  return ID_TYPE_CODES.flatMap((idType: IdType) => {
    const parsed = parseIdNumber(idType, text, today);
    return parsed.ok ? [cipher.hash(idType, parsed.value.number)] : [];
  });
}
