import { describe, expect, it } from 'vitest';
import { aggregateToBands, fiveYearBands } from './age-groups.js';
import {
  averagePopulation,
  crudeBirthRate,
  crudeDeathRate,
  directAgeStandardisedRate,
  infantMortalityRate,
  maternalMortalityRatio,
  naturalIncreaseRate,
  underFiveMortalityRate,
} from './rates.js';
import { WHO_WORLD_STANDARD_POPULATION } from './standard-populations.js';

/*
 * Hand-computed fixture for a county: 250,000 residents on 1 January and 254,000 on 31 December
 * (年平均人口 252,000), 2,520 live births, 1,764 deaths; of the births of the year 2,500 are the
 * denominator for the child and maternal rates in the second block, with 9 infant deaths, 12 deaths
 * under 5 and 1 maternal death.
 */
describe('crude rates (‰ of the average population)', () => {
  it('averages the start and end of the year', () => {
    expect(averagePopulation(250_000, 254_000)).toBe(252_000);
    expect(() => averagePopulation(-1, 254_000)).toThrow('年初人口');
  });

  it('computes 出生率, 死亡率 and 自然增长率', () => {
    expect(crudeBirthRate(2520, 252_000)).toEqual({ numerator: 2520, denominator: 252_000, factor: 1000, value: 10 });
    expect(crudeDeathRate(1764, 252_000)).toEqual({ numerator: 1764, denominator: 252_000, factor: 1000, value: 7 });
    const natural = naturalIncreaseRate(2520, 1764, 252_000);
    expect(natural).toMatchObject({ numerator: 756, denominator: 252_000, factor: 1000 });
    expect(natural.value).toBeCloseTo(3, 12);
    // 自然增长率 = 出生率 − 死亡率, also when deaths exceed births.
    const shrinking = naturalIncreaseRate(1800, 2268, 252_000);
    expect(shrinking.value).toBeCloseTo(
      crudeBirthRate(1800, 252_000).value! - crudeDeathRate(2268, 252_000).value!,
      12
    );
    expect(shrinking.value).toBeCloseTo(-1.857142857142857, 12);
  });

  it('has no value for a zero population and rejects negative counts', () => {
    expect(crudeDeathRate(0, 0).value).toBeNull();
    expect(() => crudeBirthRate(-1, 1000)).toThrow('活产数 -1');
    expect(() => crudeDeathRate(1, Number.NaN)).toThrow('人口数');
    expect(() => naturalIncreaseRate(1, -2, 1000)).toThrow('死亡数');
  });
});

describe('child and maternal mortality (per live births)', () => {
  it('computes 婴儿死亡率 and 5岁以下儿童死亡率 per 1,000 live births', () => {
    expect(infantMortalityRate(9, 2500)).toEqual({ numerator: 9, denominator: 2500, factor: 1000, value: 3.6 });
    expect(underFiveMortalityRate(12, 2500)).toEqual({ numerator: 12, denominator: 2500, factor: 1000, value: 4.8 });
  });

  it('computes 孕产妇死亡率 per 100,000 live births', () => {
    expect(maternalMortalityRatio(1, 2500)).toEqual({ numerator: 1, denominator: 2500, factor: 100_000, value: 40 });
    expect(maternalMortalityRatio(0, 0).value).toBeNull();
    expect(() => maternalMortalityRatio(-1, 2500)).toThrow('孕产妇死亡数');
  });
});

describe('directAgeStandardisedRate', () => {
  const bands = [
    { ageStart: 0, width: 40 },
    { ageStart: 40, width: 25 },
    { ageStart: 65, width: null },
  ];
  const data = [
    { ...bands[0]!, events: 10, population: 20_000 },
    { ...bands[1]!, events: 50, population: 10_000 },
    { ...bands[2]!, events: 200, population: 5000 },
  ];
  const standard = [
    { ...bands[0]!, count: 60_000 },
    { ...bands[1]!, count: 30_000 },
    { ...bands[2]!, count: 10_000 },
  ];

  it('weights age-specific rates by the standard population (hand-computed)', () => {
    // (0.0005 × 60,000 + 0.005 × 30,000 + 0.04 × 10,000) / 100,000 × 100,000 = 580 per 10万.
    const result = directAgeStandardisedRate(data, standard, 100_000);
    expect(result.numerator).toBeCloseTo(580, 10);
    expect(result.denominator).toBe(100_000);
    expect(result.value).toBeCloseTo(580, 10);
    // Crude: 260 / 35,000 × 100,000 = 742.857…; the old-heavy data standardises lower.
    expect(result.crude.value).toBeCloseTo(742.857142857, 6);
    expect(result.groups.map((group) => group.rate)).toEqual([0.0005, 0.005, 0.04]);
  });

  it('leaves equal age-specific rates unchanged, whatever the standard', () => {
    const who85 = aggregateToBands(fiveYearBands(85), WHO_WORLD_STANDARD_POPULATION);
    const flat = fiveYearBands(85).map((band, index) => ({
      ...band,
      population: 1000 * (index + 1),
      events: 2 * (index + 1),
    }));
    expect(directAgeStandardisedRate(flat, who85, 1000).value).toBeCloseTo(2, 10);
  });

  it('counts an empty group as rate 0 but refuses events without population', () => {
    const empty = data.map((group, index) => (index === 2 ? { ...group, events: 0, population: 0 } : group));
    expect(directAgeStandardisedRate(empty, standard, 100_000).value).toBeCloseTo(180, 10);
    const impossible = data.map((group, index) => (index === 2 ? { ...group, population: 0 } : group));
    expect(() => directAgeStandardisedRate(impossible, standard, 100_000)).toThrow('65+ 岁组人口为 0');
  });

  it('refuses mismatched age groups', () => {
    expect(() => directAgeStandardisedRate(data.slice(1), standard, 1000)).toThrow('须一致');
    const shifted = standard.map((group, index) => (index === 1 ? { ...group, width: 20 } : group));
    expect(() => directAgeStandardisedRate(data, shifted, 1000)).toThrow('40–64');
    expect(() =>
      directAgeStandardisedRate(data, [standard[0]!, standard[1]!, { ...standard[2]!, count: -1 }], 1000)
    ).toThrow('标准人口');
  });
});

describe('WHO_WORLD_STANDARD_POPULATION', () => {
  it('has the published 21 groups adding up to 100.035 %', () => {
    expect(WHO_WORLD_STANDARD_POPULATION).toHaveLength(21);
    const total = WHO_WORLD_STANDARD_POPULATION.reduce((sum, group) => sum + group.count, 0);
    expect(total).toBeCloseTo(100.035, 10);
    // SEER's per-million version of the 0–4 weight: 8.86 / 100.035 × 10⁶ ≈ 88,569.
    expect(Math.round((8.86 / total) * 1e6)).toBe(88_569);
    const to85 = aggregateToBands(fiveYearBands(85), WHO_WORLD_STANDARD_POPULATION);
    expect(to85.at(-1)!.count).toBeCloseTo(0.635, 10);
  });
});
