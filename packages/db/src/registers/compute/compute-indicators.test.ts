import { computeLifeTable, lifeTableBands } from '@chp/core';
import type { LifeTableGroup } from '@chp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import { death, populationAggregate } from '../../schema.js';
import { computeIndicators } from './compute-indicators.js';
import type { ComputedIndicator } from './computed-indicator.js';
import { CHENGGUAN, FIXTURE_COUNTY, FIXTURE_YEAR, HUANGQUQIAO, loadIndicatorFixture } from './indicator-fixture.js';
import { SERVICE_INDICATORS } from './service-indicators.js';

type Expected = Pick<ComputedIndicator, 'value' | 'numerator' | 'denominator'> &
  Partial<Pick<ComputedIndicator, 'norm' | 'compliant'>>;

/** ₅q = 5m / (1 + 2.5m) (WHO method), for the NCD groups by hand. */
const q5 = (deaths: number, population: number): number => {
  const m = deaths / population;
  return (5 * m) / (1 + 2.5 * m);
};

/*
 * Resident population 2023 (2022 rows ignored):
 *   城关镇 18 bands × 2 000 + 85+ 100 = 36 100; 黄渠桥镇 18 × 200 + 20 = 3 620; county 39 720.
 * Births 2023: 城关镇 400, 黄渠桥镇 20, coded to the county itself 1 → county 421 (one 2022 birth ignored).
 * Deaths 2023: 城关镇 2 (age 0) + 1 (3) + 1 maternal (28) + 1 V89 (40) + 1 E11 (45) + 4 I21 (52)
 *   + 2 C34 (67) + 5 I63 (75) + 20 I21 (90) = 37; 黄渠桥镇 2 J44 (88) + 1 C16 (60) = 3; county 40.
 *
 * Age-standardised death rate, groups 0–4, …, 80–84, 85+ with the WHO world standard (%, 0–4 8.86,
 * 25–29 7.93, 40–44 6.59, 45–49 6.04, 50–54 5.37, 60–64 3.72, 65–69 2.96, 75–79 1.52, 85+ 0.44 + 0.15 +
 * 0.04 + 0.005 = 0.635; all 21 groups add up to 100.035): Σ (deaths / population) × weight / 100.035 ×
 * 100 000. 城关镇 0–4 has 2 000 + 2 000 = 4 000 residents and 3 deaths (ages 0, 0, 3):
 *   (3/4000·8.86 + 1/2000·7.93 + 1/2000·6.59 + 1/2000·6.04 + 4/2000·5.37 + 2/2000·2.96 + 5/2000·1.52
 *   + 20/100·0.635) = 0.161425 → 161.37 per 100 000 (crude 37 / 36 100 = 102.49).
 * 黄渠桥镇: (1/200·3.72 + 2/20·0.635) = 0.0821 → 82.07.
 */
