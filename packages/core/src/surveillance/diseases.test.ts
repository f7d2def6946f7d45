import { describe, expect, it } from 'vitest';
import { NATIONAL_DISEASES, findDisease, immediateDiseaseCodes, localDisease } from './diseases.js';

describe('notifiable diseases', () => {
  it('has unique codes and 2 甲类 diseases', () => {
    const codes = NATIONAL_DISEASES.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(NATIONAL_DISEASES.filter((d) => d.diseaseClass === 'A').map((d) => d.name)).toEqual(['鼠疫', '霍乱']);
  });

  it('manages SARS and pulmonary anthrax as 甲类 with a 2-hour deadline', () => {
    expect(findDisease('sars')).toMatchObject({
      diseaseClass: 'B',
      managedAsA: true,
      immediate: true,
      deadlineHours: 2,
    });
    expect(findDisease('anthrax_pulmonary')).toMatchObject({
      managedAsA: true,
      parentCode: 'anthrax',
      deadlineHours: 2,
    });
    expect(findDisease('anthrax_cutaneous')).toMatchObject({ managedAsA: false, deadlineHours: 24 });
    expect(findDisease('poliomyelitis')).toMatchObject({ managedAsA: false, immediate: true, deadlineHours: 2 });
  });

  it('reports hepatitis by sub-type', () => {
    expect(findDisease('hepatitis')?.reportable).toBe(false);
    expect(findDisease('hepatitis_b')).toMatchObject({ reportable: true, carrier: true, icd10: 'B16' });
    expect(findDisease('hfmd')).toMatchObject({ diseaseClass: 'C', deadlineHours: 24, immediate: false });
    expect(findDisease('nope')).toBeUndefined();
  });

  it('lists immediate codes and builds local diseases', () => {
    expect([...immediateDiseaseCodes()].sort()).toEqual(
      ['anthrax_pulmonary', 'cholera', 'hpai', 'plague', 'poliomyelitis', 'sars'].sort()
    );
    expect(localDisease({ code: 'L01', name: '恙虫病', immediate: false, deadlineHours: null })).toMatchObject({
      name: '恙虫病',
      deadlineHours: 24,
      national: false,
    });
  });
});
