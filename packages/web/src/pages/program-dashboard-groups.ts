import type { ProgramSummaryRow } from '@chp/core';
import type { MessageKey } from '../i18n/zh.js';

/** A public-health programme on the dashboard: its computed service indicators and its summary rows. */
export interface ProgramGroup {
  key: string;
  label: MessageKey;
  indicators: readonly string[];
  /** The programme of GET …/programs/summary, when it has one. */
  summary: ProgramSummaryRow['program'] | null;
}

const RECORDS: ProgramGroup = {
  key: 'records',
  label: 'programs.records',
  indicators: ['EHR_COVERAGE'],
  summary: null,
};

/** The service indicators of 国家基本公共卫生服务, by programme (codes of the computed indicators). */
export const PROGRAM_GROUPS: readonly ProgramGroup[] = [
  RECORDS,
  {
    key: 'family-doctor',
    label: 'programs.familyDoctor',
    indicators: ['FAMILY_DOCTOR_CONTRACT', 'KEY_POP_CONTRACT'],
    summary: null,
  },
  {
    key: 'hypertension',
    label: 'programs.hypertension',
    indicators: ['HYPERTENSION_STD_MGMT', 'HYPERTENSION_BP_CONTROL'],
    summary: 'hypertension',
  },
  {
    key: 'diabetes',
    label: 'programs.diabetes',
    indicators: ['DIABETES_STD_MGMT', 'DIABETES_GLUCOSE_CONTROL'],
    summary: 'diabetes',
  },
  { key: 'severe-mental', label: 'programs.severeMental', indicators: ['SMD_STD_MGMT'], summary: 'severe_mental' },
  { key: 'elderly', label: 'programs.elderly', indicators: ['ELDERLY_HEALTH_MGMT'], summary: 'elderly' },
  { key: 'maternal', label: 'programs.maternal', indicators: ['MATERNAL_SYSTEMATIC_MGMT'], summary: 'maternal' },
  {
    key: 'child',
    label: 'programs.child',
    indicators: ['CHILD_U3_SYSTEMATIC_MGMT', 'CHILD_0_6_HEALTH_MGMT'],
    summary: 'child',
  },
  {
    key: 'immunisation',
    label: 'programs.immunisation',
    indicators: ['IMMUNIZATION_COVERAGE'],
    summary: 'immunisation',
  },
];

/** The programme of ?program=, else the health records. */
export function programGroup(key: string | null): ProgramGroup {
  return PROGRAM_GROUPS.find((group) => group.key === key) ?? RECORDS;
}