const WHO_TOTAL = 100.035;
const VITAL: Record<string, Record<string, Expected>> = {
  [FIXTURE_COUNTY]: {
    CRUDE_BIRTH_RATE: { numerator: 421, denominator: 39720, value: (421 / 39720) * 1000 },
    CRUDE_DEATH_RATE: { numerator: 40, denominator: 39720, value: (40 / 39720) * 1000 },
    // 0–4 4 400 residents, other groups 2 200, 85+ 120: 149.35 per 100 000.
    AGE_STANDARDISED_DEATH_RATE: {
      numerator: 40,
      denominator: 39720,
      value:
        (((3 / 4400) * 8.86 +
          (1 / 2200) * (7.93 + 6.59 + 6.04 + 4 * 5.37 + 3.72 + 2 * 2.96 + 5 * 1.52) +
          (22 / 120) * 0.635) /
          WHO_TOTAL) *
        100000,
    },
    NATURAL_GROWTH_RATE: { numerator: 381, denominator: 39720, value: (381 / 39720) * 1000 },
    INFANT_MORTALITY: { numerator: 2, denominator: 421, value: (2 / 421) * 1000 },
    U5_MORTALITY: { numerator: 3, denominator: 421, value: (3 / 421) * 1000 },
    MATERNAL_MORTALITY: { numerator: 1, denominator: 421, value: (1 / 421) * 100000 },
    // NCD deaths 30–69: 45–49 1, 50–54 4, 60–64 1, 65–69 2 = 8; population 8 groups × 2 200 = 17 600.
    NCD_PREMATURE_MORTALITY: {
      numerator: 8,
      denominator: 17600,
      value: (1 - (1 - q5(1, 2200)) * (1 - q5(4, 2200)) * (1 - q5(1, 2200)) * (1 - q5(2, 2200))) * 100,
    },
  },
  [CHENGGUAN]: {
    CRUDE_BIRTH_RATE: { numerator: 400, denominator: 36100, value: (400 / 36100) * 1000 },
    CRUDE_DEATH_RATE: { numerator: 37, denominator: 36100, value: (37 / 36100) * 1000 },
    AGE_STANDARDISED_DEATH_RATE: { numerator: 37, denominator: 36100, value: (0.161425 / WHO_TOTAL) * 100000 },
    NATURAL_GROWTH_RATE: { numerator: 363, denominator: 36100, value: (363 / 36100) * 1000 },
    INFANT_MORTALITY: { numerator: 2, denominator: 400, value: 5 },
    U5_MORTALITY: { numerator: 3, denominator: 400, value: 7.5 },
    MATERNAL_MORTALITY: { numerator: 1, denominator: 400, value: 250 },
    // 45–49 1, 50–54 4, 65–69 2 of 2 000 each; the V89 injury death is not an NCD.
    NCD_PREMATURE_MORTALITY: {
      numerator: 7,
      denominator: 16000,
      value: (1 - (1 - q5(1, 2000)) * (1 - q5(4, 2000)) * (1 - q5(2, 2000))) * 100,
    },
  },
  [HUANGQUQIAO]: {
    CRUDE_BIRTH_RATE: { numerator: 20, denominator: 3620, value: (20 / 3620) * 1000 },
    CRUDE_DEATH_RATE: { numerator: 3, denominator: 3620, value: (3 / 3620) * 1000 },
    AGE_STANDARDISED_DEATH_RATE: { numerator: 3, denominator: 3620, value: (0.0821 / WHO_TOTAL) * 100000 },
    NATURAL_GROWTH_RATE: { numerator: 17, denominator: 3620, value: (17 / 3620) * 1000 },
    INFANT_MORTALITY: { numerator: 0, denominator: 20, value: 0 },
    U5_MORTALITY: { numerator: 0, denominator: 20, value: 0 },
    MATERNAL_MORTALITY: { numerator: 0, denominator: 20, value: 0 },
    // 60–64: m = 1/200 = 0.005, q = 0.025 / 1.0125 = 0.024691… → 2.469 %.
    NCD_PREMATURE_MORTALITY: { numerator: 1, denominator: 1600, value: (0.025 / 1.0125) * 100 },
  },
};

/*
 * Resources 2023 (F6 closed 2021, 2022 counts, a physician who left in 2022 and a nurse starting in 2024
 * are ignored). Beds (实有, total): F1 300 + F2 100 (county level) + F3 40 + F5 50 (城关镇) + F4 20
 * (黄渠桥镇) = 510. Doctors: F1 8 + 2 psychiatry + 3 assistants, F2 5 TCM, F7 1, F8 1 (county level);
 * F3 2 GP + 1 TCM assistant, F5 4 (城关镇: 7); F4 1 GP assistant (黄渠桥镇: 1) → 28. TCM 5 + 1 = 6.
 * Nurses: F1 20 + F2 6 + F8 2, F3 4 + F5 5 + mover 1 (城关镇 10), F4 2 + mover 1 (黄渠桥镇 3); the mover
 * counts once in the county → 40. Pharmacists F1 2 + F3 1 = 3. GPs F3 2 + F4 1 = 3. Public-health
 * staff: CDC 5 + 妇幼 3 = 8. Childcare 60 (40 普惠) + 30 (30). 二级及以上综合医院: F1 (老年医学科 10 beds),
 * F5 (none).
 * Health-education staff: the one CDC worker holding 'health_education' (F1's nurse-educator is a
 * hospital's): 1 / 39 720 × 100 000 = 2.52 ≥ 1.75.
 * 专业技术人员 of 卫生院 and 社区卫生服务站 (management staff and 乡村医生 excluded): 城关镇 F3 2 + 1 + 4 + 1
 * + 2 public_health + mover = 11, F11 1 public_health + 1 technician = 2 → 13, 3 public_health; 黄渠桥镇 F4
 * 1 + 2 + 1 public_health + mover = 5, 1 public_health; county 13 + 5 − mover = 17, 4 → 23.5 % < 25 %.
 */
