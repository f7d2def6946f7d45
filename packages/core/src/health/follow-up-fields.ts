/**
 * The values a programme visit may record (follow_up.values), with units, Chinese labels and plausible
 * ranges. The ranges reject typing errors (a blood pressure of 1400, a weight in grams), not unusual patients:
 * they are wider than any clinical threshold.
 */
import { SELF_CARE_SCORE_MAX } from './self-care.js';

export interface NumberFieldSpec {
  type: 'number';
  label: string;
  unit: string;
  min: number;
  max: number;
  integer: boolean;
}

export interface ChoiceFieldSpec<C extends string = string> {
  type: 'choice';
  label: string;
  options: readonly { code: C; label: string }[];
}

/** 妊娠风险五色 (孕产妇妊娠风险评估与管理工作规范, 2017). */
export const PREGNANCY_RISKS = [
  { code: 'green', label: '绿色（低风险）' },
  { code: 'yellow', label: '黄色（一般风险）' },
  { code: 'orange', label: '橙色（较高风险）' },
  { code: 'red', label: '红色（高风险）' },
  { code: 'purple', label: '紫色（传染性疾病）' },
] as const;
export type PregnancyRisk = (typeof PREGNANCY_RISKS)[number]['code'];

/** 服药依从性 as on the 规范's follow-up forms. */
export const MEDICATION_ADHERENCE = [
  { code: 'regular', label: '规律' },
  { code: 'intermittent', label: '间断' },
  { code: 'none', label: '不服药' },
] as const;
export type MedicationAdherence = (typeof MEDICATION_ADHERENCE)[number]['code'];

export const SPUTUM_RESULTS = [
  { code: 'negative', label: '阴性' },
  { code: 'positive', label: '阳性' },
  { code: 'not_done', label: '未查' },
] as const;
export type SputumResult = (typeof SPUTUM_RESULTS)[number]['code'];

const number = (label: string, unit: string, min: number, max: number, integer = false): NumberFieldSpec => ({
  type: 'number',
  label,
  unit,
  min,
  max,
  integer,
});

const choice = <C extends string>(
  label: string,
  options: readonly { code: C; label: string }[]
): ChoiceFieldSpec<C> => ({
  type: 'choice',
  label,
  options,
});

export const FOLLOW_UP_FIELDS = {
  sbp: number('收缩压', 'mmHg', 60, 300, true),
  dbp: number('舒张压', 'mmHg', 30, 200, true),
  heartRate: number('心率', '次/分', 20, 250, true),
  weightKg: number('体重', 'kg', 0.5, 300),
  heightCm: number('身高', 'cm', 30, 250),
  fbg: number('空腹血糖', 'mmol/L', 1, 40),
  hba1c: number('糖化血红蛋白', '%', 3, 20),
  riskGrade: number('危险性评估', '级', 0, 5, true),
  selfCareScore: number('生活自理能力评分', '分', 0, SELF_CARE_SCORE_MAX, true),
  gestationalWeeks: number('孕周', '周', 1, 45, true),
  pregnancyRisk: choice('妊娠风险分级', PREGNANCY_RISKS),
  hemoglobin: number('血红蛋白', 'g/L', 30, 250),
  headCircumferenceCm: number('头围', 'cm', 20, 70),
  medicationAdherence: choice('服药依从性', MEDICATION_ADHERENCE),
  sputumResult: choice('痰检结果', SPUTUM_RESULTS),
} as const satisfies Record<string, NumberFieldSpec | ChoiceFieldSpec>;

export type FollowUpField = keyof typeof FOLLOW_UP_FIELDS;

/** The values of one visit, typed: numbers, or the codes of a choice. */
export type FollowUpValues = {
  [F in FollowUpField]?: (typeof FOLLOW_UP_FIELDS)[F] extends ChoiceFieldSpec<infer C> ? C : number;
};

export function isFollowUpField(value: string): value is FollowUpField {
  return Object.hasOwn(FOLLOW_UP_FIELDS, value);
}

/** "收缩压（sbp）": how messages name a field. */
export function followUpFieldName(field: FollowUpField): string {
  return `${FOLLOW_UP_FIELDS[field].label}（${field}）`;
}

/** "60–300 mmHg", or the choices "green=绿色（低风险）、…", as messages state them. */
export function followUpFieldRange(field: FollowUpField): string {
  const spec: NumberFieldSpec | ChoiceFieldSpec = FOLLOW_UP_FIELDS[field];
  switch (spec.type) {
    case 'number':
      return `${spec.min}–${spec.max} ${spec.unit}`;
    case 'choice':
      return spec.options.map((option) => `${option.code}=${option.label}`).join('、');
  }
}
