/** Shared shapes of the outbreak-detection algorithms (EARS, CUSUM, Farrington, CIDARS moving percentile). */

/** A count series at a fixed frequency: consecutive days (365) or consecutive weeks (52, date = first day). */
export interface CountSeries {
  readonly dates: readonly string[];
  readonly counts: readonly number[];
  readonly frequency: 52 | 365;
}

/** One assessed time point, as `chp surveillance detect` prints it and R's `surveillance` returns it. */
export interface DetectionPoint {
  readonly date: string;
  readonly observed: number;
  /** The threshold; NaN when the method could not compute one (printed as null). */
  readonly upperbound: number;
  readonly alarm: boolean;
}

export type DetectionMethod = 'ears-c1' | 'ears-c2' | 'ears-c3' | 'cusum' | 'farrington' | 'moving-percentile';

export const DETECTION_METHODS: readonly DetectionMethod[] = [
  'ears-c1',
  'ears-c2',
  'ears-c3',
  'cusum',
  'farrington',
  'moving-percentile',
];
