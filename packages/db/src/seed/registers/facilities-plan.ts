/**
 * The facilities of a synthetic county: county-level hospitals and public-health institutions, a health
 * centre per township (社区卫生服务中心 for a 街道), a 村卫生室 per village, private hospitals, clinics
 * and childcare institutions. Counts stated in the county's plan (data/demo/counties.json) win where
 * they are higher than the division data gives (泗阳: 19 centres, 250 village clinics); a stated number
 * of private hospitals or clinics (襄垣: 3 and 337) replaces the per-capita default.
 */
import type { FacilityInput } from '../../registers/facilities.js';
import type { Random } from '../random.js';
import type { CountyFigures } from './county-figures.js';
import type { Township } from './population.js';
import { pickIndex } from './sampling.js';

/** What a facility does in the model, which decides its beds and staff. */
export type FacilityRole =
  'general' | 'tcm' | 'mch' | 'cdc' | 'supervision' | 'private' | 'township' | 'village' | 'clinic' | 'childcare';

export interface PlannedFacility {
  role: FacilityRole;
  /** Relative size within its role (townships by population). */
  weight: number;
  input: FacilityInput;
}

export interface Village {
  code: string;
  name: string;
  townshipCode: string;
}

export interface FacilityContext {
  countyCode: string;
  countyName: string;
  townships: readonly Township[];
  /** Resident population of each township in the first year, in the order of `townships`. */
  townshipResidents: readonly number[];
  villages: readonly Village[];
  residents: number;
  firstYear: number;
  figures: Partial<CountyFigures>;
}

/** A village's name without 村民委员会, 居委会 …: 红星村民委员会 → 红星. */
export const shortName = (name: string): string => name.replace(/(村民委员会|居民委员会|村委会|居委会|委员会)$/, '');

export function planFacilities(random: Random, context: FacilityContext): PlannedFacility[] {
  const { countyCode, countyName, townships, townshipResidents, villages, residents, firstYear, figures } = context;
  const consortium = `${countyName}县域医共体`;
  const facilities: PlannedFacility[] = [];
  const add = (
    role: FacilityRole,
    weight: number,
    input: Omit<FacilityInput, 'validFrom' | 'validTo' | 'consortium'>,
    inConsortium: boolean
  ): void => {
    facilities.push({
      role,
      weight,
      input: { ...input, consortium: inConsortium ? consortium : null, validFrom: firstYear, validTo: null },
    });
  };
  const county = { orgUnitCode: countyCode, ownership: 'public' as const };
  add(
    'general',
    1,
    { ...county, sourceRef: 'DEMO-F-GH', name: `${countyName}人民医院`, facilityType: 'general_hospital', grade: '2A' },
    true
  );
  add(
    'tcm',
    1,
    { ...county, sourceRef: 'DEMO-F-TCM', name: `${countyName}中医医院`, facilityType: 'tcm_hospital', grade: '2A' },
    true
  );
  add(
    'mch',
    1,
    {
      ...county,
      sourceRef: 'DEMO-F-MCH',
      name: `${countyName}妇幼保健计划生育服务中心`,
      facilityType: 'maternal_child_health',
      grade: '2B',
    },
    true
  );
  add(
    'cdc',
    1,
    { ...county, sourceRef: 'DEMO-F-CDC', name: `${countyName}疾病预防控制中心`, facilityType: 'cdc', grade: null },
    false
  );
  add(
    'supervision',
    1,
    {
      ...county,
      sourceRef: 'DEMO-F-HS',
      name: `${countyName}卫生健康综合监督执法所`,
      facilityType: 'health_supervision',
      grade: null,
    },
    false
  );

  const byPopulation = townships.map((township, index) => ({ township, residents: townshipResidents[index] ?? 0 }));
  byPopulation.sort((a, b) => b.residents - a.residents);
  townships.forEach((township, index) => {
    const street = township.name.endsWith('街道');
    add(
      'township',
      townshipResidents[index] ?? 0,
      {
        orgUnitCode: township.code,
        ownership: 'public',
        sourceRef: `DEMO-F-${township.code}`,
        name: `${township.name}${street ? '社区卫生服务中心' : '卫生院'}`,
        facilityType: street ? 'community_health_center' : 'township_health_center',
        grade: null,
      },
      true
    );
  });
  const extraCentres = Math.max(0, (figures.townshipHealthCenters?.value ?? 0) - townships.length);
  for (let n = 0; n < extraCentres; n += 1) {
    const host = byPopulation[n % Math.max(1, byPopulation.length)];
    if (host === undefined) break;
    add(
      'township',
      host.residents / 3,
      {
        orgUnitCode: host.township.code,
        ownership: 'public',
        sourceRef: `DEMO-F-${host.township.code}-${n + 2}`,
        name: `${host.township.name}卫生院分院${n + 1}`,
        facilityType: 'township_health_center',
        grade: null,
      },
      true
    );
  }

  const villageClinics = Math.max(villages.length, figures.villageClinics?.value ?? 0);
  for (let n = 0; n < villageClinics; n += 1) {
    const village = villages[n % Math.max(1, villages.length)];
    if (village === undefined) break;
    const second = n >= villages.length;
    add(
      'village',
      1,
      {
        orgUnitCode: village.townshipCode,
        ownership: 'public',
        sourceRef: `DEMO-F-${village.code}${second ? `-${Math.floor(n / villages.length) + 1}` : ''}`,
        name: `${shortName(village.name)}${second ? `第${Math.floor(n / villages.length) + 1}` : ''}卫生室`,
        facilityType: 'village_clinic',
        grade: null,
      },
      true
    );
  }

  const townshipWeights = townships.map((_, index) => townshipResidents[index] ?? 0);
  const privateTownship = (): Township =>
    townships[pickIndex(random, townshipWeights)] ?? { code: countyCode, name: countyName };
  const privateHospitals = figures.privateHospitals?.value ?? Math.max(1, Math.round(residents / 100_000));
  for (let n = 1; n <= privateHospitals; n += 1) {
    const township = privateTownship();
    add(
      'private',
      0.5 + random(),
      {
        orgUnitCode: township.code,
        ownership: 'private',
        sourceRef: `DEMO-F-PH${n}`,
        name: `${township.name}民营医院${n}`,
        facilityType: 'private_hospital',
        grade: '1',
      },
      false
    );
  }
  const clinics = figures.clinics?.value ?? Math.max(2, Math.round(residents / 4000));
  for (let n = 1; n <= clinics; n += 1) {
    const township = privateTownship();
    add(
      'clinic',
      1,
      {
        orgUnitCode: township.code,
        ownership: 'private',
        sourceRef: `DEMO-F-CL${n}`,
        name: `${township.name}诊所${n}`,
        facilityType: 'clinic',
        grade: null,
      },
      false
    );
  }
  // About 80 places per institution at the end of the period (≈ 3.5 places per 1,000 residents).
  const childcare = Math.max(1, Math.round((residents * 3.5) / 1000 / 80));
  for (let n = 1; n <= childcare; n += 1) {
    const township = privateTownship();
    const inclusive = n % 2 === 1;
    add(
      'childcare',
      0.5 + random(),
      {
        orgUnitCode: township.code,
        ownership: inclusive ? 'public' : 'private',
        sourceRef: `DEMO-F-CC${n}`,
        name: `${township.name}托育中心${n}`,
        facilityType: 'childcare',
        grade: null,
      },
      false
    );
  }
  return facilities;
}
