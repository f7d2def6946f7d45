/**
 * The clinical timeline: encounters with their ICD-10 diagnoses, prescription lines and observations
 * (LOINC codes where one fits). The generator keeps it sparse — a few outpatient visits a year per
 * chronic patient, deliveries, TB diagnosis, yearly checks and the odd acute illness — enough for a
 * resident's timeline and for FHIR, not a hospital's volume.
 */
import type { Random } from '../random.js';
import { pickIndex } from '../registers/sampling.js';
import { dateOf } from './days.js';
import type { Generation, Subject } from './subject.js';

export interface Coded {
  icd10: string;
  name: string;
}

export interface Drug {
  drugName: string;
  dose: string;
  frequency: string;
  route: string;
  days: number;
}

export interface Measured {
  category: 'laboratory' | 'imaging' | 'exam' | 'vital-signs';
  code: string;
  name: string;
  valueNumber?: number;
  valueText?: string;
  unit?: string;
  /** [low, high] of the reference range; a value outside is flagged L or H. */
  range?: readonly [number, number];
  abnormal?: 'A';
}

export interface EncounterInput {
  kind: 'outpatient' | 'inpatient' | 'emergency' | 'home' | 'public_health';
  day: number;
  endDay?: number;
  facilityId: number | null;
  department: string;
  clinician: string | null;
  /** The first is the primary diagnosis. */
  diagnoses: readonly Coded[];
  prescriptions?: readonly Drug[];
  observations?: readonly Measured[];
}

export const DIAGNOSES = {
  hypertension: { icd10: 'I10', name: '原发性高血压' },
  diabetes: { icd10: 'E11.9', name: '2型糖尿病' },
  tuberculosisConfirmed: { icd10: 'A15.0', name: '肺结核，经显微镜下痰检查证实' },
  tuberculosisUnconfirmed: { icd10: 'A16.2', name: '肺结核，未提及细菌学或组织学的证实' },
  spontaneousDelivery: { icd10: 'O80.0', name: '单胎顺产' },
  caesareanDelivery: { icd10: 'O82.0', name: '经选择性剖宫产术的分娩' },
  generalCheck: { icd10: 'Z00.0', name: '一般性医学检查' },
  childCheck: { icd10: 'Z00.1', name: '常规儿童健康检查' },
} as const satisfies Record<string, Coded>;

/** The six disorders of the 严重精神障碍管理治疗工作规范, with their shares among registered patients. */
export const SEVERE_MENTAL_DISORDERS: readonly (Coded & { share: number })[] = [
  { icd10: 'F20.9', name: '精神分裂症', share: 0.68 },
  { icd10: 'F31.9', name: '双相情感障碍', share: 0.1 },
  { icd10: 'F25.9', name: '分裂情感性障碍', share: 0.04 },
  { icd10: 'F22.0', name: '偏执性精神病', share: 0.04 },
  { icd10: 'F06.8', name: '癫痫所致精神障碍', share: 0.05 },
  { icd10: 'F79.1', name: '精神发育迟滞伴发精神障碍', share: 0.09 },
];

const drug = (drugName: string, dose: string, frequency: string, days: number, route = '口服'): Drug => ({
  drugName,
  dose,
  frequency,
  route,
  days,
});

export const ANTIHYPERTENSIVES: readonly Drug[] = [
  drug('苯磺酸氨氯地平片', '5mg', 'qd', 30),
  drug('硝苯地平缓释片', '20mg', 'bid', 30),
  drug('厄贝沙坦片', '150mg', 'qd', 30),
  drug('缬沙坦胶囊', '80mg', 'qd', 30),
  drug('琥珀酸美托洛尔缓释片', '47.5mg', 'qd', 30),
  drug('氢氯噻嗪片', '12.5mg', 'qd', 30),
  drug('马来酸依那普利片', '10mg', 'qd', 30),
];

export const ANTIDIABETICS: readonly Drug[] = [
  drug('盐酸二甲双胍片', '0.5g', 'tid', 30),
  drug('格列美脲片', '2mg', 'qd', 30),
  drug('阿卡波糖片', '50mg', 'tid', 30),
  drug('甘精胰岛素注射液', '10U', 'qn', 30, '皮下注射'),
];

export const ANTIPSYCHOTICS: readonly Drug[] = [
  drug('利培酮片', '2mg', 'bid', 30),
  drug('奥氮平片', '10mg', 'qn', 30),
  drug('阿立哌唑片', '10mg', 'qd', 30),
];

