/** One plan indicator computed from the registers for one org unit (county or township) and year. */
export interface ComputedIndicator {
  /** Catalog code (data/indicators/catalog.json) where one matches, else a new upper-snake code. */
  code: string;
  name: string;
  /** Org unit code: the county (6 digits) or a township (9 digits). */
  orgUnit: string;
  orgUnitName: string;
  /** numerator / denominator × factor, except where docs/indicators.md says otherwise; null when not computable. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: string;
  /** 95 % confidence interval (life expectancy). */
  ciLower?: number;
  ciUpper?: number;
  /** Staffing or resource norm the plans state, in the indicator's unit (county level only). */
  norm?: number;
  /** Whether the value meets the norm; null when the value cannot be computed. */
  compliant?: boolean | null;
  warnings?: string[];
}

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
