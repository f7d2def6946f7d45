import type { ComputedIndicatorResponse } from '@chp/core';
import { describe, expect, it } from 'vitest';
import { NO_VALUE_COLOUR, isDark, scaleColour, valueRange } from './township-scale.js';

function item(value: number | null): ComputedIndicatorResponse {
  return {
    code: 'X',
    name: 'x',
    orgUnit: '640221100',
    orgUnitName: '城关镇',
    value,
    numerator: null,
    denominator: null,
    unit: '‰',
  };
}

describe('township colour scale', () => {
  it('spans the computed values and ignores the townships without one', () => {
    expect(valueRange([item(4), item(null), item(10), item(7)])).toEqual({ min: 4, max: 10 });
    expect(valueRange([item(null)])).toBeNull();
  });

  it('widens a single value so that it takes the middle colour', () => {
    const range = valueRange([item(5), item(5)]);
    expect(range).toEqual({ min: 4.5, max: 5.5 });
    expect(valueRange([item(0)])).toEqual({ min: -1, max: 1 });
    expect(scaleColour(5, range)).toBe('rgb(64, 150, 255)');
  });

  it('interpolates between the stops as ECharts does, from the lightest to the darkest', () => {
    const range = { min: 0, max: 8 };
    expect(scaleColour(0, range)).toBe('rgb(230, 244, 255)');
    expect(scaleColour(8, range)).toBe('rgb(0, 44, 140)');
    // Half way between the first two stops, #e6f4ff and #91caff.
    expect(scaleColour(1, range)).toBe('rgb(188, 223, 255)');
    expect(scaleColour(null, range)).toBe(NO_VALUE_COLOUR);
  });

  it('asks for white text on the darker half', () => {
    const range = { min: 0, max: 8 };
    expect([isDark(3, range), isDark(5, range), isDark(null, range)]).toEqual([false, true, false]);
  });
});