const RESOURCES: Record<string, Record<string, Expected>> = {
  [FIXTURE_COUNTY]: {
    BEDS_PER_1000: { numerator: 510, denominator: 39720, value: (510 / 39720) * 1000 },
    DOCTORS_PER_1000: { numerator: 28, denominator: 39720, value: (28 / 39720) * 1000 },
    TCM_DOCTORS_PER_1000: { numerator: 6, denominator: 39720, value: (6 / 39720) * 1000 },
    NURSES_PER_1000: { numerator: 40, denominator: 39720, value: (40 / 39720) * 1000 },
    PHARMACISTS_PER_1000: { numerator: 3, denominator: 39720, value: (3 / 39720) * 1000 },
    GP_PER_10000: { numerator: 3, denominator: 39720, value: (3 / 39720) * 10000 },
    PUBLIC_HEALTH_STAFF_PER_10000: { numerator: 8, denominator: 39720, value: (8 / 39720) * 10000 },
    CHILDCARE_PLACES_PER_1000: { numerator: 90, denominator: 39720, value: (90 / 39720) * 1000 },
    INCLUSIVE_CHILDCARE_PLACES_PER_1000: { numerator: 70, denominator: 39720, value: (70 / 39720) * 1000 },
    GERIATRICS_DEPT_SHARE: { numerator: 1, denominator: 2, value: 50 },
    DOCTOR_NURSE_RATIO: { numerator: 40, denominator: 28, value: 40 / 28 },
    BED_NURSE_RATIO: { numerator: 40, denominator: 510, value: 40 / 510 },
    // 2 / 39 720 × 100 000 = 5.04 ≥ 3.5.
    PSYCHIATRISTS_PER_100000: {
      numerator: 2,
      denominator: 39720,
      value: (2 / 39720) * 100000,
      norm: 3.5,
      compliant: true,
    },
    // 5 / 39 720 × 10 000 = 1.26 < 1.32.
    CDC_STAFFING: { numerator: 5, denominator: 39720, value: (5 / 39720) * 10000, norm: 1.32, compliant: false },
    HEALTH_EDUCATION_STAFF_PER_100000: {
      numerator: 1,
      denominator: 39720,
      value: (1 / 39720) * 100000,
      norm: 1.75,
      compliant: true,
    },
    PRIMARY_PUBLIC_HEALTH_STAFF_SHARE: {
      numerator: 4,
      denominator: 17,
      value: (4 / 17) * 100,
      norm: 25,
      compliant: false,
    },
    INFECTIOUS_DISEASE_BEDS: { numerator: 25, denominator: null, value: 25, norm: 20, compliant: true },
  },
  [CHENGGUAN]: {
    BEDS_PER_1000: { numerator: 90, denominator: 36100, value: (90 / 36100) * 1000 },
    DOCTORS_PER_1000: { numerator: 7, denominator: 36100, value: (7 / 36100) * 1000 },
    TCM_DOCTORS_PER_1000: { numerator: 1, denominator: 36100, value: (1 / 36100) * 1000 },
    NURSES_PER_1000: { numerator: 10, denominator: 36100, value: (10 / 36100) * 1000 },
    PHARMACISTS_PER_1000: { numerator: 1, denominator: 36100, value: (1 / 36100) * 1000 },
    GP_PER_10000: { numerator: 2, denominator: 36100, value: (2 / 36100) * 10000 },
    PUBLIC_HEALTH_STAFF_PER_10000: { numerator: 0, denominator: 36100, value: 0 },
    CHILDCARE_PLACES_PER_1000: { numerator: 60, denominator: 36100, value: (60 / 36100) * 1000 },
    INCLUSIVE_CHILDCARE_PLACES_PER_1000: { numerator: 40, denominator: 36100, value: (40 / 36100) * 1000 },
    GERIATRICS_DEPT_SHARE: { numerator: 0, denominator: 1, value: 0 },
    DOCTOR_NURSE_RATIO: { numerator: 10, denominator: 7, value: 10 / 7 },
    BED_NURSE_RATIO: { numerator: 10, denominator: 90, value: 10 / 90 },
    PSYCHIATRISTS_PER_100000: { numerator: 0, denominator: 36100, value: 0 },
    PRIMARY_PUBLIC_HEALTH_STAFF_SHARE: { numerator: 3, denominator: 13, value: (3 / 13) * 100 },
  },
  [HUANGQUQIAO]: {
    BEDS_PER_1000: { numerator: 20, denominator: 3620, value: (20 / 3620) * 1000 },
    DOCTORS_PER_1000: { numerator: 1, denominator: 3620, value: (1 / 3620) * 1000 },
    TCM_DOCTORS_PER_1000: { numerator: 0, denominator: 3620, value: 0 },
    NURSES_PER_1000: { numerator: 3, denominator: 3620, value: (3 / 3620) * 1000 },
    PHARMACISTS_PER_1000: { numerator: 0, denominator: 3620, value: 0 },
    GP_PER_10000: { numerator: 1, denominator: 3620, value: (1 / 3620) * 10000 },
    PUBLIC_HEALTH_STAFF_PER_10000: { numerator: 0, denominator: 3620, value: 0 },
    CHILDCARE_PLACES_PER_1000: { numerator: 30, denominator: 3620, value: (30 / 3620) * 1000 },
    INCLUSIVE_CHILDCARE_PLACES_PER_1000: { numerator: 30, denominator: 3620, value: (30 / 3620) * 1000 },
    GERIATRICS_DEPT_SHARE: { numerator: 0, denominator: 0, value: null },
    DOCTOR_NURSE_RATIO: { numerator: 3, denominator: 1, value: 3 },
    BED_NURSE_RATIO: { numerator: 3, denominator: 20, value: 0.15 },
    PSYCHIATRISTS_PER_100000: { numerator: 0, denominator: 3620, value: 0 },
    PRIMARY_PUBLIC_HEALTH_STAFF_SHARE: { numerator: 1, denominator: 5, value: 20 },
  },
};

