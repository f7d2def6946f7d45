import { describe, expect, it } from 'vitest';
import { computeRatio } from './indicator-definition.js';

describe('computeRatio', () => {
  it('computes numerator / denominator × factor and keeps its inputs', () => {
    // 襄垣县-like: 1,560 beds for 250,000 residents → 6.24 per 1,000.
    expect(computeRatio(1560, 250_000, 1000)).toEqual({
      numerator: 1560,
      denominator: 250_000,
      factor: 1000,
      value: 6.24,
    });
    expect(computeRatio(3, 2000, 100_000).value).toBeCloseTo(150);
  });

  it('has no value for a zero denominator', () => {
    expect(computeRatio(0, 0, 1000).value).toBeNull();
  });
});
