import { describe, expect, it } from 'vitest';
import { KNOWN_SEXES, SEXES, isSex, parseSex, sexLabel } from './sex.js';

describe('sex codes (GB/T 2261.1)', () => {
  it('has the four codes and their names; the known sexes are male and female', () => {
    expect(SEXES.map((sex) => `${sex.code} ${sex.name}`)).toEqual(['0 未知的性别', '1 男', '2 女', '9 未说明的性别']);
    expect(KNOWN_SEXES.map((sex) => sex.code)).toEqual(['1', '2']);
    expect(sexLabel('9')).toBe('未说明的性别');
    expect(isSex('2')).toBe(true);
    expect(isSex('3')).toBe(false);
  });

  it('parses codes, Chinese names and English words', () => {
    expect(['1', '男', '男性', ' M ', 'male', 'Male', '１'].map(parseSex)).toEqual(['1', '1', '1', '1', '1', '1', '1']);
    expect(['2', '女', '女性', 'f', 'FEMALE'].map(parseSex)).toEqual(['2', '2', '2', '2', '2']);
    expect(['0', '未知', '未知的性别', '不详', 'unknown'].map(parseSex)).toEqual(['0', '0', '0', '0', '0']);
    expect(['9', '未说明', '未说明的性别', 'not stated'].map(parseSex)).toEqual(['9', '9', '9', '9']);
  });

  it('returns null for anything else', () => {
    expect(['', '3', '男女', 'man', 'x'].map(parseSex)).toEqual([null, null, null, null, null]);
  });
});