/**
 * The life-table groups written out by hand (0, 1–4, …, 85+): population per band and deaths by band.
 * e₀ itself is Chiang's method, verified against the PHE calculator in core's life-table.test.ts.
 */
function handGroups(perBand: number, open: number, deaths: Record<number, number>): LifeTableGroup[] {
  return lifeTableBands().map((band) => ({
    ...band,
    population: band.width === null ? open : perBand,
    deaths: deaths[band.ageStart] ?? 0,
  }));
}
/*
 * 黄渠桥镇 has 3 620 person-years in 2023 (< 5 000), so it is pooled with 2022 (same population; deaths at
 * 0 and 87) and 2021 (180 per band, 20 aged 85+; deaths at 72, 86, 86): per band 200 + 200 + 180 = 580,
 * 85+ 20 + 20 + 20 = 60; deaths 0: 1, 60–64: 1, 70–74: 1, 85+: 2 + 1 + 2 = 5.
 */
const LIFE_TABLES: Record<string, { groups: LifeTableGroup[]; notes: string[] }> = {
  // Deaths by band start: 0: 2, 1–4: 1, 25–29: 1, 40–44: 1, 45–49: 1, 50–54: 4, 65–69: 2, 75–79: 5, 85+: 20.
  [CHENGGUAN]: {
    groups: handGroups(2000, 100, { 0: 2, 1: 1, 25: 1, 40: 1, 45: 1, 50: 4, 65: 2, 75: 5, 85: 20 }),
    notes: [],
  },
  [HUANGQUQIAO]: {
    groups: handGroups(580, 60, { 0: 1, 60: 1, 70: 1, 85: 5 }),
    notes: ['人口较少，合并 2021–2023 年计算'],
  },
  // The county is never pooled.
  [FIXTURE_COUNTY]: {
    groups: handGroups(2200, 120, { 0: 2, 1: 1, 25: 1, 40: 1, 45: 1, 50: 4, 60: 1, 65: 2, 75: 5, 85: 22 }),
    notes: [],
  },
};

/** The life table of the hand-built groups; the fixture's tables are all valid. */
function handTable(groups: LifeTableGroup[]) {
  const table = computeLifeTable(groups);
  if (!table.ok) throw new Error('hand-built life table is invalid');
  return { first: table.rows[0]!, warnings: table.warnings.map((warning) => warning.message) };
}

