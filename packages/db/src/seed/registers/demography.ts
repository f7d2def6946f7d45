/**
 * The demographic model of the synthetic registers: age structure, sex ratios, 户籍/常住 ratios and
 * mortality of an ageing rural Chinese county around 2020.
 *
 * Age shares: the 2020 census (七普) national shares are 0–14 17.95 %, 15–59 63.35 %, 60+ 18.70 %,
 * 65+ 13.50 %. Rural counties that send workers to the cities are older and have fewer young adults
 * (乐至县's plan reports 26.4 % aged 65+, 襄垣县's 19 % aged 60+), so the model takes a middle course:
 * 0–14 16.8 %, 15–59 62.6 %, 60+ 20.6 %, 65+ 15.0 %, with the hollow at 20–29 and the bulge of the
 * 1960s–70s births at 45–59.
 *
 * Mortality: death rates per 1,000 by age group close to a Chinese 2020 life table (e0 ≈ 78; infant
 * mortality ≈ 4 ‰, all-cause 40q30 ≈ 19 % of which about three quarters from the four major NCDs, so
 * premature NCD mortality comes out ≈ 12–16 %), men higher than women.
 */

export interface AgeGroup {
  start: number;
  /** Inclusive; null for the open group 85+. */
  end: number | null;
}

/** 0, 1–4, 5–9, …, 80–84, 85+: the groups an abridged life table needs. */
export const AGE_GROUPS: readonly AgeGroup[] = [
  { start: 0, end: 0 },
  { start: 1, end: 4 },
  ...Array.from({ length: 16 }, (_, index) => ({ start: 5 + index * 5, end: 9 + index * 5 })),
  { start: 85, end: null },
];

/** Share of the resident population (%, both sexes) by group of AGE_GROUPS; sums to 100. */
export const AGE_SHARES: readonly number[] = [
  0.8, 3.6, 6.2, 6.2, 5.0, 5.3, 5.9, 7.4, 7.0, 6.5, 8.3, 9.4, 7.8, 5.6, 6.0, 3.8, 2.5, 1.7, 1.0,
];

/** Yearly shift of the structure: the 60+ groups gain and the under-15 groups lose this fraction a year. */
export const AGEING_PER_YEAR = 0.012;

/** Yearly change of the resident total (net out-migration of a rural county). */
export const RESIDENT_CHANGE_PER_YEAR = -0.003;

/** Share of men in a group: boys outnumber girls (birth sex ratio ≈ 110 since the 1990s), women outlive men. */
export function maleShare(group: AgeGroup): number {
  if (group.start < 20) return 0.53;
  if (group.start < 60) return 0.51;
  if (group.start < 70) return 0.5;
  if (group.start < 80) return 0.48;
  return 0.42;
}

/** 户籍 ÷ 常住 by age: registered young adults work elsewhere; children and the old mostly stay. */
export function registeredRatio(group: AgeGroup): number {
  if (group.start < 15) return 1.05;
  if (group.start < 20) return 1.1;
  if (group.start < 50) return 1.3;
  if (group.start < 60) return 1.12;
  return 1.02;
}

/** Deaths per 1,000 person-years (both sexes) by group of AGE_GROUPS; group 0 is generated from births. */
export const DEATH_RATES: readonly number[] = [
  4.0, 0.25, 0.15, 0.18, 0.3, 0.45, 0.55, 0.8, 1.2, 1.8, 2.8, 4.2, 6.5, 12, 18, 27, 45, 75, 165,
];

/** Men's and women's rates relative to DEATH_RATES. */
export function sexMortalityFactor(sex: '1' | '2', group: AgeGroup): number {
  const excess = group.start < 15 ? 0.1 : 0.25;
  return sex === '1' ? 1 + excess : 1 - excess;
}

/** Mortality falls about 1.5 % a year, as it did in China in the 2010s. */
export const MORTALITY_DECLINE_PER_YEAR = 0.015;

/** Crude birth rate (‰) in the `index`-th year: ≈ 9 ‰ falling towards 7 ‰ and below. */
export function crudeBirthRate(index: number): number {
  return Math.max(6, 9.2 - 0.25 * index);
}

/** Infant deaths per live birth, falling from 5 ‰ to 3 ‰. */
export function infantDeathRisk(index: number): number {
  return Math.max(0.003, 0.005 - 0.0002 * index);
}

/** Maternal deaths per live birth (China ≈ 17 per 100,000 around 2020). */
export const MATERNAL_DEATH_RISK = 17e-5;

/** Men per 100 women at birth. */
export const BIRTH_SEX_RATIO = 110;
