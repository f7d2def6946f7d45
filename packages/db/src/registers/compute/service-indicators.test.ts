import { VACCINE_CODES } from '@chp/core';
import type { VaccineCode } from '@chp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import { computeIndicators } from './compute-indicators.js';
import type { ComputedIndicator } from './computed-indicator.js';
import {
  CHENGGUAN,
  FIXTURE_COUNTY,
  FIXTURE_YEAR,
  HUANGQUQIAO,
  YAOFU,
  loadIndicatorFixture,
} from './indicator-fixture.js';
import { SERVICE_INDICATORS, vaccineCoverageCode } from './service-indicators.js';

/** 宝丰镇: neither residents nor population-register data. */
const BAOFENG = '640221102';
const INDEXED_RESIDENTS = '人口登记无该年常住人口数据，分母改用居民主索引中年末在册的居民数';
const INDEXED_ELDERLY = '人口登记无该年常住人口数据，分母改用居民主索引中年末在册的65岁及以上居民数';

type Counts = [numerator: number, denominator: number];

/*
 * The people of service-indicator-fixture.ts, 2023 (year end 2023-12-31), by hand.
 *
 * Counted (living in the township at the year end): in 城关镇 everyone but a4 (moved out 2023-06-01), a5
 * (died 2023-08-01), a6 (merged into a1), a7 (born 2024), k9 (moved out 2023-10-01) and w10 (moved out
 * 2023-11-01): a1–a3, a8–a12 (8), e1–e3 (3), h1–h7 (7), d1 d2, m1 m2, t1, p1, f1–f4 (4), k1–k8 (8), w1–w9 (9)
 * = 45. In 姚伏镇 y1–y5 = 5.
 *
 * 建档 by the year end: all but a2 (2024-02-01), a8, f3, k5, w9 (none) and k3 (2024-01-10): 城关镇 39; 姚伏镇
 * y1 y3 y4 y5 = 4 (y2 none). Population register: 城关镇 36 100, 黄渠桥镇 3 620, county 39 720 (as in
 * compute-indicators.test.ts); 姚伏镇 none, so its denominator is its 5 indexed residents.
 *
 * Contract in force on a day of 2023: a1, a3, a9 (terminated 2023-03-01: in force until 28 February), a12
 * (ends 2023-01-01), e1, h1, d1, m1, p1, f1, k1 = 11 in 城关镇, y1 in 姚伏镇. Not: a4 (moved out), a8
 * (terminated 2022-12-20), a10 (2022 and 2024 only), a11 (terminated on its start date: never in force).
 *
 * Key populations on 2023-12-31: 65+ e1, e2 (born 1958-12-31), h5, d1; under 7 k1 k2 k3 k4 k5 k7 k8 (k6 is 7);
 * open enrolment h1 h2 h3 h4 h7 (re-enrolled) d2 m1 m2 t1 p1 w5 (delivered, still enrolled); flags f1
 * (disabled), f4 (monitored until 2023-12-31) — 24 in 城关镇, of them contracted e1 d1 k1 h1 m1 p1 f1 = 7.
 * Not: h6 (enrolment ended 2023-07-15), e3 (64), f2 (flag ended 2022), f3 (flag from 2024), w1–w4 and w6–w9
 * (enrolments ended). 姚伏镇: y3 y4 (65+), y5 (3) = 3, none contracted.
 *
 * Hypertension, under management in 2023: h1 h2 h3 h4 h6 h7 (h5 ended 2022, a4 moved out) = 6.
 *   Follow-ups required (one per quarter wholly under management, at least one) and made in 2023:
 *   h1 4 of 4 ✓ (2022-12-20 not in the year); h2 4, made 3 ✗ (the annual check is no follow-up);
 *   h3 enrolled 2023-05-15: Q3 Q4 → 2, made 2 ✓; h4 enrolled 2023-11-20: none whole → 1, made 0 ✗;
 *   h6 ended 2023-07-15: Q1 Q2 → 2, made 2 ✓; h7 one patient over both enrolments (2019 → open) → 4, made
 *   1 + 3 ✓. 规范管理 4; last follow-up controlled: h1 (11-10) h3 h7 = 3 (h2 not, h4 none, h6 unknown).
 * Diabetes: h1 (5 follow-ups, last not controlled), d1 (4, controlled), d2 (enrolled 2023-01-01 → 4, made
 *   3, last controlled) = 3; 规范管理 h1 d1 = 2; controlled d1 d2 = 2.
 * Severe mental disorder: m1 (4 ✓), m2 (2 ✗) = 2, 规范管理 1.
 *
 * 65+ health check (elderly programme annual check in 2023): e1, d1 of e1 e2 h5 d1 in 城关镇; y3 of y3 y4 in
 * 姚伏镇. Register population 65+: 城关镇 4 bands × 2 000 + 100 = 8 100, 黄渠桥镇 4 × 200 + 20 = 820, county
 * 8 920; 姚伏镇 has none, so its 2 indexed residents aged 65+.
 *
 * Deliveries 2022-10-01 – 2023-09-30 (城关镇): w1 (2022-12-05), w2, w3 (2023-09-30), w4 (delivery visit
 * 2023-08-01), w7, w8, w9 = 7; not w5 (2023-10-05), w6 (2022-09-30), w10 (moved out). Managed (booking
 * before 13 weeks, ≥ 5 checks by the delivery, postpartum visit within 28 days): w1 (booked at 10 weeks, 5
 * checks, visit at 7 days), w4 (7 weeks, 5, 9 days), w7 (lmp = edd − 280 = 2022-08-25, booked at 11 weeks,
 * 5, 5 days) = 3. Not: w2 (booked at 14 weeks), w3 (4 checks), w8 (postpartum visit at 36 days; the 42-day
 * check is no postpartum visit), w9 (the 5th check after the delivery).
 *
 * Children 0–6 at the year end with a visit in 2023: 城关镇 k1 k2 k3 k4 k7 k8 of k1 k2 k3 k4 k5 k7 k8 (k6 is
 * 7); 姚伏镇 y5 of y5.
 * Under 3 with infant checks (3 6 8 12 18 24 30 months) reached in 2023: k1 (24 and 30 months) 2 checks ✓;
 *   k2 (3 6 8 months) 2 checks ✗; k7 (born 2021-08-31: 18 months on 2023-03-01, 24 on 2023-08-31) 1 ✗;
 *   k8 (12 and 18 months) 2 ✓; k3 (3 months only in 2024) and k4 (3 on 2023-12-31) are left out → 2 of 4.
 */

