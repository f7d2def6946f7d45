import type { ComputedIndicatorResponse } from '@chp/core';
/**
 * One plan indicator computed from the registers for one org unit (county or township) and year: the
 * shape the API serves (@chp/core's ComputedIndicatorResponse), defined once there.
 */
export type ComputedIndicator = ComputedIndicatorResponse;

/** What an indicator's computation yields before it is labelled with code, name, unit and org unit. */
export type IndicatorResult = Pick<ComputedIndicator, 'value' | 'numerator' | 'denominator'> &
  Partial<Pick<ComputedIndicator, 'ciLower' | 'ciUpper' | 'norm' | 'compliant' | 'warnings'>>;

/** Where a unit sits: norms apply to the county as a whole, not to its townships. */
export type OrgUnitLevel = 'county' | 'township';

/** How one indicator is computed from an org unit's register totals. */
export interface IndicatorSpec<Totals> {
  code: string;
  name: string;
  unit: string;
  /** Null when the indicator does not apply at this level (norms are checked for the county only). */
  compute(totals: Totals, level: OrgUnitLevel): IndicatorResult | null;
}

/** A result that could not be computed, with the reasons. */
export function notComputable(...warnings: string[]): IndicatorResult {
  return { value: null, numerator: null, denominator: null, warnings };
}
