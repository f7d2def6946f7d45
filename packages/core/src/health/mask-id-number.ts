import { carriesResidentIdNumber } from './id-types.js';
import type { IdType } from './id-types.js';

/** Characters left visible at the end of every masked number. */
const KEPT_AT_END = 4;
/** A 公民身份号码 also keeps its region code, which says where the person was registered, not who they are. */
const KEPT_REGION = 6;

/**
 * The number as shown to users without `record.identify`: 640221********1234 for a 公民身份号码, ****5678
 * for other documents. A number of 4 characters or fewer is masked whole.
 */
export function maskIdNumber(idType: IdType, number: string): string {
  if (number.length <= KEPT_AT_END) return '*'.repeat(number.length);
  const keptAtStart = carriesResidentIdNumber(idType) && number.length === 18 ? KEPT_REGION : 0;
  const hidden = number.length - keptAtStart - KEPT_AT_END;
  return number.slice(0, keptAtStart) + '*'.repeat(hidden) + number.slice(-KEPT_AT_END);
}
