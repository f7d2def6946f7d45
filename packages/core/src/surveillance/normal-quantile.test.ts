import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normal-quantile.js';

describe('normalQuantile', () => {
  // R 4: sprintf("%.17g", qnorm(p)), covering the central, intermediate and tail branches.
  it.each([
    [0.999, 3.0902323061678132],
    [0.975, 1.9599639845400536],
    [0.3, -0.52440051270804067],
    [0.5, 0],
    [1e-10, -6.3613409024040557],
    [0.9999999, 5.1993375822906618],
    [0.02, -2.0537489106318225],
  ])('qnorm(%s) = %s as in R', (p, expected) => {
    expect(Math.abs(normalQuantile(p) - expected)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(expected)));
  });

  it('is infinite at 0 and 1 and NaN outside', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.2)).toBeNaN();
  });
});
