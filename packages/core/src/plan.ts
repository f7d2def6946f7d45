/** A county 十四五 plan as transcribed in `data/plans/<countyCode>.json` (see docs/plan-data-format.md). */

export const COMPARATORS = [
  'gte',
  'lte',
  'gt',
  'lt',
  'approx',
  'within',
  'eq',
  'maintain',
  'same_rate_increase',
  'increase_pct',
  'decrease_pp_per_year',
  'increase_pp',
  'regional_average',
  'increase',
  'decrease',
  'qualitative',
] as const;

/** How a target compares a yearly value with the target value (the plans' wording, normalised). */
export type Comparator = (typeof COMPARATORS)[number];

export const ATTRIBUTES = ['约束性', '预期性', '指导性'] as const;
/** 指标属性: binding (约束性), expected (预期性) or guiding (指导性). */
export type Attribute = (typeof ATTRIBUTES)[number];

export type IndicatorSource = 'table' | 'prose';

export interface PlanIndicator {
  id: string;
  seq: string | null;
  name: string;
  domain: string | null;
  unit: string | null;
  baseline: number | null;
  baselineText: string | null;
  baselineYear: number | null;
  target: string;
  comparator: Comparator;
  targetValue: number | null;
  targetYear: number;
  attribute: Attribute | null;
  source: IndicatorSource;
  line: number;
  quote: string;
  standardCode: string | null;
  note?: string;
}

export interface FundingSource {
  source: string;
  amount: number | null;
}

export interface PlanProject {
  id: string;
  name: string;
  column: string | null;
  content: string;
  investmentPlanned: number | null;
  fundingSources: FundingSource[];
  responsibleUnit: string | null;
  period: string | null;
  line: number;
  note?: string;
}

export interface CountyPlan {
  countyCode: string;
  countyName: string;
  title: string;
  seedFile: string;
  period: { start: number; end: number };
  indicators: PlanIndicator[];
  projects: PlanProject[];
}

/** An entry of `data/indicators/catalog.json`: a standard indicator several plans share. */
export interface StandardIndicator {
  code: string;
  name: string;
  unit: string;
  /** Which way is better. */
  direction: 'up' | 'down';
  kind: 'value' | 'rate' | 'percent' | 'ratio';
}
