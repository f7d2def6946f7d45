import { describe, expect, it } from 'vitest';
import {
  convertLegacyIdNumber,
  idCheckCharacter,
  idNumberConflicts,
  normaliseIdNumber,
  parseResidentIdNumber,
} from './id-number.js';
import type { ResidentIdNumber } from './id-number.js';

const TODAY = '2025-06-30';

function parsed(input: string): ResidentIdNumber {
  const result = parseResidentIdNumber(input, TODAY);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

function reason(input: string, today = TODAY): string {
  const result = parseResidentIdNumber(input, today);
  if (result.ok) throw new Error(`${input} should be rejected`);
  return result.reason;
}

describe('parseResidentIdNumber: published numbers', () => {
  it('accepts the example of GB 11643-1999 (北京市朝阳区, 1949-12-31, female, check X)', () => {
    expect(parsed('11010519491231002X')).toEqual({
      number: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: '2',
      converted: false,
    });
  });

  it('accepts the second example of the standard (广东省汕头市潮阳县, 1880-01-01, male)', () => {
    expect(parsed('440524188001010014')).toMatchObject({ birthDate: '1880-01-01', sex: '1', converted: false });
  });

  it('accepts the number used in the Hutool tests (321083197812162119)', () => {
    expect(parsed('321083197812162119')).toMatchObject({ birthDate: '1978-12-16', sex: '1' });
  });
});

describe('15-digit numbers', () => {
  it('converts the published examples (Hutool IdcardUtilTest)', () => {
    expect(convertLegacyIdNumber('150102880730303')).toBe('150102198807303035');
    expect(convertLegacyIdNumber('330102200403064')).toBe('33010219200403064X');
  });

  it('parses a 15-digit number as its 18-digit form, with birth date and sex', () => {
    expect(parsed('150102880730303')).toEqual({
      number: '150102198807303035',
      regionCode: '150102',
      birthDate: '1988-07-30',
      sex: '1',
      converted: true,
    });
    expect(parsed('330102200403064')).toMatchObject({ number: '33010219200403064X', sex: '2', converted: true });
  });

  it('names the two-digit-year birth date the user typed when it is impossible', () => {
    expect(reason('815727834224151')).toBe('身份证号中的出生日期 834224 不是有效日期');
    expect(reason('360198910283844')).toBe('身份证号中的出生日期 910283 不是有效日期');
  });

  it('rejects a letter in a 15-digit number', () => {
    expect(reason('15010288073030X')).toBe('身份证号第 15 位“X”无效：15 位旧号应全为数字');
  });

  it('refuses to convert anything but 15 digits', () => {
    expect(() => convertLegacyIdNumber('15010288073030')).toThrow(RangeError);
  });
});

describe('check character (ISO 7064 MOD 11-2)', () => {
  it('computes the check characters of the published numbers', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(idCheckCharacter('44052418800101001')).toBe('4');
    expect(idCheckCharacter('15010219880730303')).toBe('5');
  });

  it('reports the expected and the actual check character', () => {
    expect(reason('110105194912310025')).toBe('身份证号校验位应为 X，实际为 5');
    expect(reason('440524188001010015')).toBe('身份证号校验位应为 4，实际为 5');
  });

  it('catches a single mistyped digit and two swapped digits', () => {
    expect(reason('440524188001010024')).toMatch(/^身份证号校验位应为 \S，实际为 4$/);
    expect(reason('321083197812161219')).toMatch(/^身份证号校验位应为/);
  });
});

describe('normalisation', () => {
  it('accepts full-width digits, a lower-case or full-width x and surrounding or inner spaces', () => {
    expect(normaliseIdNumber(' １１０１０５１９４９１２３１００２ｘ ')).toBe('11010519491231002X');
    expect(parsed('11010519491231002x').number).toBe('11010519491231002X');
    expect(parsed('110105 19491231 002X').number).toBe('11010519491231002X');
  });
});

describe('rejections', () => {
  it('an empty number', () => {
    expect(reason('  ')).toBe('身份证号为空');
  });

  it('a wrong length', () => {
    expect(reason('11010519491231002')).toBe('身份证号应为 18 位（旧号 15 位），实际为 17 位');
  });

  it('a letter other than a final X', () => {
    expect(reason('1101051949123100X2')).toBe('身份证号第 17 位“X”无效：前 17 位应为数字，第 18 位应为数字或 X');
    expect(reason('11010519491231002Y')).toBe('身份证号第 18 位“Y”无效：前 17 位应为数字，第 18 位应为数字或 X');
  });

  it('a province code that does not exist (00, 99, 20)', () => {
    expect(reason('000000194912310021')).toBe('身份证号前 2 位 00 不是省级行政区划代码（GB/T 2260）');
    expect(reason('990105194912310021')).toBe('身份证号前 2 位 99 不是省级行政区划代码（GB/T 2260）');
    expect(reason('201511221897205960')).toBe('身份证号前 2 位 20 不是省级行政区划代码（GB/T 2260）');
  });

  it('an impossible birth date (30 February, month 13, 29 February of a common year)', () => {
    expect(reason('110105194902300021')).toBe('身份证号中的出生日期 19490230 不是有效日期');
    expect(reason('110105194913010021')).toBe('身份证号中的出生日期 19491301 不是有效日期');
    expect(reason('110105202302290021')).toBe('身份证号中的出生日期 20230229 不是有效日期');
  });

  it('a birth date after today', () => {
    expect(reason('110105202507010021')).toBe('身份证号中的出生日期 2025-07-01 晚于今天（2025-06-30）');
  });
});

describe('idNumberConflicts', () => {
  const id = parsed('11010519491231002X');

  it('is empty when birth date and sex agree, or the sex is unknown or not stated', () => {
    expect(idNumberConflicts(id, { birthDate: '1949-12-31', sex: '2' })).toEqual([]);
    expect(idNumberConflicts(id, { birthDate: '1949-12-31', sex: '0' })).toEqual([]);
    expect(idNumberConflicts(id, { birthDate: '1949-12-31', sex: '9' })).toEqual([]);
  });

  it('names both birth dates and the 17th digit', () => {
    expect(idNumberConflicts(id, { birthDate: '1950-01-01', sex: '1' })).toEqual([
      '身份证号中的出生日期 1949-12-31 与填写的出生日期 1950-01-01 不一致',
      '身份证号第 17 位为 2（偶数，女），与填写的性别“男”不一致',
    ]);
    expect(idNumberConflicts(parsed('440524188001010014'), { birthDate: '1880-01-01', sex: '2' })).toEqual([
      '身份证号第 17 位为 1（奇数，男），与填写的性别“女”不一致',
    ]);
  });
});
