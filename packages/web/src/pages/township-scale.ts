/**
 * One colour scale for the township map and the township tiles: ECharts' continuous visualMap
 * interpolates linearly in RGB between the same stops, so a tile and a map region of equal value match.
 */
import type { ComputedIndicatorResponse } from '@chp/core';

/** Light to dark blue: neutral, since a higher value is better for some indicators and worse for others. */
export const SCALE_COLOURS = ['#e6f4ff', '#91caff', '#4096ff', '#0958d9', '#002c8c'] as const;
export const NO_VALUE_COLOUR = '#f0f0f0';

export interface ValueRange {
  min: number;
  max: number;
}

/**
 * The range of the townships' values, or null when none could be computed. A single value is widened by
 * a tenth each way so that it takes the middle colour rather than an end of the scale.
 */
export function valueRange(items: readonly ComputedIndicatorResponse[]): ValueRange | null {
  const values = items.map((item) => item.value).filter((value): value is number => value !== null);
  if (values.length === 0) return null;
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const pad = min === max ? Math.abs(min) / 10 || 1 : 0;
  return { min: min - pad, max: max + pad };
}

function position(value: number, range: ValueRange): number {
  return (value - range.min) / (range.max - range.min);
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour of `value` on the scale over `range`. */
export function scaleColour(value: number | null, range: ValueRange | null): string {
  if (value === null || range === null) return NO_VALUE_COLOUR;
  const scaled = Math.max(0, Math.min(1, position(value, range))) * (SCALE_COLOURS.length - 1);
  const lower = Math.min(SCALE_COLOURS.length - 2, Math.floor(scaled));
  const fraction = scaled - lower;
  const from = rgb(SCALE_COLOURS[lower] ?? SCALE_COLOURS[0]);
  const to = rgb(SCALE_COLOURS[lower + 1] ?? SCALE_COLOURS[0]);
  const mixed = from.map((c, i) => Math.round(c + ((to[i] ?? c) - c) * fraction));
  return `rgb(${mixed.join(', ')})`;
}

/** Whether text on the colour reads better in white (the darker half of the scale). */
export function isDark(value: number | null, range: ValueRange | null): boolean {
  return value !== null && range !== null && position(value, range) > 0.5;
}
