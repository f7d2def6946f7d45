/**
 * Basic public-health service indicators of an org unit (国家基本公共卫生服务规范（第三版） and its 考核指标)
 * from its service counts and the population register; definitions in docs/indicators.md.
 */
import { VACCINE_CODES, VACCINES, computeRatio } from '@chp/core';
import type { VaccineCode } from '@chp/core';
import { notComputable } from './computed-indicator.js';
import type { IndicatorResult, IndicatorSpec } from './computed-indicator.js';
import { populationInBands, totalPopulation } from './population.js';
import type { AgeGroupCount } from './register-totals.js';
import type { ServiceTotals } from './service-totals.js';
import { fromRatio } from './vital-indicators.js';

/** What a service indicator is computed from: the unit's service counts and its resident population. */
export interface ServiceInputs {
  services: ServiceTotals;
  /** 常住人口 of the year by age group (population register); empty when the register has none. */
  population: readonly AgeGroupCount[];
}

const INDEXED_RESIDENTS = '人口登记无该年常住人口数据，分母改用居民主索引中年末在册的居民数';
const INDEXED_ELDERLY = '人口登记无该年常住人口数据，分母改用居民主索引中年末在册的65岁及以上居民数';
const ELDERLY_BANDS = [
  { ageStart: 0, width: 65 },
  { ageStart: 65, width: null },
];

function percent(numerator: number, denominator: number, warning?: string): IndicatorResult {
  const result = fromRatio(computeRatio(numerator, denominator, 100));
  return warning === undefined ? result : { ...result, warnings: [warning] };
}

/** A share of the resident population: the register's of the year, or the indexed residents when it has none. */
function ofPopulation(numerator: number, { services, population }: ServiceInputs): IndicatorResult {
  const resident = totalPopulation(population);
  return resident > 0 ? percent(numerator, resident) : percent(numerator, services.residents, INDEXED_RESIDENTS);
}

/**
 * 老年人健康管理率 over the register's residents aged 65+ (the 规范's 辖区内65岁及以上常住居民数), or the
 * indexed ones when the register has no population; null with the reason when its age groups straddle 65.
 */
function elderlyHealthManagement({ services, population }: ServiceInputs): IndicatorResult {
  if (totalPopulation(population) === 0) return percent(services.elderlyChecked, services.elderly, INDEXED_ELDERLY);
  try {
    const [, elderly] = populationInBands(ELDERLY_BANDS, population);
    return percent(services.elderlyChecked, elderly?.count ?? 0);
  } catch (error) {
    if (error instanceof RangeError) return notComputable(error.message);
    throw error;
  }
}

/** The code of a vaccine's coverage: IMMUNIZATION_COVERAGE_JE_L for JE-L. */
export function vaccineCoverageCode(vaccine: VaccineCode): string {
  return `IMMUNIZATION_COVERAGE_${vaccine.toUpperCase().replace(/-/g, '_')}`;
}

const VACCINE_COVERAGE: readonly IndicatorSpec<ServiceInputs>[] = VACCINE_CODES.map((vaccine) => ({
  code: vaccineCoverageCode(vaccine),
  name: `${VACCINES[vaccine].label}接种率`,
  unit: '%',
  compute: ({ services }) => {
    const counts = services.byVaccine.get(vaccine);
    return percent(counts?.dosesGiven ?? 0, counts?.dosesDue ?? 0);
  },
}));

export const SERVICE_INDICATORS: readonly IndicatorSpec<ServiceInputs>[] = [
  {
    code: 'EHR_COVERAGE',
    name: '居民电子健康档案建档率',
    unit: '%',
    compute: (t) => ofPopulation(t.services.recorded, t),
  },
  {
    code: 'FAMILY_DOCTOR_CONTRACT',
    name: '家庭医生签约服务覆盖率',
    unit: '%',
    compute: (t) => ofPopulation(t.services.contracted, t),
  },
  {
    code: 'KEY_POP_CONTRACT',
    name: '重点人群家庭医生签约率',
    unit: '%',
    compute: ({ services }) => percent(services.keyPopulationContracted, services.keyPopulation),
  },
  {
    code: 'HYPERTENSION_STD_MGMT',
    name: '高血压患者规范管理率',
    unit: '%',
    compute: ({ services: { management } }) =>
      percent(management.hypertension.managedToNorm, management.hypertension.managed),
  },
  {
    code: 'HYPERTENSION_BP_CONTROL',
    name: '管理人群血压控制率',
    unit: '%',
    compute: ({ services: { management } }) =>
      percent(management.hypertension.controlled, management.hypertension.managed),
  },
  {
    code: 'DIABETES_STD_MGMT',
    name: '2型糖尿病患者规范管理率',
    unit: '%',
    compute: ({ services: { management } }) => percent(management.diabetes.managedToNorm, management.diabetes.managed),
  },
  {
    code: 'DIABETES_GLUCOSE_CONTROL',
    name: '管理人群血糖控制率',
    unit: '%',
    compute: ({ services: { management } }) => percent(management.diabetes.controlled, management.diabetes.managed),
  },
  {
    code: 'SMD_STD_MGMT',
    name: '严重精神障碍患者规范管理率',
    unit: '%',
    compute: ({ services: { management } }) =>
      percent(management.severe_mental.managedToNorm, management.severe_mental.managed),
  },
  { code: 'ELDERLY_HEALTH_MGMT', name: '65岁以上老年人健康管理率', unit: '%', compute: elderlyHealthManagement },
  {
    code: 'MATERNAL_SYSTEMATIC_MGMT',
    name: '孕产妇系统管理率',
    unit: '%',
    compute: ({ services }) => percent(services.deliveriesManaged, services.deliveries),
  },
  {
    code: 'CHILD_U3_SYSTEMATIC_MGMT',
    name: '3岁以下儿童系统管理率',
    unit: '%',
    compute: ({ services }) => percent(services.infantsManaged, services.infants),
  },
  {
    code: 'CHILD_0_6_HEALTH_MGMT',
    name: '0-6岁儿童健康管理率',
    unit: '%',
    compute: ({ services }) => percent(services.childrenVisited, services.children),
  },
  {
    code: 'IMMUNIZATION_COVERAGE',
    name: '适龄儿童免疫规划疫苗接种率',
    unit: '%',
    compute: ({ services }) => percent(services.dosesGiven, services.dosesDue),
  },
  ...VACCINE_COVERAGE,
];
