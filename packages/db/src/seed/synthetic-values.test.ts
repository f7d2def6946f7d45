import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random.js';
import { syntheticValues } from './synthetic-values.js';
import type { SeedableIndicator } from './synthetic-values.js';

const YEARS = [2021, 2022, 2023];
const base: SeedableIndicator = {
  unit: '%',
  baseline: 50,
  baselineYear: 2020,
  comparator: 'gte',
  targetValue: 80,
  targetYear: 2025,
};

function many(indicator: SeedableIndicator): number[][] {
  return Array.from({ length: 200 }, (_, seed) => syntheticValues(indicator, YEARS, mulberry32(seed)) ?? []);
}

describe('syntheticValues', () => {
  it('moves from the baseline towards the target', () => {
    for (const values of many(base)) {
      expect(values).toHaveLength(3);
      expect(values[0]).toBeGreaterThan(50);
      expect(values[2]).toBeLessThan(80);
      expect(values[2]!).toBeGreaterThan(values[0]!);
    }
  });

  it('keeps percentages within [0, 100] and nothing negative', () => {
    for (const values of many({ ...base, baseline: 99.6, targetValue: 100 })) {
      values.forEach((v) => {
        expect(v).toBeLessThanOrEqual(100);
      });
    }
    for (const values of many({ ...base, unit: '‰', baseline: 0.3, comparator: 'lte', targetValue: 0 })) {
      values.forEach((v) => {
        expect(v).toBeGreaterThanOrEqual(0);
      });
    }
  });

  it('resolves relative targets from the baseline', () => {
    // 每年降低 2 个百分点 from 30 over 2020–2025 → 20: values fall.
    for (const values of many({ ...base, baseline: 30, comparator: 'decrease_pp_per_year', targetValue: 2 })) {
      expect(values[2]!).toBeLessThan(30);
      expect(values[2]!).toBeGreaterThan(20 - 1.1);
    }
  });

  it('uses the target alone when there is no baseline, and nothing when there is no number at all', () => {
    for (const values of many({ ...base, baseline: null, baselineYear: null, comparator: 'lte', targetValue: 17 })) {
      values.forEach((v) => {
        expect(v).toBeGreaterThan(15);
        expect(v).toBeLessThan(20);
      });
    }
    expect(syntheticValues({ ...base, baseline: null, targetValue: null }, YEARS, mulberry32(1))).toBeNull();
  });

  it('keeps counts whole when the plan writes them whole', () => {
    const [first] =
      syntheticValues({ ...base, unit: '张', baseline: 1200, targetValue: 1500 }, YEARS, mulberry32(3)) ?? [];
    expect(Number.isInteger(first)).toBe(true);
  });
});
