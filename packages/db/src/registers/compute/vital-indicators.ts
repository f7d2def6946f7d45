/**
 * Vital indicators of an org unit from its register totals, by the core functions of
 * 《国家卫生健康统计调查制度》 and WHO (packages/core/src/vital); definitions in docs/indicators.md.
 */
import {
  aggregateSingleYears,
  aggregateToBands,
  computeLifeTable,
  crudeBirthRate,
  crudeDeathRate,
  directAgeStandardisedRate,
  fiveYearBands,
  infantMortalityRate,
  lifeTableBands,
  maternalMortalityRatio,
  MIN_PERSON_YEARS,
  naturalIncreaseRate,
  poolLifeTableGroups,
  PREMATURE_MORTALITY_AGE_STARTS,
  prematureNcdMortality,
  underFiveMortalityRate,
  WHO_WORLD_STANDARD_POPULATION,
} from '@chp/core';
import type { AgeBand, LifeTableGroup } from '@chp/core';
import { notComputable } from './computed-indicator.js';
import type { IndicatorResult, IndicatorSpec, OrgUnitLevel } from './computed-indicator.js';
import { populationInBands, totalPopulation } from './population.js';
import type { PopulationAndDeaths, UnitTotals } from './register-totals.js';

/** A core ratio (`computeRatio`, the rates) as a result; typed by its fields, all a result needs. */
export function fromRatio(ratio: { value: number | null; numerator: number; denominator: number }): IndicatorResult {
  return { value: ratio.value, numerator: ratio.numerator, denominator: ratio.denominator };
}

const NO_POPULATION = '无该年常住人口数据，无法计算';

/** The WHO World Standard Population 2000–2025 collapsed to the registers' open group 85+. */
const WHO_STANDARD_TO_85 = aggregateToBands(fiveYearBands(), WHO_WORLD_STANDARD_POPULATION);

/**
 * PHE does not publish a directly standardised rate from fewer than 10 events ("not reliable",
 * PHEindicatormethods `phe_dsr`); we compute it and warn, as for a small life table.
 */
const MIN_STANDARDISED_DEATHS = 10;

/**
 * An age-specific computation of the unit's year: null value with the reason when there is no population
 * or the core refuses the input (RangeError, e.g. a stored age group straddling the bands).
 */
function byAge(totals: UnitTotals, compute: () => IndicatorResult): IndicatorResult {
  if (totalPopulation(totals.population) === 0) return notComputable(NO_POPULATION);
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) return notComputable(error.message);
    throw error;
  }
}

function deathsInBands(target: readonly AgeBand[], byAgeYears: ReadonlyMap<number, number>): number[] {
  return aggregateSingleYears(
    target,
    [...byAgeYears].map(([age, count]) => ({ age, count }))
  ).map((band) => band.count);
}

/** Population and deaths of one year in the bands; throws a RangeError when a population group straddles one. */
function bandCounts(bands: readonly AgeBand[], counts: PopulationAndDeaths): LifeTableGroup[] {
  const population = populationInBands(bands, counts.population);
  const deaths = deathsInBands(bands, counts.deathsByAge);
  return bands.map((band, index) => ({
    ...band,
    population: population[index]?.count ?? 0,
    deaths: deaths[index] ?? 0,
  }));
}

/** '2021–2023' for consecutive years, else '2021、2023'. */
function yearsLabel(years: readonly number[]): string {
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) return '';
  return last - first === years.length - 1 ? `${first}–${last}` : years.join('、');
}

/**
 * A township with fewer person-years in the year than the life table's warning threshold
 * (`MIN_PERSON_YEARS`) is pooled with the earlier years of the window that have population, as small-area
 * life expectancy is (PHE, ONS: 3 years). Null when the township is large enough or no earlier year can be
 * pooled; an earlier year whose population groups do not fit the bands is left out, and the note names the
 * years actually pooled.
 */