describe.each(testDatabaseKinds())('computeIndicators on %s', (kind) => {
  let database: TestDatabase;
  let results: ComputedIndicator[];
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadIndicatorFixture(database.db);
    results = await computeIndicators(database.db, FIXTURE_COUNTY, FIXTURE_YEAR);
  });
  afterAll(async () => {
    await database.destroy();
  });

  const find = (orgUnit: string, code: string): ComputedIndicator => {
    const found = results.filter((row) => row.orgUnit === orgUnit && row.code === code);
    expect(found, `${orgUnit} ${code}`).toHaveLength(1);
    return found[0]!;
  };

  it.each(
    Object.entries({ ...VITAL }).flatMap(([unit, rows]) =>
      Object.entries(rows).map(([code, e]) => [unit, code, e] as const)
    )
  )('vital %s %s', (unit, code, expected) => {
    const row = find(unit, code);
    expect({ numerator: row.numerator, denominator: row.denominator }).toEqual({
      numerator: expected.numerator,
      denominator: expected.denominator,
    });
    expect(row.value).toBeCloseTo(expected.value!, 10);
  });

  it.each(
    Object.entries(RESOURCES).flatMap(([unit, rows]) =>
      Object.entries(rows).map(([code, e]) => [unit, code, e] as const)
    )
  )('resource %s %s', (unit, code, expected) => {
    const row = find(unit, code);
    const { value, ...counts } = expected;
    expect(row).toMatchObject(counts);
    if (value === null) expect(row.value).toBeNull();
    else expect(row.value).toBeCloseTo(value, 10);
    if (unit !== FIXTURE_COUNTY) expect(row).not.toHaveProperty('norm');
  });

  it.each(Object.entries(LIFE_TABLES))('life expectancy of %s from the hand-built life table', (unit, expected) => {
    const { first, warnings } = handTable(expected.groups);
    const row = find(unit, 'LIFE_EXPECTANCY');
    expect(row.value).toBeCloseTo(first.ex, 10);
    expect(row.ciLower).toBeCloseTo(first.ciLower, 10);
    expect(row.ciUpper).toBeCloseTo(first.ciUpper, 10);
    expect(row.value!).toBeGreaterThan(row.ciLower!);
    expect(row.warnings ?? []).toEqual([...expected.notes, ...warnings]);
  });

  it('pools 黄渠桥镇 over the years it has when fewer than 3 are loaded, and not at all with none', async () => {
    const township = async (year: number): Promise<ComputedIndicator | undefined> =>
      (await computeIndicators(database.db, FIXTURE_COUNTY, year)).find(
        (row) => row.orgUnit === HUANGQUQIAO && row.code === 'LIFE_EXPECTANCY'
      );
    // 2022 with 2021 (no 2020): per band 200 + 180, 85+ 20 + 20; deaths 0: 1, 70–74: 1, 85+: 1 + 2.
    const pooled = handTable(handGroups(380, 40, { 0: 1, 70: 1, 85: 3 }));
    expect(await township(2022)).toMatchObject({
      value: pooled.first.ex,
      ciLower: pooled.first.ciLower,
      ciUpper: pooled.first.ciUpper,
      warnings: ['人口较少，合并 2021–2022 年计算', ...pooled.warnings],
    });
    // 2021 alone: 18 × 180 + 20 = 3 260 person-years, so the core's small-population warning.
    const single = handTable(handGroups(180, 20, { 70: 1, 85: 2 }));
    expect(single.warnings).toContain('人口总人年 3260 少于 5000，预期寿命不稳定；建议合并多年数据或上级区域后计算');
    expect(await township(2021)).toMatchObject({ value: single.first.ex, warnings: single.warnings });
  });

  it('warns that an age-standardised death rate from fewer than 10 deaths is unstable', () => {
    expect(find(HUANGQUQIAO, 'AGE_STANDARDISED_DEATH_RATE').warnings).toEqual([
      '死亡数 3 少于 10，标化死亡率不稳定；建议合并多年数据或上级区域后比较',
    ]);
    expect(find(CHENGGUAN, 'AGE_STANDARDISED_DEATH_RATE').warnings).toBeUndefined();
  });

  // The service indicators' expectations are in service-indicators.test.ts, which checks them all likewise.
  it('has a hand-computed expectation above for every indicator of the fixture units', () => {
    for (const unit of [FIXTURE_COUNTY, CHENGGUAN, HUANGQUQIAO]) {
      expect(LIFE_TABLES).toHaveProperty(unit);
      const expected = [
        ...Object.keys(VITAL[unit]!),
        ...Object.keys(RESOURCES[unit]!),
        'LIFE_EXPECTANCY',
        ...SERVICE_INDICATORS.map((spec) => spec.code),
      ];
      const computed = results.filter((row) => row.orgUnit === unit).map((row) => row.code);
      expect(computed.sort(), unit).toEqual(expected.sort());
    }
  });

  it('lists the county first, then every township, with the norms at county level only', () => {
    expect(results[0]).toMatchObject({ orgUnit: FIXTURE_COUNTY, orgUnitName: '平罗县', code: 'CRUDE_BIRTH_RATE' });
    const townships = [...new Set(results.map((row) => row.orgUnit))].slice(1);
    expect(townships).toContain(CHENGGUAN);
    expect(townships).toEqual([...townships].sort());
    expect(find(CHENGGUAN, 'BEDS_PER_1000')).toMatchObject({
      orgUnitName: '城关镇',
      unit: '张',
      name: '每千人口医疗卫生机构床位数',
    });
    expect(results.filter((row) => row.orgUnit === FIXTURE_COUNTY)).toHaveLength(26 + SERVICE_INDICATORS.length);
    for (const township of townships) {
      expect(results.filter((row) => row.orgUnit === township)).toHaveLength(23 + SERVICE_INDICATORS.length);
    }
    for (const code of ['CDC_STAFFING', 'HEALTH_EDUCATION_STAFF_PER_100000', 'INFECTIOUS_DISEASE_BEDS']) {
      expect(results.filter((row) => row.code === code).map((row) => row.orgUnit)).toEqual([FIXTURE_COUNTY]);
    }
  });

  it('gives null values with a reason for a township without registers', () => {
    const empty = results.find((row) => ![FIXTURE_COUNTY, CHENGGUAN, HUANGQUQIAO].includes(row.orgUnit));
    expect(empty).toBeDefined();
    const unit = empty!.orgUnit;
    expect(find(unit, 'CRUDE_BIRTH_RATE')).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(find(unit, 'LIFE_EXPECTANCY')).toMatchObject({ value: null, warnings: ['无该年常住人口数据，无法计算'] });
    expect(find(unit, 'AGE_STANDARDISED_DEATH_RATE')).toMatchObject({
      value: null,
      warnings: ['无该年常住人口数据，无法计算'],
    });
    expect(find(unit, 'PRIMARY_PUBLIC_HEALTH_STAFF_SHARE')).toMatchObject({
      value: null,
      numerator: 0,
      denominator: 0,
    });
  });

  it('refuses a county that is not installed', async () => {
    await expect(computeIndicators(database.db, '140423', FIXTURE_YEAR)).rejects.toMatchObject({
      kind: 'not_found',
      message: '县（区）140423 尚未添加到平台，请先添加该县（区）',
    });
  });

  it('returns no values for a year without registers but still lists the units', async () => {
    const other = await computeIndicators(database.db, FIXTURE_COUNTY, 2030);
    expect(other).toHaveLength(results.length);
    expect(other.find((row) => row.code === 'BEDS_PER_1000')).toMatchObject({ value: null, numerator: 0 });
  });

  // Last, because it adds registers: a small township with 2021 and 2023 but no 2022.
  it('names the years pooled when one in between has no population', async () => {
    const unit = [...new Set(results.map((row) => row.orgUnit))].at(-1)!;
    expect([FIXTURE_COUNTY, CHENGGUAN, HUANGQUQIAO]).not.toContain(unit);
    const people = (year: number): (typeof populationAggregate.$inferInsert)[] =>
      lifeTableBands().map((band) => ({
        countyCode: FIXTURE_COUNTY,
        orgUnitCode: unit,
        year,
        residence: 'resident',
        sex: '1',
        ageStart: band.ageStart,
        ageEnd: band.width === null ? null : band.ageStart + band.width - 1,
        count: band.width === null ? 10 : 100,
      }));
    await database.db.insert(populationAggregate).values([...people(2021), ...people(2023)]);
    await database.db.insert(death).values(
      [2021, 2023].map((year) => ({
        countyCode: FIXTURE_COUNTY,
        orgUnitCode: unit,
        deathDate: `${year}-03-01`,
        ageYears: 90,
        sex: '1',
        underlyingCauseIcd10: 'I21.9',
        place: 'hospital',
        sourceRef: `GAP-${year}`,
      }))
    );
    // 2021 + 2023: 200 per band, 20 aged 85+, one death at 85+ each year.
    const pooled = handTable(handGroups(200, 20, { 85: 2 }));
    const row = (await computeIndicators(database.db, FIXTURE_COUNTY, FIXTURE_YEAR)).find(
      (item) => item.orgUnit === unit && item.code === 'LIFE_EXPECTANCY'
    );
    expect(row).toMatchObject({
      value: pooled.first.ex,
      ciLower: pooled.first.ciLower,
      warnings: ['人口较少，合并 2021、2023 年计算', ...pooled.warnings],
    });
  });
});
