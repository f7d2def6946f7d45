import { describe, expect, it } from 'vitest';
import type { TargetSpec } from './trajectory.js';
import { expectedTrajectory, expectedValue, indicatorDirection, resolveTarget } from './trajectory.js';

const spec = (overrides: Partial<TargetSpec>): TargetSpec => ({
  comparator: 'gte',
  targetValue: 90,
  targetYear: 2025,
  baseline: 80,
  baselineYear: 2020,
  attribute: '预期性',
  unit: '%',
  ...overrides,
});

describe('resolveTarget', () => {
  it.each(['gte', 'lte', 'gt', 'lt', 'approx', 'within', 'eq'] as const)(
    '%s takes the written number',
    (comparator) => {
      expect(resolveTarget(spec({ comparator }))).toBe(90);
    }
  );
  it('applies relative growth, yearly steps and whole-period points to the baseline', () => {
    expect(resolveTarget(spec({ comparator: 'increase_pct', targetValue: 50, baseline: 0.6 }))).toBe(0.9);
    expect(resolveTarget(spec({ comparator: 'decrease_pp_per_year', targetValue: 0.5, baseline: 52 }))).toBe(49.5);
    expect(resolveTarget(spec({ comparator: 'increase_pp', targetValue: 5, baseline: 19.3 }))).toBe(24.3);
  });
  it('counts per-year steps from the baseline year to the target year', () => {
    expect(
      resolveTarget(spec({ comparator: 'decrease_pp_per_year', targetValue: 1, baseline: 50, targetYear: 2022 }))
    ).toBe(48);
  });
  it('cannot resolve relative targets without a baseline', () => {
    expect(resolveTarget(spec({ comparator: 'increase_pct', targetValue: 50, baseline: null }))).toBeNull();
    expect(resolveTarget(spec({ comparator: 'decrease_pp_per_year', baseline: null, baselineYear: null }))).toBeNull();
    expect(resolveTarget(spec({ comparator: 'increase_pp', baseline: null }))).toBeNull();
  });
  it('maintains the stated number, else the baseline', () => {
    expect(resolveTarget(spec({ comparator: 'maintain', targetValue: 95 }))).toBe(95);
    expect(resolveTarget(spec({ comparator: 'maintain', targetValue: null }))).toBe(80);
    expect(resolveTarget(spec({ comparator: 'maintain', targetValue: null, baseline: null }))).toBeNull();
  });
  it('uses the regional reference for a regional average', () => {
    expect(resolveTarget(spec({ comparator: 'regional_average', targetValue: null }))).toBeNull();
    const options = { regionalReference: 77.5 };
    expect(resolveTarget(spec({ comparator: 'regional_average', targetValue: null }), options)).toBe(77.5);
  });
  it.each(['same_rate_increase', 'increase', 'decrease', 'qualitative'] as const)('%s has no number', (comparator) => {
    expect(resolveTarget(spec({ comparator, targetValue: null }))).toBeNull();
  });
});

describe('indicatorDirection', () => {
  it.each(['gte', 'gt', 'increase', 'increase_pct', 'increase_pp', 'same_rate_increase'] as const)('%s is up', (c) => {
    expect(indicatorDirection(spec({ comparator: c }), 'down')).toBe('up');
  });
  it.each(['lte', 'lt', 'within', 'decrease', 'decrease_pp_per_year'] as const)('%s is down', (c) => {
    expect(indicatorDirection(spec({ comparator: c }), 'up')).toBe('down');
  });
  it('takes the standard direction for a bare number, else baseline → target', () => {
    expect(indicatorDirection(spec({ comparator: 'eq', baseline: 3.6, targetValue: 3.3 }), 'up')).toBe('up');
    expect(indicatorDirection(spec({ comparator: 'eq', baseline: 3.6, targetValue: 3.3 }))).toBe('down');
    expect(indicatorDirection(spec({ comparator: 'approx', baseline: 65, targetValue: 70 }))).toBe('up');
    expect(indicatorDirection(spec({ comparator: 'eq', baseline: null }))).toBeNull();
    expect(indicatorDirection(spec({ comparator: 'maintain', baseline: 90, targetValue: 90 }))).toBeNull();
    expect(indicatorDirection(spec({ comparator: 'qualitative', targetValue: null }), 'down')).toBe('down');
  });
});

describe('expectedTrajectory', () => {
  it('runs in a straight line from baseline to target, one point per year', () => {
    expect(expectedTrajectory(spec({ baseline: 80, targetValue: 90 }))).toEqual([
      { year: 2020, value: 80 },
      { year: 2021, value: 82 },
      { year: 2022, value: 84 },
      { year: 2023, value: 86 },
      { year: 2024, value: 88 },
      { year: 2025, value: 90 },
    ]);
  });
  it('falls for a yearly decrease and is free of floating-point noise', () => {
    const points = expectedTrajectory(spec({ comparator: 'decrease_pp_per_year', targetValue: 0.1, baseline: 0.3 }));
    expect(points.map((p) => p.value)).toEqual([0.3, 0.2, 0.1, 0, -0.1, -0.2]);
  });
  it('is empty without a baseline or a resolved target', () => {
    expect(expectedTrajectory(spec({ baseline: null, baselineYear: null }))).toEqual([]);
    expect(expectedTrajectory(spec({ comparator: 'increase', targetValue: null }))).toEqual([]);
  });
  it('clamps the expected value outside the plan period', () => {
    expect(expectedValue(spec({}), 2019)).toBe(80);
    expect(expectedValue(spec({}), 2030)).toBe(90);
    expect(expectedValue(spec({}), 2023)).toBe(86);
  });
});
