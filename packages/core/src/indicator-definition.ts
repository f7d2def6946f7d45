/**
 * How an indicator gets its yearly values (DHIS2-style): typed in and approved ('entered'), or computed
 * from platform records as numerator / denominator × factor ('computed', e.g. 每千人口床位数 = beds /
 * resident population × 1000). Computed sources are registered by the capabilities that own the records.
 */
export type IndicatorDefinition =
  | { type: 'entered' }
  | {
      type: 'computed';
      /** The code of the computed source that produces numerator and denominator, e.g. 'beds_per_1000'. */
      source: string;
      /** 100 for a percentage, 1000 for ‰ or per 1,000, 100000 for per 10万. */
      factor: number;
    };

/** One computed value with what it was computed from, kept as provenance beside entered values. */
export interface ComputedValue {
  numerator: number;
  denominator: number;
  factor: number;
  /** numerator / denominator × factor; null when the denominator is zero. */
  value: number | null;
}

export function computeRatio(numerator: number, denominator: number, factor: number): ComputedValue {
  return { numerator, denominator, factor, value: denominator === 0 ? null : (numerator / denominator) * factor };
}
