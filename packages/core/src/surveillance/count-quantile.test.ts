import { describe, expect, it } from 'vitest';
import { negativeBinomialQuantile, poissonQuantile } from './count-quantile.js';

describe('count quantiles', () => {
  it('match R qnbinom(p, size, prob)', () => {
    expect(negativeBinomialQuantile(0.95, 2.5, 0.4)).toBe(10);
    expect(negativeBinomialQuantile(0.99, 400, 0.5)).toBe(468);
    expect(negativeBinomialQuantile(0.05, 0.3, 0.8)).toBe(0);
  });

  it('match R qpois(p, lambda)', () => {
    expect(poissonQuantile(0.95, 3.2)).toBe(6);
    expect(poissonQuantile(0.5, 1000)).toBe(1000);
    expect(poissonQuantile(0.999, 0.01)).toBe(1);
    expect(poissonQuantile(0.5, 0)).toBe(0);
  });

  it('are NaN for invalid parameters', () => {
    expect(poissonQuantile(1.5, 2)).toBeNaN();
    expect(negativeBinomialQuantile(0.5, 0, 0.5)).toBeNaN();
  });
});
