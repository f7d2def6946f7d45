/**
 * 公民身份号码 for synthetic residents (GB 11643): the county's code as the region, the birth date, a
 * sequence whose last digit is odd for men and even for women, and core's check character. Each birth date
 * and sex has 499 sequence numbers, taken in a stride from a start derived from the date, so numbers are
 * unique in the county, look scattered, and do not depend on the order in which townships are generated.
 */
import { idCheckCharacter } from '@chp/core';
import type { KnownSex } from '@chp/core';
import { deriveSeed } from '../random.js';

const SEQUENCES = 499;
/** Coprime with SEQUENCES (a prime), so the stride visits every sequence number once. */
const STRIDE = 97;

export class IdNumberIssuer {
  private readonly issued = new Map<string, number>();

  constructor(private readonly regionCode: string) {}

  /** The next number for a person born on `birthDate` (YYYY-MM-DD). */
  issue(birthDate: string, sex: KnownSex): string {
    const key = birthDate + sex;
    const count = this.issued.get(key) ?? 0;
    if (count >= SEQUENCES) {
      throw new Error(
        `${birthDate} 出生的${sex === '1' ? '男' : '女'}性超过 ${String(SEQUENCES)} 人，身份证号顺序码不足`
      );
    }
    this.issued.set(key, count + 1);
    const position = 1 + ((deriveSeed(0, key) + count * STRIDE) % SEQUENCES);
    const sequence = String(position * 2 + (sex === '1' ? 1 : 0)).padStart(3, '0');
    const first17 = this.regionCode + birthDate.replaceAll('-', '') + sequence;
    return first17 + idCheckCharacter(first17);
  }
}
