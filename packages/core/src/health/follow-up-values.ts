/**
 * Which values each programme visit records (after the 规范 第三版 forms: 高血压/糖尿病患者随访服务记录表,
 * 健康体检表, 严重精神障碍患者随访服务记录表, 肺结核患者随访服务记录表, 孕产妇 and 儿童 forms) and their validation.
 */
import { FOLLOW_UP_FIELDS, followUpFieldName, followUpFieldRange, isFollowUpField } from './follow-up-fields.js';
import type { ChoiceFieldSpec, FollowUpField, NumberFieldSpec } from './follow-up-fields.js';
import { PROGRAMS, isVisitKindOf, visitKindLabel } from './programs.js';
import type { ProgramCode, VisitKind } from './programs.js';

export interface FollowUpForm {
  /** Values the visit must record. */
  required: readonly FollowUpField[];
  /** Values it may record besides. */
  optional: readonly FollowUpField[];
}

const CHECK_UP: readonly FollowUpField[] = ['heartRate', 'weightKg', 'heightCm', 'hemoglobin'];

export const FOLLOW_UP_FORMS: Readonly<Record<ProgramCode, Readonly<Partial<Record<VisitKind, FollowUpForm>>>>> = {
  hypertension: {
    follow_up: { required: ['sbp', 'dbp'], optional: ['heartRate', 'weightKg', 'heightCm', 'medicationAdherence'] },
    annual_check: { required: ['sbp', 'dbp'], optional: [...CHECK_UP, 'fbg', 'hba1c'] },
  },
  diabetes: {
    follow_up: { required: ['fbg'], optional: ['sbp', 'dbp', 'weightKg', 'heightCm', 'hba1c', 'medicationAdherence'] },
    annual_check: { required: ['fbg'], optional: [...CHECK_UP, 'sbp', 'dbp', 'hba1c'] },
  },
  severe_mental: {
    follow_up: { required: ['riskGrade'], optional: ['medicationAdherence', 'weightKg'] },
  },
  tuberculosis: {
    follow_up: { required: ['medicationAdherence'], optional: ['sputumResult', 'weightKg'] },
    treatment_end: { required: ['sputumResult'], optional: ['medicationAdherence', 'weightKg'] },
  },
  elderly: {
    annual_check: { required: ['selfCareScore'], optional: [...CHECK_UP, 'sbp', 'dbp', 'fbg'] },
  },
  maternal: {
    booking: {
      required: ['gestationalWeeks'],
      optional: ['pregnancyRisk', 'sbp', 'dbp', 'weightKg', 'heightCm', 'hemoglobin'],
    },
    antenatal: { required: ['gestationalWeeks'], optional: ['pregnancyRisk', 'sbp', 'dbp', 'weightKg', 'hemoglobin'] },
    delivery: { required: ['gestationalWeeks'], optional: ['sbp', 'dbp', 'hemoglobin'] },
    postpartum: { required: [], optional: ['sbp', 'dbp', 'hemoglobin'] },
    postpartum_42: { required: [], optional: ['sbp', 'dbp', 'weightKg', 'hemoglobin'] },
  },
  child: {
    newborn_visit: { required: ['weightKg'], optional: ['heightCm', 'heartRate', 'headCircumferenceCm'] },
    child_check: { required: ['weightKg', 'heightCm'], optional: ['headCircumferenceCm', 'hemoglobin'] },
  },
};

export interface FollowUpValueError {
  /** The value's key; 'kind' when the visit kind is not one of the programme's. */
  field: string;
  value: unknown;
  /** The accepted range or choices as the message states them ("60–300 mmHg"); null otherwise. */
  range: string | null;
  message: string;
}

/** The form of a programme's visit kind; null when the kind is not the programme's. */
export function followUpForm(program: ProgramCode, kind: string): FollowUpForm | null {
  return isVisitKindOf(program, kind) ? (FOLLOW_UP_FORMS[program][kind] ?? null) : null;
}

/** A value as messages quote it: “130”, “NaN”, “{"a":1}”. */
function shown(value: unknown): string {
  return `“${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}”`;
}

function checkNumber(field: FollowUpField, spec: NumberFieldSpec, value: unknown): FollowUpValueError | null {
  const name = followUpFieldName(field);
  const range = followUpFieldRange(field);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { field, value, range, message: `${name}应为数字，实际为${shown(value)}` };
  }
  if (spec.integer && !Number.isInteger(value)) {
    return { field, value, range, message: `${name}应为整数，实际为 ${value}` };
  }
  if (value < spec.min || value > spec.max) {
    return { field, value, range, message: `${name}为 ${value} ${spec.unit}，超出合理范围 ${range}` };
  }
  return null;
}

function checkChoice(field: FollowUpField, spec: ChoiceFieldSpec, value: unknown): FollowUpValueError | null {
  if (spec.options.some((option) => option.code === value)) return null;
  const range = followUpFieldRange(field);
  return { field, value, range, message: `${followUpFieldName(field)}${shown(value)}无效，应为：${range}` };
}

function checkValue(field: FollowUpField, value: unknown): FollowUpValueError | null {
  const spec: NumberFieldSpec | ChoiceFieldSpec = FOLLOW_UP_FIELDS[field];
  switch (spec.type) {
    case 'number':
      return checkNumber(field, spec, value);
    case 'choice':
      return checkChoice(field, spec, value);
  }
}

/**
 * The problems with the values of one visit: a kind that is not the programme's, missing required values,
 * values the visit does not record, non-numbers, out-of-range numbers, unknown choices, and a diastolic
 * pressure not below the systolic. Empty when the values can be saved. null and undefined count as absent.
 */
export function validateFollowUpValues(
  program: ProgramCode,
  kind: string,
  values: Readonly<Record<string, unknown>>
): FollowUpValueError[] {
  const form = followUpForm(program, kind);
  const programLabel = PROGRAMS[program].label;
  if (form === null) {
    return [{ field: 'kind', value: kind, range: null, message: `随访类型${shown(kind)}不属于${programLabel}项目` }];
  }
  const visit = `${programLabel}${visitKindLabel(program, kind)}`;
  const accepted = [...form.required, ...form.optional];
  const present = Object.entries(values).filter(([, value]) => value !== null && value !== undefined);
  const errors: FollowUpValueError[] = [];
  for (const field of form.required) {
    if (!present.some(([key]) => key === field)) {
      errors.push({ field, value: null, range: null, message: `缺少${followUpFieldName(field)}：${visit}必须填写` });
    }
  }
  for (const [key, value] of present) {
    if (!isFollowUpField(key) || !accepted.includes(key)) {
      const allowed = accepted.map(followUpFieldName).join('、');
      const problem = isFollowUpField(key)
        ? `${followUpFieldName(key)}不属于${visit}的记录项目`
        : `没有“${key}”这一随访项目`;
      errors.push({ field: key, value, range: null, message: `${problem}，${visit}可填写：${allowed}` });
      continue;
    }
    const error = checkValue(key, value);
    if (error !== null) errors.push(error);
  }
  const { sbp, dbp } = values;
  const flagged = new Set(errors.map((error) => error.field));
  if (typeof sbp === 'number' && typeof dbp === 'number' && !flagged.has('sbp') && !flagged.has('dbp') && dbp >= sbp) {
    errors.push({
      field: 'dbp',
      value: dbp,
      range: `低于收缩压 ${sbp} mmHg`,
      message: `舒张压（dbp）${dbp} mmHg 应低于收缩压（sbp）${sbp} mmHg`,
    });
  }
  return errors;
}
