import { ncdGroup } from './icd10.js';

/**
 * 重大慢性病过早死亡率 / SDG 3.4.1 by the WHO method: the unconditional probability of dying between
 * exact ages 30 and 70 from cardiovascular disease (I00–I99), cancer (C00–C97), diabetes (E10–E14) or
 * chronic respiratory disease (J30–J98), assuming no other cause of death.
 *
 * Source: WHO Global Health Observatory indicator metadata, "Dying between the exact ages 30 and 70
 * years from cardiovascular diseases, cancer, diabetes, or chronic respiratory diseases, probability
 * (SDG 3.4.1)" (who.int/data/gho/data/indicators/indicator-details/GHO/probability-of-dying-between-
 * exact-ages-30-and-70-from-any-of-cardiovascular-disease-cancer-diabetes-or-chronic-respiratory-(-)),
 * and the UN SDG metadata for 3.4.1 (custodian WHO):
 *   ₅Mₓ = deaths from the four causes / population, for the 8 groups 30–34 … 65–69;
 *   ₅qₓ = 5·₅Mₓ / (1 + 2.5·₅Mₓ);
 *   ₄₀q₃₀ = 1 − Π (1 − ₅qₓ).
 */
export interface PrematureMortalityGroup {
  /** 30, 35, …, 65. */
  ageStart: number;
  /** Population (person-years) of the 5-year group. */
  population: number;
  /** Deaths from the four NCD groups in the age group. */
  ncdDeaths: number;
}

export interface PrematureMortalityResult {
  /** ₄₀q₃₀ as a probability, 0–1. */
  probability: number;
  /** ₄₀q₃₀ as a percentage, the unit in which plans state it. */
  percent: number;
  ncdDeaths: number;
  population: number;
  groups: { ageStart: number; population: number; ncdDeaths: number; mx: number; qx: number }[];
}

export const PREMATURE_MORTALITY_AGE_STARTS: readonly number[] = [30, 35, 40, 45, 50, 55, 60, 65];

/** Computes ₄₀q₃₀ from the 8 five-year groups 30–34 … 65–69, given in any order. */
export function prematureNcdMortality(groups: readonly PrematureMortalityGroup[]): PrematureMortalityResult {
  const ordered = PREMATURE_MORTALITY_AGE_STARTS.map((ageStart) => {
    const matches = groups.filter((group) => group.ageStart === ageStart);
    const group = matches[0];
    if (group === undefined || matches.length > 1) {
      throw new RangeError(`重大慢性病过早死亡率需要 ${ageStart}–${ageStart + 4} 岁组恰好一行数据`);
    }
    if (!Number.isFinite(group.population) || group.population <= 0) {
      throw new RangeError(`${ageStart}–${ageStart + 4} 岁组人口须为正数`);
    }
    if (!Number.isFinite(group.ncdDeaths) || group.ncdDeaths < 0 || group.ncdDeaths > group.population) {
      throw new RangeError(`${ageStart}–${ageStart + 4} 岁组死亡数 ${group.ncdDeaths} 无效`);
    }
    return group;
  });
  if (groups.length !== ordered.length) throw new RangeError('重大慢性病过早死亡率只使用 30–69 岁的 8 个 5 岁组');

  const rows = ordered.map(({ ageStart, population, ncdDeaths }) => {
    const mx = ncdDeaths / population;
    return { ageStart, population, ncdDeaths, mx, qx: (5 * mx) / (1 + 2.5 * mx) };
  });
  const survival = rows.reduce((product, row) => product * (1 - row.qx), 1);
  const probability = 1 - survival;
  return {
    probability,
    percent: probability * 100,
    ncdDeaths: rows.reduce((sum, row) => sum + row.ncdDeaths, 0),
    population: rows.reduce((sum, row) => sum + row.population, 0),
    groups: rows,
  };
}

export interface DeathForPrematureMortality {
  /** Completed years of age at death (周岁). */
  age: number;
  /** Underlying cause of death, ICD-10. */
  underlyingCause: string;
}

/**
 * Counts deaths from the four NCD groups (by `ncdGroup`) in each 5-year group 30–34 … 65–69. Deaths
 * outside 30–69 or from other causes are not counted; invalid codes count as other causes, so validate
 * codes on import.
 */
export function countNcdDeaths(deaths: readonly DeathForPrematureMortality[]): Map<number, number> {
  const counts = new Map<number, number>(PREMATURE_MORTALITY_AGE_STARTS.map((ageStart) => [ageStart, 0]));
  for (const death of deaths) {
    if (death.age < 30 || death.age >= 70 || ncdGroup(death.underlyingCause) === null) continue;
    const ageStart = 30 + 5 * Math.floor((death.age - 30) / 5);
    counts.set(ageStart, (counts.get(ageStart) ?? 0) + 1);
  }
  return counts;
}
