import { computeRatio } from '../indicator-definition.js';
import type { ComputedValue } from '../indicator-definition.js';
import { ageBandLabel } from './age-groups.js';
import type { AgeBand, AgeBandCount } from './age-groups.js';

/*
 * Vital rates as numerator / denominator × factor, following the definitions of 《国家卫生健康统计调查制度》
 * and WHO: 出生率、死亡率、自然增长率 per 1,000 of the 年平均人口 (or mid-year population); infant and
 * under-5 mortality per 1,000 live births; maternal mortality ratio per 100,000 live births.
 */

/** 年平均人口 = (年初人口 + 年末人口) / 2, the usual denominator of crude rates when no mid-year count exists. */
export function averagePopulation(startOfYear: number, endOfYear: number): number {
  checkCount('年初人口', startOfYear);
  checkCount('年末人口', endOfYear);
  return (startOfYear + endOfYear) / 2;
}

/** 出生率 (‰) = live births in the year / average (or mid-year) population × 1000. */
export function crudeBirthRate(liveBirths: number, population: number): ComputedValue {
  return rate('活产数', liveBirths, '人口数', population, 1000);
}

/** 死亡率 (‰) = deaths in the year / average (or mid-year) population × 1000. */
export function crudeDeathRate(deaths: number, population: number): ComputedValue {
  return rate('死亡数', deaths, '人口数', population, 1000);
}

/** 人口自然增长率 (‰) = (births − deaths) / average population × 1000 = 出生率 − 死亡率; may be negative. */
export function naturalIncreaseRate(liveBirths: number, deaths: number, population: number): ComputedValue {
  checkCount('活产数', liveBirths);
  checkCount('死亡数', deaths);
  checkCount('人口数', population);
  return computeRatio(liveBirths - deaths, population, 1000);
}

/** 婴儿死亡率 (‰) = deaths under 1 year in the year / live births in the year × 1000. */
export function infantMortalityRate(infantDeaths: number, liveBirths: number): ComputedValue {
  return rate('婴儿死亡数', infantDeaths, '活产数', liveBirths, 1000);
}

/** 5岁以下儿童死亡率 (‰) = deaths under 5 years in the year / live births in the year × 1000. */
export function underFiveMortalityRate(underFiveDeaths: number, liveBirths: number): ComputedValue {
  return rate('5岁以下儿童死亡数', underFiveDeaths, '活产数', liveBirths, 1000);
}

/** 孕产妇死亡率 (1/10万) = maternal deaths in the year / live births in the year × 100,000. */
export function maternalMortalityRatio(maternalDeaths: number, liveBirths: number): ComputedValue {
  return rate('孕产妇死亡数', maternalDeaths, '活产数', liveBirths, 100_000);
}

export interface AgeSpecificCount extends AgeBand {
  /** Deaths (or cases) in the age group. */
  events: number;
  /** Population (person-years) of the age group. */
  population: number;
}

export interface AgeStandardisedRate extends ComputedValue {
  /** The crude rate of the same data, for comparison. */
  crude: ComputedValue;
  groups: (AgeSpecificCount & { rate: number; weight: number })[];
}

/**
 * Age-standardised rate by the direct method: Σ rᵢ·wᵢ / Σ wᵢ × factor, rᵢ the age-specific rate and wᵢ
 * the standard population (e.g. `WHO_WORLD_STANDARD_POPULATION` collapsed with `aggregateToBands`, or
 * the China 2000 census standard passed in). The numerator is the expected number of events in the
 * standard population, the denominator its size. Data and standard must have the same age groups.
 * A group with no population counts as rate 0 when it has no events.
 */
export function directAgeStandardisedRate(
  groups: readonly AgeSpecificCount[],
  standard: readonly AgeBandCount[],
  factor: number
): AgeStandardisedRate {
  if (groups.length !== standard.length) {
    throw new RangeError(`数据有 ${groups.length} 个年龄组，标准人口有 ${standard.length} 个，须一致`);
  }
  const rows = groups.map((group, index) => {
    const label = ageBandLabel(group);
    const weight = standard[index];
    if (weight?.ageStart !== group.ageStart || weight.width !== group.width) {
      throw new RangeError(`年龄组 ${label} 与标准人口的年龄组不一致`);
    }
    checkCount(`${label} 岁组事件数`, group.events);
    checkCount(`${label} 岁组人口数`, group.population);
    checkCount(`${label} 岁组标准人口`, weight.count);
    if (group.population === 0 && group.events > 0) {
      throw new RangeError(`${label} 岁组人口为 0 但有 ${group.events} 例，无法计算年龄别率`);
    }
    const groupRate = group.population === 0 ? 0 : group.events / group.population;
    return { ...group, rate: groupRate, weight: weight.count };
  });
  const expected = rows.reduce((sum, row) => sum + row.rate * row.weight, 0);
  const totalWeight = rows.reduce((sum, row) => sum + row.weight, 0);
  const crude = computeRatio(
    rows.reduce((sum, row) => sum + row.events, 0),
    rows.reduce((sum, row) => sum + row.population, 0),
    factor
  );
  return { ...computeRatio(expected, totalWeight, factor), crude, groups: rows };
}

function rate(
  numeratorName: string,
  numerator: number,
  denominatorName: string,
  denominator: number,
  factor: number
): ComputedValue {
  checkCount(numeratorName, numerator);
  checkCount(denominatorName, denominator);
  return computeRatio(numerator, denominator, factor);
}

function checkCount(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} ${value} 无效（须为非负数）`);
}
