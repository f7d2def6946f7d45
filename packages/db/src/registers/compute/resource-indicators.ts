/**
 * Health-resource indicators of an org unit from its register totals (《国家卫生健康统计调查制度》
 * definitions), and the staffing norms the plans state, checked for the county as a whole.
 */
import { computeRatio } from '@chp/core';
import type { IndicatorResult, IndicatorSpec, OrgUnitLevel } from './computed-indicator.js';
import { totalPopulation } from './population.js';
import type { UnitTotals } from './register-totals.js';
import { fromRatio } from './vital-indicators.js';

/** A count per `factor` residents. */
function perCapita(count: number, totals: UnitTotals, factor: number): IndicatorResult {
  return fromRatio(computeRatio(count, totalPopulation(totals.population), factor));
}

/** The result with the norm checked at county level (value ≥ norm); township rows carry no norm. */
function withNorm(result: IndicatorResult, norm: number, level: OrgUnitLevel): IndicatorResult {
  if (level === 'township') return result;
  return { ...result, norm, compliant: result.value === null ? null : result.value >= norm };
}

/** A norm of a county-level service: checked on the county row; townships get no row. */
function countyNorm(level: OrgUnitLevel, norm: number, compute: () => IndicatorResult): IndicatorResult | null {
  return level === 'county' ? withNorm(compute(), norm, level) : null;
}

/*
 * Norms in the plans, by seed file (/work/shared/seeds) and line; quotes in docs/indicators.md.
 * 襄垣县 (140423, 003_5b6350d557537008.txt): CDC 万分之 1.32 (line 206), 健康教育 1.75 人/10 万 (line
 * 226), 精神科医师 3.5 名/10 万 (line 236), 传染病病床不低于 20 张 (line 214). 平罗县 (640221,
 * 000_4298840802f018b6.txt line 481): 乡镇卫生院、社区卫生服务中心（站）公共卫生人员不得低于专业技术人员数的 25%.
 */
export const CDC_STAFF_PER_10000_NORM = 1.32;
export const HEALTH_EDUCATION_STAFF_PER_100000_NORM = 1.75;
export const PSYCHIATRISTS_PER_100000_NORM = 3.5;
export const INFECTIOUS_BEDS_NORM = 20;
export const PRIMARY_PUBLIC_HEALTH_STAFF_SHARE_NORM = 25;

export const RESOURCE_INDICATORS: readonly IndicatorSpec<UnitTotals>[] = [
  { code: 'BEDS_PER_1000', name: '每千人口医疗卫生机构床位数', unit: '张', compute: (t) => perCapita(t.beds, t, 1000) },
  {
    code: 'DOCTORS_PER_1000',
    name: '每千人口执业（助理）医师数',
    unit: '人',
    compute: (t) => perCapita(t.doctors, t, 1000),
  },
  {
    code: 'TCM_DOCTORS_PER_1000',
    name: '每千人口中医类别执业（助理）医师数',
    unit: '人',
    compute: (t) => perCapita(t.tcmDoctors, t, 1000),
  },
  { code: 'NURSES_PER_1000', name: '每千人口注册护士数', unit: '人', compute: (t) => perCapita(t.nurses, t, 1000) },
  {
    code: 'PHARMACISTS_PER_1000',
    name: '每千人口药师（士）数',
    unit: '人',
    compute: (t) => perCapita(t.pharmacists, t, 1000),
  },
  {
    code: 'GP_PER_10000',
    name: '每万人口全科医生数',
    unit: '人',
    compute: (t) => perCapita(t.generalPractitioners, t, 10_000),
  },
  {
    code: 'PUBLIC_HEALTH_STAFF_PER_10000',
    name: '每万人口专业公共卫生机构人员数',
    unit: '人',
    compute: (t) => perCapita(t.publicHealthStaff, t, 10_000),
  },
  {
    code: 'CHILDCARE_PLACES_PER_1000',
    name: '每千人口拥有3岁以下婴幼儿托位数',
    unit: '个',
    compute: (t) => perCapita(t.childcarePlaces, t, 1000),
  },
  {
    code: 'INCLUSIVE_CHILDCARE_PLACES_PER_1000',
    name: '每千人口拥有3岁以下婴幼儿普惠托位数',
    unit: '个',
    compute: (t) => perCapita(t.inclusiveChildcarePlaces, t, 1000),
  },
  {
    code: 'GERIATRICS_DEPT_SHARE',
    name: '二级及以上综合性医院设老年医学科比例',
    unit: '%',
    compute: (t) => fromRatio(computeRatio(t.withGeriatrics, t.seniorGeneralHospitals, 100)),
  },
  // 医护比 1 : x and 床护比 1 : x are stated as nurses per doctor and nurses per bed.
  {
    code: 'DOCTOR_NURSE_RATIO',
    name: '医护比',
    unit: '',
    compute: (t) => fromRatio(computeRatio(t.nurses, t.doctors, 1)),
  },
  { code: 'BED_NURSE_RATIO', name: '床护比', unit: '', compute: (t) => fromRatio(computeRatio(t.nurses, t.beds, 1)) },
  // The plan sets 25 % for each facility; the county row checks the county's 卫生院 and 社区 centres taken
  // together, a township row shows its own (without the norm) so a township below it can be found.
  {
    code: 'PRIMARY_PUBLIC_HEALTH_STAFF_SHARE',
    name: '乡镇卫生院、社区卫生服务中心（站）公共卫生人员占专业技术人员比例',
    unit: '%',
    compute: (t, level) =>
      withNorm(
        fromRatio(computeRatio(t.primaryPublicHealthStaff, t.primaryProfessionalStaff, 100)),
        PRIMARY_PUBLIC_HEALTH_STAFF_SHARE_NORM,
        level
      ),
  },
  {
    code: 'PSYCHIATRISTS_PER_100000',
    name: '每10万人口精神科执业（助理）医师数',
    unit: '人',
    compute: (t, level) => withNorm(perCapita(t.psychiatrists, t, 100_000), PSYCHIATRISTS_PER_100000_NORM, level),
  },
  {
    code: 'CDC_STAFFING',
    name: '疾控中心人员数（按常住人口万分比）',
    unit: '人/万',
    compute: (t, level) => countyNorm(level, CDC_STAFF_PER_10000_NORM, () => perCapita(t.cdcStaff, t, 10_000)),
  },
  // The plan's 1.75 is of “县疾病预防控制中心人员” in its health-education section: the CDC's (and a
  // 健康教育所's) staff holding 'health_education', not every hospital's part-time health educator.
  {
    code: 'HEALTH_EDUCATION_STAFF_PER_100000',
    name: '每10万人口健康教育专业人员数',
    unit: '人',
    compute: (t, level) =>
      countyNorm(level, HEALTH_EDUCATION_STAFF_PER_100000_NORM, () => perCapita(t.healthEducationStaff, t, 100_000)),
  },
  {
    code: 'INFECTIOUS_DISEASE_BEDS',
    name: '传染病床位数',
    unit: '张',
    compute: (t, level) =>
      countyNorm(level, INFECTIOUS_BEDS_NORM, () => ({
        value: t.infectiousBeds,
        numerator: t.infectiousBeds,
        denominator: null,
      })),
  },
];
