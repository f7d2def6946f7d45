import { describe, expect, it } from 'vitest';
import { isIsoDate } from './iso-date.js';

describe('isIsoDate', () => {
  it('accepts existing dates written YYYY-MM-DD, 29 February of leap years included', () => {
    expect(['2024-02-29', '2000-02-29', '1949-12-31', '2025-01-01'].map(isIsoDate)).toEqual([true, true, true, true]);
  });

  it('rejects dates that do not exist and other spellings', () => {
    const rejected = [
      '2023-02-29',
      '1900-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-1-5',
      '20240105',
      '2024/01/05',
      '',
    ];
    expect(rejected.filter(isIsoDate)).toEqual([]);
  });
});
