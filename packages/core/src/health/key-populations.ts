/**
 * Key-population flags (重点人群) shown on a resident and on a family-doctor team's panel. The first seven
 * follow from age and open programme enrolments; the last three are recorded (resident_flag).
 */
import { completedYears } from './age.js';
import type { ProgramCode } from './programs.js';

export const KEY_POPULATIONS = [
  { code: 'elderly', label: '65岁及以上老年人' },
  { code: 'hypertension', label: '高血压患者' },
  { code: 'diabetes', label: '2型糖尿病患者' },
  { code: 'severe_mental', label: '严重精神障碍患者' },
  { code: 'tuberculosis', label: '肺结核患者' },
  { code: 'pregnant', label: '孕产妇' },
  { code: 'child', label: '0–6岁儿童' },
  { code: 'disabled', label: '残疾人' },
  { code: 'poverty_alleviated', label: '脱贫户' },
  { code: 'monitored', label: '监测户' },
] as const;
export type KeyPopulationFlag = (typeof KEY_POPULATIONS)[number]['code'];

/** The flags kept in resident_flag, with from/to dates. */
export const RESIDENT_FLAG_CODES = ['disabled', 'poverty_alleviated', 'monitored'] as const;
export type ResidentFlagCode = (typeof RESIDENT_FLAG_CODES)[number];

export function isResidentFlagCode(value: string): value is ResidentFlagCode {
  return (RESIDENT_FLAG_CODES as readonly string[]).includes(value);
}

export function isKeyPopulationFlag(value: string): value is KeyPopulationFlag {
  return KEY_POPULATIONS.some((item) => item.code === value);
}

export function keyPopulationLabel(flag: KeyPopulationFlag): string {
  return KEY_POPULATIONS.find((item) => item.code === flag)?.label ?? flag;
}

/** The flag an open enrolment in the programme gives; the age programmes (elderly, child) go by age instead. */
const PROGRAM_FLAGS: Readonly<Record<ProgramCode, KeyPopulationFlag | null>> = {
  hypertension: 'hypertension',
  diabetes: 'diabetes',
  severe_mental: 'severe_mental',
  tuberculosis: 'tuberculosis',
  maternal: 'pregnant',
  elderly: null,
  child: null,
};

export interface KeyPopulationInput {
  birthDate: string;
  /** The day the flags hold on (YYYY-MM-DD). */
  asOf: string;
  /** Programmes the person is enrolled in on `asOf`. */
  openPrograms: readonly ProgramCode[];
  /** Recorded flags in force on `asOf`. */
  residentFlags: readonly ResidentFlagCode[];
}

/**
 * The person's flags on `asOf`, in the order of KEY_POPULATIONS: elderly from 65 completed years, child
 * under 7 (0–6岁), pregnant while enrolled in the maternal programme, a disease flag while enrolled in its
 * programme, and the recorded flags.
 */
export function keyPopulationFlags(input: KeyPopulationInput): KeyPopulationFlag[] {
  const age = completedYears(input.birthDate, input.asOf);
  const flags = new Set<KeyPopulationFlag>(input.residentFlags);
  if (age >= 65) flags.add('elderly');
  if (age >= 0 && age < 7) flags.add('child');
  for (const program of input.openPrograms) {
    const flag = PROGRAM_FLAGS[program];
    if (flag !== null) flags.add(flag);
  }
  return KEY_POPULATIONS.map((item) => item.code).filter((code) => flags.has(code));
}
