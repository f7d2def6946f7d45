/**
 * ID document types of the resident master index (docs/health-records.md §2) and the format of each
 * document's number. Only 居民身份证 numbers (and the 公民身份号码 printed in the 户口簿) and the 2023 外国人永久
 * 居留身份证 carry a check character; the other formats are checked for shape only.
 */
import { idCheckCharacter, normaliseIdNumber, parseResidentIdNumber } from './id-number.js';
import type { ResidentIdNumber } from './id-number.js';

export const ID_TYPE_CODES = [
  'resident_id',
  'household_register',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent',
  'birth_certificate',
  'other',
] as const;
export type IdType = (typeof ID_TYPE_CODES)[number];

export const ID_TYPES: Readonly<Record<IdType, { label: string; format: string }>> = {
  resident_id: { label: '居民身份证', format: '18 位公民身份号码（末位可为 X），15 位旧号自动升为 18 位' },
  household_register: { label: '户口簿', format: '户口簿上本人的 18 位公民身份号码' },
  passport: { label: '护照', format: '5–20 位字母或数字（如 E12345678、EA1234567）' },
  hk_macao_permit: { label: '港澳居民来往内地通行证', format: 'H 或 M 加 8 位数字（可带 2 位换证次数）' },
  taiwan_permit: { label: '台湾居民来往大陆通行证', format: '8 位数字（可带 2 位换证次数）' },
  foreign_permanent: {
    label: '外国人永久居留身份证',
    format: '18 位数字、以 9 开头（2023 版），或 3 位字母加 12 位数字（2017 版）',
  },
  birth_certificate: { label: '出生医学证明', format: '1 位字母加 9 位数字（如 X320101001）' },
  other: { label: '其他', format: '1–50 个字符' },
};

/**
 * Shapes of the numbers that have no check character:
 * - passport: ICAO 9303 document numbers are up to 9 characters in the machine-readable zone, some states
 *   write longer ones; Chinese passports are E + 8 digits, EA… + 7 digits, older G + 8 digits.
 * - 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) + 8 digits on the card (2013), + 2 digits counting the
 *   renewals, which older booklets also printed.
 * - 台湾居民来往大陆通行证: 8 digits on the card (2015), + 2 digits counting the renewals; booklets have expired.
 * - 外国人永久居留身份证 2017: the 3-letter nationality code + 12 digits.
 * - 出生医学证明: 1 letter (the printing) + 9 digits, unchanged through the seventh edition (2023).
 */
const SHAPES: Readonly<Record<Exclude<IdType, 'resident_id' | 'household_register'>, RegExp>> = {
  passport: /^[A-Z0-9]{5,20}$/,
  hk_macao_permit: /^[HM]\d{8}(\d{2})?$/,
  taiwan_permit: /^\d{8}(\d{2})?$/,
  foreign_permanent: /^(9\d{16}[\dX]|[A-Z]{3}\d{12})$/,
  birth_certificate: /^[A-Z]\d{9}$/,
  other: /^.{1,50}$/u,
};

export interface IdNumber {
  idType: IdType;
  /** The normalised number (a 15-digit 身份证号 converted to 18): what is hashed, encrypted and masked. */
  number: string;
  /** The parts of a 公民身份号码; null for the other documents. */
  resident: ResidentIdNumber | null;
}

export type IdNumberParseResult = { ok: true; value: IdNumber } | { ok: false; reason: string };

export function isIdType(value: string): value is IdType {
  return (ID_TYPE_CODES as readonly string[]).includes(value);
}

/** Whether the document's number is a 公民身份号码, which encodes region, birth date and sex. */
export function carriesResidentIdNumber(idType: IdType): boolean {
  return idType === 'resident_id' || idType === 'household_register';
}

/** Validates and normalises the number of an ID document; `today` (YYYY-MM-DD) bounds a 身份证号's birth date. */
export function parseIdNumber(idType: IdType, input: string, today: string): IdNumberParseResult {
  switch (idType) {
    case 'resident_id':
    case 'household_register': {
      const parsed = parseResidentIdNumber(input, today);
      if (!parsed.ok) return parsed;
      return { ok: true, value: { idType, number: parsed.value.number, resident: parsed.value } };
    }
    case 'passport':
    case 'hk_macao_permit':
    case 'taiwan_permit':
    case 'foreign_permanent':
    case 'birth_certificate':
    case 'other': {
      const number = normaliseIdNumber(input);
      const { label, format } = ID_TYPES[idType];
      if (number === '') return { ok: false, reason: `${label}号码为空` };
      if (!SHAPES[idType].test(number)) {
        return { ok: false, reason: `${label}号码“${number}”格式不符：应为${format}` };
      }
      if (idType === 'foreign_permanent' && number.length === 18) {
        // The 2023 card uses the check character of GB 11643 (国家移民管理局, 新版永居证机读信息规则).
        const expected = idCheckCharacter(number.slice(0, 17));
        const actual = number.charAt(17);
        if (actual !== expected) return { ok: false, reason: `${label}号码校验位应为 ${expected}，实际为 ${actual}` };
      }
      return { ok: true, value: { idType, number, resident: null } };
    }
  }
}