/*
 * Vaccine doses whose due age was reached in 2023 (程序 2021), given by 2023-12-31:
 *   k1 on the 乙脑灭活 series (JE-I doses 2021): JE-I 3 (24 months) given.
 *   k2 born 2023-02-15, live series: HepB 1 2 3, BCG, IPV 1 2, DTaP 1 2 3, bOPV 1, MPSV-A 1 2, MMR 1,
 *     JE-L 1 — 14, all given but MPSV-A 2.
 *   k3 born 2023-11-01: HepB 1 2, BCG — HepB 2 given only in 2024.
 *   k4 born 2020-12-31: MPSV-AC 1 (36 months, 2023-12-31) not given; JE-L 2 was due 2022-12-31.
 *   k5 born 2017-01-01: DT, MPSV-AC 2 (72 months) — both given (MPSV-AC 2 early, in 2022).
 *   k6 born 2016-12-31: 72 months in 2022, nothing due in 2023 (its DT of 2023 does not count).
 *   k7 born 2021-08-31: DTaP 4, MMR 2, HepA-L (18 months), JE-L 2 (24) — HepA-L not given.
 *   k8 born 2022-01-31, on the 甲肝灭活 series: DTaP 4, MMR 2, HepA-I 1 (18 months) — all given.
 *   y5 born 2020-06-01 (姚伏镇): MPSV-AC 1 (36 months) not given.
 */