/** 2HRZE/4HR: the intensive phase's four drugs, prescribed for its two months. */
export const TUBERCULOSIS_DRUGS: readonly Drug[] = [
  drug('异烟肼片', '0.3g', 'qd', 60),
  drug('利福平胶囊', '0.45g', 'qd', 60),
  drug('吡嗪酰胺片', '1.5g', 'qd', 60),
  drug('盐酸乙胺丁醇片', '0.75g', 'qd', 60),
];

/** Common acute complaints seen at a township centre, each with a usual prescription. */
export const ACUTE_ILLNESSES: readonly { diagnosis: Coded; drug: Drug }[] = [
  { diagnosis: { icd10: 'J06.9', name: '急性上呼吸道感染' }, drug: drug('对乙酰氨基酚片', '0.5g', 'tid', 3) },
  { diagnosis: { icd10: 'J20.9', name: '急性支气管炎' }, drug: drug('阿莫西林胶囊', '0.5g', 'tid', 5) },
  { diagnosis: { icd10: 'K29.7', name: '胃炎' }, drug: drug('奥美拉唑肠溶胶囊', '20mg', 'qd', 7) },
  { diagnosis: { icd10: 'M54.5', name: '腰痛' }, drug: drug('布洛芬缓释胶囊', '0.3g', 'bid', 5) },
  { diagnosis: { icd10: 'K52.9', name: '非感染性胃肠炎' }, drug: drug('蒙脱石散', '3g', 'tid', 3) },
  { diagnosis: { icd10: 'L30.9', name: '皮炎' }, drug: drug('炉甘石洗剂', '适量', 'tid', 7, '外用') },
];

export const MEASURES = {
  sbp: { category: 'vital-signs', code: '8480-6', name: '收缩压', unit: 'mmHg', range: [90, 139] },
  dbp: { category: 'vital-signs', code: '8462-4', name: '舒张压', unit: 'mmHg', range: [60, 89] },
  fbg: { category: 'laboratory', code: '1558-6', name: '空腹血糖', unit: 'mmol/L', range: [3.9, 6.1] },
  hba1c: { category: 'laboratory', code: '4548-4', name: '糖化血红蛋白', unit: '%', range: [4.0, 6.0] },
  hemoglobin: { category: 'laboratory', code: '718-7', name: '血红蛋白', unit: 'g/L', range: [115, 175] },
} as const satisfies Record<string, Omit<Measured, 'valueNumber'>>;

/** An observation of one of MEASURES with its value. */
export function measured(measure: keyof typeof MEASURES, value: number): Measured {
  return { ...MEASURES[measure], valueNumber: value };
}

function abnormalFlag(observation: Measured): string | null {
  const { valueNumber, range } = observation;
  if (observation.abnormal !== undefined) return observation.abnormal;
  if (valueNumber === undefined || range === undefined) return null;
  if (valueNumber < range[0]) return 'L';
  return valueNumber > range[1] ? 'H' : null;
}

/** Adds an encounter with its diagnoses, prescriptions and observations; returns its id. */
export function addEncounter(generation: Generation, subject: Subject, input: EncounterInput): number {
  const { countyCode, rows } = generation;
  const { residentId } = subject;
  const id = generation.ids.take('encounter');
  const date = dateOf(input.day);
  rows.encounter.push({
    id,
    countyCode,
    residentId,
    facilityId: input.facilityId,
    kind: input.kind,
    startDate: date,
    endDate: dateOf(input.endDay ?? input.day),
    department: input.department,
    clinician: input.clinician,
  });
  input.diagnoses.forEach((coded, index) => {
    rows.diagnosis.push({
      countyCode,
      residentId,
      encounterId: id,
      icd10: coded.icd10,
      name: coded.name,
      diagnosedDate: date,
      primary: index === 0,
    });
  });
  for (const line of input.prescriptions ?? []) {
    rows.prescription.push({ countyCode, residentId, encounterId: id, prescribedDate: date, ...line });
  }
  for (const observation of input.observations ?? []) {
    rows.observation.push({
      countyCode,
      residentId,
      encounterId: id,
      category: observation.category,
      code: observation.code,
      name: observation.name,
      observedDate: date,
      valueNumber: observation.valueNumber ?? null,
      valueText: observation.valueText ?? null,
      unit: observation.unit ?? null,
      referenceRange: observation.range === undefined ? null : `${observation.range[0]}-${observation.range[1]}`,
      abnormal: abnormalFlag(observation),
    });
  }
  return id;
}

/** One item of a list, chosen with the given weights. */
export function pickWeighted<T>(random: Random, items: readonly T[], weightOf: (item: T) => number): T {
  const item = items[pickIndex(random, items.map(weightOf))];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** One item of a list, at random. */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}
