import { describe, expect, it } from 'vitest';
import { evaluateIndicator, evaluateYears } from './evaluate.js';
import type { TargetSpec } from './trajectory.js';

const spec = (overrides: Partial<TargetSpec>): TargetSpec => ({
  comparator: 'gte',
  targetValue: 90,
  targetYear: 2025,
  baseline: 60,
  baselineYear: 2020,
  attribute: '预期性',
  unit: '%',
  ...overrides,
});
const at = (year: number, value: number): { year: number; value: number } => ({ year, value });

describe('evaluateIndicator', () => {
  it('reports no data without a value at or before the year', () => {
    const result = evaluateIndicator(spec({}), [at(2024, 95)], 2023);
    expect(result).toMatchObject({ status: 'no_data', value: null, valueYear: null, gap: null, bindingAlert: false });
    expect(result.reason).toContain('2023');
  });

  it('uses the latest value at or before the year', () => {
    const result = evaluateIndicator(spec({}), [at(2021, 66), at(2023, 70), at(2024, 99)], 2023);
    expect(result).toMatchObject({ value: 70, valueYear: 2023, expected: 78, gap: -8 });
  });

  it('ignores values that are not numbers', () => {
    const result = evaluateIndicator(spec({}), [at(2021, 66), at(2022, Number.NaN)], 2022);
    expect(result.valueYear).toBe(2021);
  });

  describe('the value computed from the registers', () => {
    it('is evaluated when no value was entered for the year, even with an earlier one', () => {
      const result = evaluateIndicator(spec({}), [at(2021, 66)], 2023, { computedValue: 80 });
      expect(result).toMatchObject({ value: 80, valueYear: 2023, valueSource: 'computed', expected: 78, gap: 2 });
      expect(result.status).toBe('on_track');
      expect(result.reason).toBe('2023年登记数据计算值80%，不低于预期进度78%');
    });

    it('gives way to an entered value of the year', () => {
      const result = evaluateIndicator(spec({}), [at(2023, 70)], 2023, { computedValue: 80 });
      expect(result).toMatchObject({ value: 70, valueSource: 'entered', status: 'at_risk' });
    });

    it('is ignored when missing or not a number', () => {
      expect(evaluateIndicator(spec({}), [at(2021, 66)], 2023, { computedValue: null })).toMatchObject({
        value: 66,
        valueYear: 2021,
        valueSource: 'entered',
      });
      expect(evaluateIndicator(spec({}), [], 2023, { computedValue: Number.NaN })).toMatchObject({
        status: 'no_data',
        valueSource: null,
      });
    });
  });

  describe('achieved, by comparator', () => {
    it.each([
      ['gte', 90, 90, true],
      ['gte', 90, 89.9, false],
      ['gt', 90, 90, false],
      ['gt', 90, 90.1, true],
      ['lte', 17, 17, true],
      ['lte', 17, 17.1, false],
      ['within', 17, 17, true],
      ['lt', 17, 17, false],
      ['lt', 17, 16.9, true],
      ['approx', 80, 76, true],
      ['approx', 80, 84, true],
      ['approx', 80, 75.9, false],
      ['approx', 80, 84.1, false],
    ] as const)('%s %s with %s → %s', (comparator, targetValue, value, achieved) => {
      const baseline = comparator.startsWith('l') || comparator === 'within' ? 30 : 50;
      const result = evaluateIndicator(spec({ comparator, targetValue, baseline }), [at(2023, value)], 2023);
      expect(result.status === 'achieved').toBe(achieved);
    });

    it('reads a bare number by the direction', () => {
      const up = spec({ comparator: 'eq', targetValue: 3, baseline: 2.5 });
      expect(evaluateIndicator(up, [at(2022, 3.2)], 2022).status).toBe('achieved');
      const down = spec({ comparator: 'eq', targetValue: 26.5, baseline: 30 });
      expect(evaluateIndicator(down, [at(2022, 26)], 2022).status).toBe('achieved');
      expect(evaluateIndicator(down, [at(2022, 27)], 2022).status).not.toBe('achieved');
    });

    it('counts a bare number with no direction as met within 5 %', () => {
      const unknown = spec({ comparator: 'eq', targetValue: 100, baseline: null, baselineYear: null });
      expect(evaluateIndicator(unknown, [at(2022, 96)], 2022).status).toBe('achieved');
      const far = evaluateIndicator(unknown, [at(2022, 80)], 2022);
      expect(far.status).toBe('not_assessable');
    });

    it('counts maintain as not worse than the baseline', () => {
      const keep = spec({ comparator: 'maintain', targetValue: null, baseline: 95 });
      expect(evaluateIndicator(keep, [at(2022, 95)], 2022, { standardDirection: 'up' }).status).toBe('achieved');
      expect(evaluateIndicator(keep, [at(2022, 96)], 2022, { standardDirection: 'up' }).status).toBe('achieved');
      expect(evaluateIndicator(keep, [at(2022, 94)], 2022, { standardDirection: 'up' }).status).toBe('at_risk');
      expect(evaluateIndicator(keep, [at(2022, 94)], 2022, { standardDirection: 'down' }).status).toBe('achieved');
    });

    it('resolves relative targets before comparing', () => {
      const growth = spec({ comparator: 'increase_pct', targetValue: 50, baseline: 0.6 });
      const result = evaluateIndicator(growth, [at(2024, 0.9)], 2024);
      expect(result).toMatchObject({ status: 'achieved', resolvedTarget: 0.9, direction: 'up' });
      const myopia = spec({ comparator: 'decrease_pp_per_year', targetValue: 1, baseline: 50 });
      expect(evaluateIndicator(myopia, [at(2025, 45)], 2025).status).toBe('achieved');
      expect(evaluateIndicator(myopia, [at(2022, 48)], 2022).status).toBe('on_track');
      const points = spec({ comparator: 'increase_pp', targetValue: 5, baseline: 20 });
      expect(evaluateIndicator(points, [at(2025, 25)], 2025).status).toBe('achieved');
    });

    it('compares a regional average with the reference', () => {
      const regional = spec({ comparator: 'regional_average', targetValue: null, baseline: 76 });
      const options = { standardDirection: 'up' as const, regionalReference: 78 };
      expect(evaluateIndicator(regional, [at(2023, 78.5)], 2023, options).status).toBe('achieved');
      expect(evaluateIndicator(regional, [at(2023, 78.5)], 2023, { standardDirection: 'up' }).status).toBe(
        'not_assessable'
      );
    });
  });

  describe('progress along the trajectory', () => {
    // Baseline 60 (2020) → target 90 (2025): 6 a year, tolerance 10 (a third of 30).
    it('is on track at or above the trajectory', () => {
      expect(evaluateIndicator(spec({}), [at(2022, 72)], 2022)).toMatchObject({
        status: 'on_track',
        expected: 72,
        gap: 0,
      });
      expect(evaluateIndicator(spec({}), [at(2022, 80)], 2022)).toMatchObject({ status: 'on_track', gap: 8 });
    });
    it('is at risk when behind within the tolerance', () => {
      expect(evaluateIndicator(spec({}), [at(2022, 62)], 2022)).toMatchObject({ status: 'at_risk', gap: -10 });
    });
    it('is off track beyond it', () => {
      const result = evaluateIndicator(spec({ attribute: '约束性' }), [at(2022, 61.9)], 2022);
      expect(result).toMatchObject({ status: 'off_track', bindingAlert: true });
      expect(result.reason).toContain('超出容许范围');
    });
    it('takes the tolerance as a share of the distance', () => {
      expect(evaluateIndicator(spec({}), [at(2022, 62)], 2022, { tolerance: 0.1 }).status).toBe('off_track');
    });
    it('keeps a small band when the target equals the baseline', () => {
      const flat = spec({ comparator: 'gt', targetValue: 90, baseline: 90 });
      expect(evaluateIndicator(flat, [at(2022, 89)], 2022).status).toBe('at_risk');
      expect(evaluateIndicator(flat, [at(2022, 87)], 2022).status).toBe('off_track');
    });
    it('measures the gap the other way for lower-is-better indicators', () => {
      const mortality = spec({ comparator: 'lte', targetValue: 17, baseline: 44.5, unit: '1/10万' });
      const result = evaluateIndicator(mortality, [at(2021, 30)], 2021);
      expect(result).toMatchObject({ status: 'on_track', expected: 39, gap: 9, direction: 'down' });
      expect(evaluateIndicator(mortality, [at(2021, 45)], 2021)).toMatchObject({ status: 'at_risk', gap: -6 });
    });
    it('is off track in the target year when the target is not met', () => {
      const result = evaluateIndicator(spec({ attribute: '约束性' }), [at(2025, 89)], 2025);
      expect(result).toMatchObject({ status: 'off_track', bindingAlert: true, expected: 90, gap: -1 });
    });
    it('uses the value year for the trajectory when the value is older', () => {
      expect(evaluateIndicator(spec({}), [at(2021, 66)], 2023)).toMatchObject({ status: 'on_track', expected: 66 });
    });
  });

  describe('without a baseline', () => {
    const noBaseline = spec({ baseline: null, baselineYear: null });
    it('is at risk before the target year and off track from it', () => {
      expect(evaluateIndicator(noBaseline, [at(2023, 80)], 2023)).toMatchObject({
        status: 'at_risk',
        expected: null,
        gap: null,
      });
      expect(evaluateIndicator(noBaseline, [at(2025, 80)], 2025).status).toBe('off_track');
    });
    it('still counts the target as achieved', () => {
      expect(evaluateIndicator(noBaseline, [at(2023, 91)], 2023).status).toBe('achieved');
    });
  });

  describe('not assessable', () => {
    it.each(['qualitative', 'increase', 'decrease', 'same_rate_increase'] as const)('%s', (comparator) => {
      const result = evaluateIndicator(spec({ comparator, targetValue: null }), [at(2022, 70)], 2022);
      expect(result.status).toBe('not_assessable');
      expect(result.bindingAlert).toBe(false);
    });
    it('when the direction is unknown and the target not met', () => {
      const unknown = spec({ comparator: 'approx', targetValue: 70, baseline: 70 });
      expect(evaluateIndicator(unknown, [at(2022, 50)], 2022).status).toBe('not_assessable');
    });
  });
});

describe('evaluateYears', () => {
  it('evaluates each year', () => {
    const results = evaluateYears(spec({}), [at(2021, 66), at(2023, 62), at(2025, 91)], [2020, 2021, 2023, 2025]);
    expect(results.map((r) => r.status)).toEqual(['no_data', 'on_track', 'off_track', 'achieved']);
    expect(results.map((r) => r.year)).toEqual([2020, 2021, 2023, 2025]);
  });
});
