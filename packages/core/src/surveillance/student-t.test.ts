import { describe, expect, it } from 'vitest';
import { logGamma } from './log-gamma.js';
import { studentTwoSidedPValue } from './student-t.js';

describe('studentTwoSidedPValue', () => {
  it('matches R 2 * pt(-|t|, df)', () => {
    expect(studentTwoSidedPValue(0.5, 3)).toBeCloseTo(0.651447964848151, 13);
    expect(studentTwoSidedPValue(-2.1, 17)).toBeCloseTo(0.050959847229134, 13);
    expect(studentTwoSidedPValue(4, 120) / 0.00010994384262421646).toBeCloseTo(1, 10);
  });

  it('is NaN without degrees of freedom and 0 for an infinite statistic', () => {
    expect(studentTwoSidedPValue(1, 0)).toBeNaN();
    expect(studentTwoSidedPValue(Number.POSITIVE_INFINITY, 5)).toBe(0);
  });
});

describe('logGamma', () => {
  it('matches R lgamma', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247001, 13);
    expect(logGamma(3.7)).toBeCloseTo(1.428072326665388, 13);
    expect(logGamma(150) / 600.0094705553274).toBeCloseTo(1, 13);
  });
});
