/** The card's ID number in clear, to re-check it on a 订正 that leaves it unchanged. */
import type { IdCipher } from '../../health/id-cipher.js';
import type { CaseReportRow } from './case-views.js';

export function decryptedIdNumber(cipher: IdCipher, row: CaseReportRow): string | null {
  return row.idNumberCipher === null ? null : cipher.decrypt(row.idNumberCipher);
}