function pooledIfSmall(
  totals: UnitTotals,
  groups: LifeTableGroup[]
): { groups: LifeTableGroup[]; note: string } | null {
  if (totalPopulation(totals.population) >= MIN_PERSON_YEARS) return null;
  const earlier = [...totals.earlierYears]
    .sort(([a], [b]) => a - b)
    .flatMap(([year, counts]) => {
      if (totalPopulation(counts.population) === 0) return [];
      try {
        return [{ year, groups: bandCounts(lifeTableBands(), counts) }];
      } catch (error) {
        if (error instanceof RangeError) return [];
        throw error;
      }
    });
  if (earlier.length === 0) return null;
  return {
    groups: poolLifeTableGroups([...earlier.map((period) => period.groups), groups]),
    note: `人口较少，合并 ${yearsLabel([...earlier.map((period) => period.year), totals.year])} 年计算`,
  };
}

/**
 * e₀ by Chiang's abridged life table (0, 1–4, 5–9, …, 85+), with its 95 % interval and warnings; a small
 * township's table is pooled over years (`pooledIfSmall`), which the first warning states.
 */
function lifeExpectancy(totals: UnitTotals, level: OrgUnitLevel): IndicatorResult {
  return byAge(totals, () => {
    const groups = bandCounts(lifeTableBands(), totals);
    const pooled = level === 'township' ? pooledIfSmall(totals, groups) : null;
    const notes = pooled === null ? [] : [pooled.note];
    const table = computeLifeTable(pooled?.groups ?? groups);
    if (!table.ok) return notComputable(...notes, ...table.problems.map((problem) => problem.message));
    const [first] = table.rows;
    if (first === undefined) return notComputable('生命表为空');
    const warnings = [...notes, ...table.warnings.map((warning) => warning.message)];
    return {
      value: first.ex,
      numerator: null,
      denominator: null,
      ciLower: first.ciLower,
      ciUpper: first.ciUpper,
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  });
}

/** WHO ₄₀q₃₀ in %; numerator the NCD deaths at 30–69, denominator the population aged 30–69. */
function prematureMortality(totals: UnitTotals): IndicatorResult {
  return byAge(totals, () => {
    const groups = bandCounts(fiveYearBands(), { population: totals.population, deathsByAge: totals.ncdDeathsByAge });
    const result = prematureNcdMortality(
      groups.flatMap((group) =>
        PREMATURE_MORTALITY_AGE_STARTS.includes(group.ageStart)
          ? [{ ageStart: group.ageStart, population: group.population, ncdDeaths: group.deaths }]
          : []
      )
    );
    return { value: result.percent, numerator: result.ncdDeaths, denominator: result.population };
  });
}

/**
 * Deaths per 100,000 by the direct method on the WHO world standard (0–4, …, 80–84, 85+). The value is
 * Σ rᵢwᵢ / Σ wᵢ, not a ratio of the numerator and denominator, which are the observed deaths and
 * person-years it rests on (as for ₄₀q₃₀; docs/indicators.md).
 */
function ageStandardisedDeathRate(totals: UnitTotals): IndicatorResult {
  return byAge(totals, () => {
    const groups = bandCounts(fiveYearBands(), totals).map(({ deaths, ...group }) => ({ ...group, events: deaths }));
    const rate = directAgeStandardisedRate(groups, WHO_STANDARD_TO_85, 100_000);
    const deaths = rate.crude.numerator;
    const warnings =
      deaths < MIN_STANDARDISED_DEATHS
        ? [`死亡数 ${deaths} 少于 ${MIN_STANDARDISED_DEATHS}，标化死亡率不稳定；建议合并多年数据或上级区域后比较`]
        : [];
    return {
      value: rate.value,
      numerator: deaths,
      denominator: rate.crude.denominator,
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  });
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
    code: 'AGE_STANDARDISED_DEATH_RATE',
    name: '标化死亡率（WHO世界标准人口）',
    unit: '1/10万',
    compute: ageStandardisedDeathRate,
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
