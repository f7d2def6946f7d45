import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random.js';
import { addDays, apportion, poisson } from './sampling.js';

describe('sampling', () => {
  it('apportions a total exactly, in proportion to the weights', () => {
    const parts = apportion(1001, [1, 2, 3.5, 0]);
    expect(parts.reduce((sum, part) => sum + part, 0)).toBe(1001);
    expect(parts).toEqual([154, 308, 539, 0]);
  });

  it('draws Poisson counts with the requested mean, small and large', () => {
    const random = mulberry32(5);
    for (const mean of [0.7, 12, 400]) {
      const draws = Array.from({ length: 4000 }, () => poisson(random, mean));
      const average = draws.reduce((sum, draw) => sum + draw, 0) / draws.length;
      expect(Math.abs(average - mean)).toBeLessThan(4 * Math.sqrt(mean / draws.length));
    }
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2023-12-30', 3)).toBe('2024-01-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});
