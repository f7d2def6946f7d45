import { describe, expect, it } from 'vitest';
import { ID_TYPE_CODES, ID_TYPES, isIdType, parseIdNumber } from './id-types.js';
import type { IdType } from './id-types.js';

const TODAY = '2025-06-30';

function accepted(idType: IdType, input: string): string {
  const result = parseIdNumber(idType, input, TODAY);
  if (!result.ok) throw new Error(result.reason);
  return result.value.number;
}

function reason(idType: IdType, input: string): string {
  const result = parseIdNumber(idType, input, TODAY);
  if (result.ok) throw new Error(`${input} should be rejected as ${idType}`);
  return result.reason;
}

describe('ID types', () => {
  it('has the eight codes of the design with their Chinese labels', () => {
    expect(ID_TYPE_CODES.map((code) => `${code} ${ID_TYPES[code].label}`)).toEqual([
      'resident_id 居民身份证',
      'household_register 户口簿',
      'passport 护照',
      'hk_macao_permit 港澳居民来往内地通行证',
      'taiwan_permit 台湾居民来往大陆通行证',
      'foreign_permanent 外国人永久居留身份证',
      'birth_certificate 出生医学证明',
      'other 其他',
    ]);
    expect(isIdType('passport')).toBe(true);
    expect(isIdType('driving_licence')).toBe(false);
  });
});

describe('parseIdNumber', () => {
  it('validates 居民身份证 and 户口簿 numbers as 公民身份号码, converting 15 digits', () => {
    const result = parseIdNumber('household_register', '150102880730303', TODAY);
    expect(result).toMatchObject({ ok: true, value: { number: '150102198807303035', resident: { sex: '1' } } });
    expect(reason('resident_id', '110105194912310025')).toBe('身份证号校验位应为 X，实际为 5');
    expect(reason('household_register', '110105194912310025')).toBe('身份证号校验位应为 X，实际为 5');
  });

  it('accepts passports of China and abroad, normalised', () => {
    expect(accepted('passport', 'e12345678')).toBe('E12345678');
    expect(accepted('passport', 'EA1234567')).toBe('EA1234567');
    expect(accepted('passport', '５３３４５６７８９')).toBe('533456789');
    expect(parseIdNumber('passport', 'E12345678', TODAY)).toMatchObject({ ok: true, value: { resident: null } });
  });

  it('rejects a passport number with signs or of 4 characters', () => {
    expect(reason('passport', 'E1234-5678')).toBe(
      '护照号码“E1234-5678”格式不符：应为5–20 位字母或数字（如 E12345678、EA1234567）'
    );
    expect(reason('passport', 'E123')).toMatch(/^护照号码“E123”格式不符/);
  });

  it('checks the permits of Hong Kong, Macao and Taiwan residents', () => {
    expect(accepted('hk_macao_permit', 'H12345678')).toBe('H12345678');
    expect(accepted('hk_macao_permit', 'm1234567801')).toBe('M1234567801');
    expect(reason('hk_macao_permit', 'T12345678')).toMatch(
      /^港澳居民来往内地通行证号码“T12345678”格式不符：应为H 或 M/
    );
    expect(accepted('taiwan_permit', '12345678')).toBe('12345678');
    expect(accepted('taiwan_permit', '1234567801')).toBe('1234567801');
    expect(reason('taiwan_permit', '1234567')).toMatch(/^台湾居民来往大陆通行证号码“1234567”格式不符/);
  });

  it('checks both editions of the foreign permanent residence card, with the check character of the 2023 one', () => {
    expect(accepted('foreign_permanent', 'USA110079061501')).toBe('USA110079061501');
    // 2023 edition built by hand: 9, 北京 11, nationality 840, born 1980-01-01, sequence 001, check 3.
    expect(accepted('foreign_permanent', '911840198001010013')).toBe('911840198001010013');
    expect(reason('foreign_permanent', '911840198001010010')).toBe('外国人永久居留身份证号码校验位应为 3，实际为 0');
    expect(reason('foreign_permanent', '11010519491231002X')).toMatch(
      /^外国人永久居留身份证号码“11010519491231002X”格式不符/
    );
  });

  it('checks 出生医学证明 numbers: one letter and nine digits', () => {
    expect(accepted('birth_certificate', 'X320101001')).toBe('X320101001');
    expect(reason('birth_certificate', '320101001')).toBe(
      '出生医学证明号码“320101001”格式不符：应为1 位字母加 9 位数字（如 X320101001）'
    );
  });

  it('accepts any other document number up to 50 characters, but not an empty one', () => {
    expect(accepted('other', '军官证 012345')).toBe('军官证012345');
    expect(reason('other', '   ')).toBe('其他号码为空');
    expect(reason('other', 'A'.repeat(51))).toMatch(/^其他号码“A+”格式不符：应为1–50 个字符$/);
  });
});
