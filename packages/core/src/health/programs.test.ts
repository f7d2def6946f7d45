import { describe, expect, it } from 'vitest';
import { PROGRAMS, PROGRAM_CODES, isProgramCode, isVisitKindOf, visitKindLabel, visitKindsOf } from './programs.js';

describe('programmes and visit kinds', () => {
  it('labels every programme', () => {
    expect(PROGRAM_CODES.map((code) => PROGRAMS[code].label)).toEqual([
      '高血压',
      '2型糖尿病',
      '严重精神障碍',
      '肺结核',
      '65岁及以上老年人',
      '孕产妇',
      '0–6岁儿童',
    ]);
    expect(isProgramCode('maternal')).toBe(true);
    expect(isProgramCode('cancer')).toBe(false);
  });

  it('gives each programme its own visit kinds', () => {
    expect(visitKindsOf('hypertension')).toEqual(['follow_up', 'annual_check']);
    expect(visitKindsOf('severe_mental')).toEqual(['follow_up']);
    expect(visitKindsOf('tuberculosis')).toEqual(['follow_up', 'treatment_end']);
    expect(visitKindsOf('elderly')).toEqual(['annual_check']);
    expect(visitKindsOf('maternal')).toEqual(['booking', 'antenatal', 'delivery', 'postpartum', 'postpartum_42']);
    expect(visitKindsOf('child')).toEqual(['newborn_visit', 'child_check']);
    expect(isVisitKindOf('maternal', 'booking')).toBe(true);
    expect(isVisitKindOf('hypertension', 'booking')).toBe(false);
    expect(isVisitKindOf('elderly', 'follow_up')).toBe(false);
    expect(isVisitKindOf('child', 'toString')).toBe(false);
  });

  it('labels a kind within its programme', () => {
    expect(visitKindLabel('tuberculosis', 'follow_up')).toBe('督导随访');
    expect(visitKindLabel('diabetes', 'follow_up')).toBe('随访');
    expect(visitKindLabel('elderly', 'annual_check')).toBe('健康体检（含生活自理能力评估）');
    expect(visitKindLabel('child', 'booking')).toBe('booking');
  });
});
