import { describe, expect, it } from 'vitest';
import { ICD10_CHAPTERS, icd10Chapter, isMaternalDeathCode, ncdGroup, parseIcd10 } from './icd10.js';

describe('parseIcd10', () => {
  it('accepts death-certificate codes and normalises them', () => {
    for (const code of ['I21.9', 'C34', 'E11.9', 'J44.1', 'O72.0', 'U07.1', 'A15.0', 'I63.91']) {
      const parsed = parseIcd10(code);
      expect(parsed.ok && parsed.value.code).toBe(code);
    }
    const parsed = parseIcd10('  i21.9 ');
    expect(parsed).toEqual({
      ok: true,
      value: { code: 'I21.9', category: 'I21', subdivision: '9', chapter: ICD10_CHAPTERS[8] },
    });
    const bare = parseIcd10('C34');
    expect(bare.ok && bare.value.subdivision).toBeNull();
  });

  it('rejects malformed codes with a reason', () => {
    for (const code of ['', 'I2', 'I219', 'I21.', 'I21.123', '121.9', 'II1.9', 'I21-9', 'I21.9†', 'C34.X', 'I21 .9']) {
      const parsed = parseIcd10(code);
      expect(parsed.ok, code).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toContain('ICD-10');
    }
  });

  it('rejects categories outside every chapter', () => {
    for (const code of ['D49', 'E95', 'H99', 'K95.1', 'P98', 'T99', 'V00', 'Y99', 'U86', 'U99.0']) {
      const parsed = parseIcd10(code);
      expect(parsed.ok, code).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toContain('不在任何章节');
    }
  });
});

describe('icd10Chapter', () => {
  it('has 22 contiguous, non-overlapping chapters', () => {
    expect(ICD10_CHAPTERS).toHaveLength(22);
    expect(new Set(ICD10_CHAPTERS.map((chapter) => chapter.number)).size).toBe(22);
    for (const chapter of ICD10_CHAPTERS) {
      expect(chapter.first <= chapter.last).toBe(true);
      expect(ICD10_CHAPTERS.filter((other) => other.first <= chapter.last && chapter.first <= other.last)).toEqual([
        chapter,
      ]);
    }
  });

  it('maps categories to their chapter, including the boundaries', () => {
    const chapterOf = (category: string): string | undefined => icd10Chapter(category)?.number;
    expect(chapterOf('A00')).toBe('I');
    expect(chapterOf('B99')).toBe('I');
    expect(chapterOf('C00')).toBe('II');
    expect(chapterOf('D48')).toBe('II');
    expect(chapterOf('D50')).toBe('III');
    expect(chapterOf('H59')).toBe('VII');
    expect(chapterOf('H60')).toBe('VIII');
    expect(chapterOf('I21')).toBe('IX');
    expect(chapterOf('O99')).toBe('XV');
    expect(chapterOf('P96')).toBe('XVI');
    expect(chapterOf('S72')).toBe('XIX');
    expect(chapterOf('T98')).toBe('XIX');
    expect(chapterOf('V01')).toBe('XX');
    expect(chapterOf('X70')).toBe('XX');
    expect(chapterOf('Y98')).toBe('XX');
    expect(chapterOf('Z99')).toBe('XXI');
    expect(chapterOf('U07')).toBe('XXII');
    expect(chapterOf('D49')).toBeUndefined();
  });
});

describe('ncdGroup', () => {
  it('follows the WHO SDG 3.4.1 ranges, boundaries included', () => {
    expect(ncdGroup('I00')).toBe('cardiovascular');
    expect(ncdGroup('I99.9')).toBe('cardiovascular');
    expect(ncdGroup('I21.9')).toBe('cardiovascular');
    expect(ncdGroup('C00')).toBe('cancer');
    expect(ncdGroup('C97')).toBe('cancer');
    expect(ncdGroup('C34.9')).toBe('cancer');
    expect(ncdGroup('E10.9')).toBe('diabetes');
    expect(ncdGroup('E14')).toBe('diabetes');
    expect(ncdGroup('J30.1')).toBe('chronic_respiratory');
    expect(ncdGroup('J44.1')).toBe('chronic_respiratory');
    expect(ncdGroup('J98.4')).toBe('chronic_respiratory');
  });

  it('is null outside the four groups and for invalid codes', () => {
    for (const code of [
      'D00',
      'D48.9',
      'E09',
      'E15',
      'E66',
      'J18.9',
      'J29',
      'J99',
      'K74.6',
      'X70',
      'O72.0',
      'x',
      'I2',
    ]) {
      expect(ncdGroup(code), code).toBeNull();
    }
  });
});

describe('isMaternalDeathCode', () => {
  it('counts O00–O99 except O96–O97, and A34 obstetrical tetanus', () => {
    for (const code of ['O00.1', 'O14.1', 'O72.0', 'O95', 'O98.7', 'O99.4', 'A34']) {
      expect(isMaternalDeathCode(code), code).toBe(true);
    }
    for (const code of ['O96', 'O96.0', 'O97.1', 'A35', 'N39.0', 'F53', 'Z33', 'O7', 'bad']) {
      expect(isMaternalDeathCode(code), code).toBe(false);
    }
  });
});
