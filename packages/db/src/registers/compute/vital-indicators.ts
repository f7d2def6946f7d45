/**
 * Vital indicators of an org unit from its register totals, by the core functions of
 * 《国家卫生健康统计调查制度》 and WHO (packages/core/src/vital); definitions in docs/indicators.md.
 */
import {
  aggregateSingleYears,
  computeLifeTable,
  crudeBirthRate,
  crudeDeathRate,
  fiveYearBands,
  infantMortalityRate,
  lifeTableBands,
  maternalMortalityRatio,
  naturalIncreaseRate,
  PREMATURE_MORTALITY_AGE_STARTS,
  prematureNcdMortality,
  underFiveMortalityRate,
} from '@chp/core';
import type { AgeBand, ComputedValue } from '@chp/core';
import { notComputable } from './computed-indicator.js';
import type { IndicatorResult, IndicatorSpec } from './computed-indicator.js';
import { populationInBands, totalPopulation } from './population.js';
import type { UnitTotals } from './register-totals.js';

export function fromRatio(ratio: ComputedValue): IndicatorResult {
  return { value: ratio.value, numerator: ratio.numerator, denominator: ratio.denominator };
}

const NO_POPULATION = '无该年常住人口数据，无法计算';

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function deathsInBands(target: readonly AgeBand[], byAge: ReadonlyMap<number, number>): number[] {
  return aggregateSingleYears(
    target,
    [...byAge].map(([age, count]) => ({ age, count }))
  ).map((band) => band.count);
}

/** e₀ by Chiang's abridged life table (0, 1–4, 5–9, …, 85+), with its 95 % interval and warnings. */
function lifeExpectancy(totals: UnitTotals): IndicatorResult {
  if (totalPopulation(totals.population) === 0) return notComputable(NO_POPULATION);
  const bands = lifeTableBands();
  let groups;
  try {
    const population = populationInBands(bands, totals.population);
    const deaths = deathsInBands(bands, totals.deathsByAge);
    groups = bands.map((band, index) => ({
      ...band,
      population: population[index]?.count ?? 0,
      deaths: deaths[index] ?? 0,
    }));
  } catch (error) {
    return notComputable(errorMessage(error));
  }
  const table = computeLifeTable(groups);
  if (!table.ok) return notComputable(...table.problems.map((problem) => problem.message));
  const [first] = table.rows;
  if (first === undefined) return notComputable('生命表为空');
  const warnings = table.warnings.map((warning) => warning.message);
  return {
    value: first.ex,
    numerator: null,
    denominator: null,
    ciLower: first.ciLower,
    ciUpper: first.ciUpper,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** WHO ₄₀q₃₀ in %; numerator the NCD deaths at 30–69, denominator the population aged 30–69. */
function prematureMortality(totals: UnitTotals): IndicatorResult {
  if (totalPopulation(totals.population) === 0) return notComputable(NO_POPULATION);
  try {
    const bands = fiveYearBands();
    const population = populationInBands(bands, totals.population);
    const deaths = deathsInBands(bands, totals.ncdDeathsByAge);
    const result = prematureNcdMortality(
      bands.flatMap((band, index) =>
        PREMATURE_MORTALITY_AGE_STARTS.includes(band.ageStart)
          ? [{ ageStart: band.ageStart, population: population[index]?.count ?? 0, ncdDeaths: deaths[index] ?? 0 }]
          : []
      )
    );
    return { value: result.percent, numerator: result.ncdDeaths, denominator: result.population };
  } catch (error) {
    return notComputable(errorMessage(error));
  }
}

export const VITAL_INDICATORS: readonly IndicatorSpec<UnitTotals>[] = [
  {
    code: 'CRUDE_BIRTH_RATE',
    name: '出生率',
    unit: '‰',
    compute: (t) => fromRatio(crudeBirthRate(t.births, totalPopulation(t.population))),
  },
  {
    code: 'CRUDE_DEATH_RATE',
    name: '死亡率',
    unit: '‰',
    compute: (t) => fromRatio(crudeDeathRate(sumValues(t.deathsByAge), totalPopulation(t.population))),
  },
  {
    code: 'NATURAL_GROWTH_RATE',
    name: '人口自然增长率',
    unit: '‰',
    compute: (t) => fromRatio(naturalIncreaseRate(t.births, sumValues(t.deathsByAge), totalPopulation(t.population))),
  },
  {
    code: 'INFANT_MORTALITY',
    name: '婴儿死亡率',
    unit: '‰',
    compute: (t) => fromRatio(infantMortalityRate(t.infantDeaths, t.births)),
  },
  {
    code: 'U5_MORTALITY',
    name: '5岁以下儿童死亡率',
    unit: '‰',
    compute: (t) => fromRatio(underFiveMortalityRate(t.underFiveDeaths, t.births)),
  },
  {
    code: 'MATERNAL_MORTALITY',
    name: '孕产妇死亡率',
    unit: '1/10万',
    compute: (t) => fromRatio(maternalMortalityRatio(t.maternalDeaths, t.births)),
  },
  { code: 'LIFE_EXPECTANCY', name: '人均预期寿命', unit: '岁', compute: lifeExpectancy },
  { code: 'NCD_PREMATURE_MORTALITY', name: '重大慢性病过早死亡率', unit: '%', compute: prematureMortality },
];

function sumValues(map: ReadonlyMap<number, number>): number {
  let sum = 0;
  for (const value of map.values()) sum += value;
  return sum;
}