const DOSES_CHENGGUAN: Partial<Record<VaccineCode, Counts>> = {
  HepB: [4, 5],
  BCG: [2, 2],
  IPV: [2, 2],
  bOPV: [1, 1],
  DTaP: [5, 5],
  DT: [1, 1],
  MMR: [3, 3],
  'JE-L': [2, 2],
  'JE-I': [1, 1],
  'MPSV-A': [1, 2],
  'MPSV-AC': [1, 2],
  'HepA-L': [0, 1],
  'HepA-I': [1, 1],
};
const DOSES_YAOFU: Partial<Record<VaccineCode, Counts>> = { 'MPSV-AC': [0, 1] };

function byVaccine(doses: Partial<Record<VaccineCode, Counts>>): Record<string, Counts> {
  return Object.fromEntries(VACCINE_CODES.map((code) => [vaccineCoverageCode(code), doses[code] ?? [0, 0]]));
}

const EXPECTED: Record<string, Record<string, Counts>> = {
  [FIXTURE_COUNTY]: {
    EHR_COVERAGE: [43, 39720],
    FAMILY_DOCTOR_CONTRACT: [12, 39720],
    KEY_POP_CONTRACT: [7, 27],
    HYPERTENSION_STD_MGMT: [4, 6],
    HYPERTENSION_BP_CONTROL: [3, 6],
    DIABETES_STD_MGMT: [2, 3],
    DIABETES_GLUCOSE_CONTROL: [2, 3],
    SMD_STD_MGMT: [1, 2],
    ELDERLY_HEALTH_MGMT: [3, 8920],
    MATERNAL_SYSTEMATIC_MGMT: [3, 7],
    CHILD_U3_SYSTEMATIC_MGMT: [2, 4],
    CHILD_0_6_HEALTH_MGMT: [7, 8],
    IMMUNIZATION_COVERAGE: [24, 29],
    ...byVaccine({ ...DOSES_CHENGGUAN, 'MPSV-AC': [1, 3] }),
  },
  [CHENGGUAN]: {
    EHR_COVERAGE: [39, 36100],
    FAMILY_DOCTOR_CONTRACT: [11, 36100],
    KEY_POP_CONTRACT: [7, 24],
    HYPERTENSION_STD_MGMT: [4, 6],
    HYPERTENSION_BP_CONTROL: [3, 6],
    DIABETES_STD_MGMT: [2, 3],
    DIABETES_GLUCOSE_CONTROL: [2, 3],
    SMD_STD_MGMT: [1, 2],
    ELDERLY_HEALTH_MGMT: [2, 8100],
    MATERNAL_SYSTEMATIC_MGMT: [3, 7],
    CHILD_U3_SYSTEMATIC_MGMT: [2, 4],
    CHILD_0_6_HEALTH_MGMT: [6, 7],
    IMMUNIZATION_COVERAGE: [24, 28],
    ...byVaccine(DOSES_CHENGGUAN),
  },
  [YAOFU]: {
    EHR_COVERAGE: [4, 5],
    FAMILY_DOCTOR_CONTRACT: [1, 5],
    KEY_POP_CONTRACT: [0, 3],
    HYPERTENSION_STD_MGMT: [0, 0],
    HYPERTENSION_BP_CONTROL: [0, 0],
    DIABETES_STD_MGMT: [0, 0],
    DIABETES_GLUCOSE_CONTROL: [0, 0],
    SMD_STD_MGMT: [0, 0],
    ELDERLY_HEALTH_MGMT: [1, 2],
    MATERNAL_SYSTEMATIC_MGMT: [0, 0],
    CHILD_U3_SYSTEMATIC_MGMT: [0, 0],
    CHILD_0_6_HEALTH_MGMT: [1, 1],
    IMMUNIZATION_COVERAGE: [0, 1],
    ...byVaccine(DOSES_YAOFU),
  },
  // Population-register data but no residents: rates over the population are 0, the others have no base.
  [HUANGQUQIAO]: {
    EHR_COVERAGE: [0, 3620],
    FAMILY_DOCTOR_CONTRACT: [0, 3620],
    KEY_POP_CONTRACT: [0, 0],
    HYPERTENSION_STD_MGMT: [0, 0],
    HYPERTENSION_BP_CONTROL: [0, 0],
    DIABETES_STD_MGMT: [0, 0],
    DIABETES_GLUCOSE_CONTROL: [0, 0],
    SMD_STD_MGMT: [0, 0],
    ELDERLY_HEALTH_MGMT: [0, 820],
    MATERNAL_SYSTEMATIC_MGMT: [0, 0],
    CHILD_U3_SYSTEMATIC_MGMT: [0, 0],
    CHILD_0_6_HEALTH_MGMT: [0, 0],
    IMMUNIZATION_COVERAGE: [0, 0],
    ...byVaccine({}),
  },
};

