import { describe, expect, it } from 'vitest';
import { maskIdNumber } from './mask-id-number.js';

describe('maskIdNumber', () => {
  it('keeps the region code and the last four characters of a 公民身份号码', () => {
    expect(maskIdNumber('resident_id', '640221199001011234')).toBe('640221********1234');
    expect(maskIdNumber('household_register', '11010519491231002X')).toBe('110105********002X');
  });

  it('keeps only the last four characters of other documents', () => {
    expect(maskIdNumber('passport', 'E12345678')).toBe('*****5678');
    expect(maskIdNumber('foreign_permanent', '911840198001010013')).toBe('**************0013');
    expect(maskIdNumber('birth_certificate', 'X320101001')).toBe('******1001');
  });

  it('hides a number of four characters or fewer entirely', () => {
    expect(maskIdNumber('other', '1234')).toBe('****');
    expect(maskIdNumber('other', '')).toBe('');
  });
});
