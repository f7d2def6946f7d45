import { describe, expect, it } from 'vitest';
import { deriveSeed, mulberry32 } from './random.js';

describe('mulberry32', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number): number[] => {
      const random = mulberry32(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('draws roughly uniformly from [0, 1)', () => {
    const random = mulberry32(42);
    const draws = Array.from({ length: 10_000 }, () => random());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((sum, d) => sum + d, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it('derives distinct seeds per label', () => {
    expect(deriveSeed(1, '640221')).toBe(deriveSeed(1, '640221'));
    expect(deriveSeed(1, '640221')).not.toBe(deriveSeed(1, '341302'));
    expect(deriveSeed(1, '640221')).not.toBe(deriveSeed(2, '640221'));
  });
});