/** Where the population register has nothing for the unit, the population rates say what they used instead. */
const FALLBACK_WARNINGS: Record<string, string> = {
  EHR_COVERAGE: INDEXED_RESIDENTS,
  FAMILY_DOCTOR_CONTRACT: INDEXED_RESIDENTS,
  ELDERLY_HEALTH_MGMT: INDEXED_ELDERLY,
};

describe.each(testDatabaseKinds())('service indicators on %s', (kind) => {
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
    Object.entries(EXPECTED).flatMap(([unit, rows]) =>
      Object.entries(rows).map(([code, counts]) => [unit, code, counts] as const)
    )
  )('%s %s', (unit, code, [numerator, denominator]) => {
    const row = find(unit, code);
    expect({ numerator: row.numerator, denominator: row.denominator, unit: row.unit }).toEqual({
      numerator,
      denominator,
      unit: '%',
    });
    if (denominator === 0) expect(row.value).toBeNull();
    else expect(row.value).toBeCloseTo((numerator / denominator) * 100, 10);
    const warning = unit === YAOFU ? FALLBACK_WARNINGS[code] : undefined;
    expect(row.warnings).toEqual(warning === undefined ? undefined : [warning]);
  });

  it('has a hand-computed expectation above for every service indicator of the fixture units', () => {
    const codes = SERVICE_INDICATORS.map((spec) => spec.code);
    for (const [unit, rows] of Object.entries(EXPECTED)) {
      const computed = results.filter((row) => row.orgUnit === unit && codes.includes(row.code)).map((row) => row.code);
      expect(computed.sort(), unit).toEqual(Object.keys(rows).sort());
    }
  });

  it('gives no value, with the reason, for a township with neither residents nor population', () => {
    expect(find(BAOFENG, 'EHR_COVERAGE')).toMatchObject({
      value: null,
      numerator: 0,
      denominator: 0,
      warnings: [INDEXED_RESIDENTS],
    });
    expect(find(BAOFENG, 'HYPERTENSION_STD_MGMT')).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });

  it('gives none of the year’s counts for another year', async () => {
    const in2022 = await computeIndicators(database.db, FIXTURE_COUNTY, 2022);
    const row = (code: string): ComputedIndicator | undefined =>
      in2022.find((item) => item.orgUnit === CHENGGUAN && item.code === code);
    // 2022: h1 (enrolled 2021) has one hypertension follow-up (2022-12-20) of 4, h2 (enrolled 2022-06-01:
    // Q3 Q4) one of 2, h5 (ended 2022-12-31) h6 h7 and a4 (moved out only in 2023) none of 4 → 6 under
    // management, none to the norm.
    expect(row('HYPERTENSION_STD_MGMT')).toMatchObject({ numerator: 0, denominator: 6 });
    // 2021-10-01 – 2022-09-30: w6 delivered 2022-09-30 and was managed (booked at 7 weeks, 5 checks, visit
    // at 5 days).
    expect(row('MATERNAL_SYSTEMATIC_MGMT')).toMatchObject({ numerator: 1, denominator: 1 });
  });
});
