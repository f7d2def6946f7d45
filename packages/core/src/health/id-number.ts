/**
 * 公民身份号码 (GB 11643-1999): a 6-digit region code (GB/T 2260), the birth date YYYYMMDD, a 3-digit
 * sequence whose last digit is odd for men and even for women, and a check character computed with ISO 7064
 * MOD 11-2 (0–9 or X). Numbers issued before 1999 had 15 digits (birth YYMMDD, no check character); they are
 * converted to 18 by inserting "19" before the year and appending the check character.
 */
import { isIsoDate } from './iso-date.js';
import type { KnownSex, Sex } from './sex.js';
import { sexLabel } from './sex.js';

export interface ResidentIdNumber {
  /** The 18-character number (a 15-digit number converted). */
  number: string;
  /** The first six digits: the region where the number was issued (GB/T 2260). */
  regionCode: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** From the 17th character: odd is male ('1'), even female ('2'). */
  sex: KnownSex;
  /** Whether the input was a 15-digit number converted to 18. */
  converted: boolean;
}

export type ResidentIdParseResult = { ok: true; value: ResidentIdNumber } | { ok: false; reason: string };

/**
 * Province-level codes of GB/T 2260, plus 71 台湾 and 81/82/83, the codes of the 港澳台居民居住证 numbers.
 * Province codes have not changed since 1980 other than by additions (46 海南 1988, 50 重庆 1997), so a
 * number issued under an older code still starts with one of these; prefecture and county codes do change
 * and are not checked.
 */
const PROVINCE_CODES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(' ')
);

/** The MOD 11-2 check characters, indexed by the weighted sum modulo 11. */
const CHECK_CHARACTERS = '10X98765432';

/** Trims, removes inner spaces, turns full-width digits and letters into ASCII and x into X. */
export function normaliseIdNumber(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The ISO 7064 MOD 11-2 check character of 17 digits: digit i (from 1) weighs 2^(18−i) mod 11. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`计算校验位需要 17 位数字，实际为“${first17}”`);
  let sum = 0;
  for (let index = 0; index < 17; index++) sum += Number(first17.charAt(index)) * (2 ** (17 - index) % 11);
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/** A 15-digit number as 18: "19" before the two-digit year, then the check character. */
export function convertLegacyIdNumber(fifteen: string): string {
  if (!/^\d{15}$/.test(fifteen)) throw new RangeError(`15 位身份证号应为 15 位数字，实际为“${fifteen}”`);
  const first17 = `${fifteen.slice(0, 6)}19${fifteen.slice(6)}`;
  return first17 + idCheckCharacter(first17);
}

/** The first character that cannot stand where it is: digits only, X allowed last in an 18-character number. */
function misplacedCharacter(text: string): { position: number; character: string } | null {
  for (let index = 0; index < text.length; index++) {
    const character = text.charAt(index);
    if (!/\d/.test(character) && !(index === 17 && character === 'X')) return { position: index + 1, character };
  }
  return null;
}

/**
 * Validates a 居民身份证 number (18 characters, or 15 digits converted to 18): characters, province code,
 * birth date (a real date, not after `today`, YYYY-MM-DD) and check character. The reason names what is
 * wrong, e.g. "身份证号校验位应为 X，实际为 5".
 */
export function parseResidentIdNumber(input: string, today: string): ResidentIdParseResult {
  const text = normaliseIdNumber(input);
  if (text === '') return { ok: false, reason: '身份证号为空' };
  if (text.length !== 18 && text.length !== 15) {
    return { ok: false, reason: `身份证号应为 18 位（旧号 15 位），实际为 ${text.length} 位` };
  }
  const misplaced = misplacedCharacter(text);
  if (misplaced !== null) {
    const rule = text.length === 18 ? '前 17 位应为数字，第 18 位应为数字或 X' : '15 位旧号应全为数字';
    return { ok: false, reason: `身份证号第 ${misplaced.position} 位“${misplaced.character}”无效：${rule}` };
  }
  const converted = text.length === 15;
  const number = converted ? convertLegacyIdNumber(text) : text;
  const province = number.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) {
    return { ok: false, reason: `身份证号前 2 位 ${province} 不是省级行政区划代码（GB/T 2260）` };
  }
  const digits = number.slice(6, 14);
  const birthDate = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
  if (!isIsoDate(birthDate)) {
    // A 15-digit number shows the YYMMDD the user typed.
    return { ok: false, reason: `身份证号中的出生日期 ${converted ? text.slice(6, 12) : digits} 不是有效日期` };
  }
  if (birthDate > today) {
    return { ok: false, reason: `身份证号中的出生日期 ${birthDate} 晚于今天（${today}）` };
  }
  const expected = idCheckCharacter(number.slice(0, 17));
  const actual = number.charAt(17);
  if (actual !== expected) return { ok: false, reason: `身份证号校验位应为 ${expected}，实际为 ${actual}` };
  const sex: KnownSex = Number(number.charAt(16)) % 2 === 1 ? '1' : '2';
  return { ok: true, value: { number, regionCode: number.slice(0, 6), birthDate, sex, converted } };
}

/**
 * Where a valid number disagrees with the birth date and sex stated on the record. A record whose sex is
 * unknown (0) or not stated (9) does not contradict the number.
 */
export function idNumberConflicts(id: ResidentIdNumber, stated: { birthDate: string; sex: Sex }): string[] {
  const conflicts: string[] = [];
  if (id.birthDate !== stated.birthDate) {
    conflicts.push(`身份证号中的出生日期 ${id.birthDate} 与填写的出生日期 ${stated.birthDate} 不一致`);
  }
  if ((stated.sex === '1' || stated.sex === '2') && stated.sex !== id.sex) {
    const digit = id.number.charAt(16);
    conflicts.push(
      `身份证号第 17 位为 ${digit}（${id.sex === '1' ? '奇数，男' : '偶数，女'}），与填写的性别“${sexLabel(stated.sex)}”不一致`
    );
  }
  return conflicts;
}
