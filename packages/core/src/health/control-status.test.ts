import { describe, expect, it } from 'vitest';
import { isControlled } from './control-status.js';

describe('isControlled', () => {
  it('hypertension under 65: below 140/90 mmHg', () => {
    expect(isControlled('hypertension', { sbp: 139, dbp: 89 }, 64)).toBe(true);
    expect(isControlled('hypertension', { sbp: 140, dbp: 80 }, 64)).toBe(false);
    expect(isControlled('hypertension', { sbp: 130, dbp: 90 }, 50)).toBe(false);
  });

  it('hypertension from 65: below 150/90 mmHg', () => {
    expect(isControlled('hypertension', { sbp: 149, dbp: 89 }, 65)).toBe(true);
    expect(isControlled('hypertension', { sbp: 150, dbp: 80 }, 80)).toBe(false);
    expect(isControlled('hypertension', { sbp: 145, dbp: 90 }, 70)).toBe(false);
  });

  it('diabetes: fasting glucose below 7.0 mmol/L', () => {
    expect(isControlled('diabetes', { fbg: 6.9 }, 60)).toBe(true);
    expect(isControlled('diabetes', { fbg: 7.0 }, 60)).toBe(false);
  });

  it('is null when a value is missing or not a number, and for other programmes', () => {
    expect(isControlled('hypertension', { sbp: 130 }, 60)).toBeNull();
    expect(isControlled('hypertension', { sbp: '130', dbp: 80 }, 60)).toBeNull();
    expect(isControlled('diabetes', { sbp: 120, dbp: 80 }, 60)).toBeNull();
    expect(isControlled('elderly', { sbp: 120, dbp: 80 }, 70)).toBeNull();
    expect(isControlled('severe_mental', { riskGrade: 0 }, 40)).toBeNull();
  });
});
