/**
 * Synthetic township boundaries for tests: one rectangle per township on a grid, in code order. Real
 * boundaries are large survey files; the API and browser tests only need valid features per township.
 */
import type { BoundaryCollection, TownshipRef } from './township-boundaries.js';

export interface SyntheticBoundaryOptions {
  /** Which properties identify the township: its code, its name, or both (the default). */
  identifyBy?: 'code' | 'name' | 'both';
  /** South-west corner of the grid, [longitude, latitude]. */
  origin?: [number, number];
  /** Side of one rectangle in degrees. */
  size?: number;
}

/** A FeatureCollection of one rectangle per township, laid out in rows of ⌈√n⌉ from the south-west. */
export function syntheticTownshipBoundaries(
  townships: readonly TownshipRef[],
  { identifyBy = 'both', origin = [106.3, 38.7], size = 0.05 }: SyntheticBoundaryOptions = {}
): BoundaryCollection {
  const columns = Math.max(1, Math.ceil(Math.sqrt(townships.length)));
  const [west, south] = origin;
  return {
    type: 'FeatureCollection',
    features: townships.map((township, index) => {
      const x = west + (index % columns) * size;
      const y = south + Math.floor(index / columns) * size;
      const ring = [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ];
      return {
        type: 'Feature',
        properties: {
          ...(identifyBy === 'name' ? {} : { code: township.code }),
          ...(identifyBy === 'code' ? {} : { name: township.name }),
        },
        geometry: { type: 'Polygon', coordinates: [ring] },
      };
    }),
  };
}
