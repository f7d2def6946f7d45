import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_FIELDS, followUpFieldRange } from './follow-up-fields.js';
import { FOLLOW_UP_FORMS, followUpForm, validateFollowUpValues } from './follow-up-values.js';
import { PROGRAM_CODES, visitKindsOf } from './programs.js';

const messages = (...args: Parameters<typeof validateFollowUpValues>): string[] =>
  validateFollowUpValues(...args).map((error) => error.message);

describe('follow-up forms', () => {
  it('has a form for exactly the visit kinds of each programme', () => {
    for (const program of PROGRAM_CODES) {
      expect(Object.keys(FOLLOW_UP_FORMS[program]).sort(), program).toEqual([...visitKindsOf(program)].sort());
    }
  });

  it('never lists a field both as required and optional', () => {
    for (const program of PROGRAM_CODES) {
      for (const kind of visitKindsOf(program)) {
        const form = followUpForm(program, kind)!;
        expect(
          form.required.filter((field) => form.optional.includes(field)),
          `${program} ${kind}`
        ).toEqual([]);
      }
    }
  });

  it('has no form for a kind of another programme', () => {
    expect(followUpForm('hypertension', 'booking')).toBeNull();
    expect(followUpForm('hypertension', 'nonsense')).toBeNull();
  });

  it('states ranges with units, and choices with their labels', () => {
    expect(followUpFieldRange('sbp')).toBe('60–300 mmHg');
    expect(followUpFieldRange('sputumResult')).toBe('negative=阴性、positive=阳性、not_done=未查');
    expect(FOLLOW_UP_FIELDS.selfCareScore).toMatchObject({ min: 0, max: 37, integer: true });
  });
});

describe('validateFollowUpValues', () => {
  it('accepts complete, plausible values', () => {
    expect(validateFollowUpValues('hypertension', 'follow_up', { sbp: 138, dbp: 86, heartRate: 72 })).toEqual([]);
    expect(
      validateFollowUpValues('diabetes', 'follow_up', { fbg: 6.8, hba1c: 6.5, medicationAdherence: 'regular' })
    ).toEqual([]);
    expect(validateFollowUpValues('maternal', 'booking', { gestationalWeeks: 10, pregnancyRisk: 'yellow' })).toEqual(
      []
    );
    expect(validateFollowUpValues('maternal', 'postpartum', {})).toEqual([]);
    expect(validateFollowUpValues('child', 'newborn_visit', { weightKg: 3.2, headCircumferenceCm: 34 })).toEqual([]);
  });

  it('accepts the bounds of each range', () => {
    expect(validateFollowUpValues('hypertension', 'follow_up', { sbp: 300, dbp: 199 })).toEqual([]);
    expect(validateFollowUpValues('elderly', 'annual_check', { selfCareScore: 0 })).toEqual([]);
    expect(validateFollowUpValues('elderly', 'annual_check', { selfCareScore: 37 })).toEqual([]);
  });

  it('rejects an out-of-range value with the field, the value and the range', () => {
    expect(validateFollowUpValues('hypertension', 'follow_up', { sbp: 1400, dbp: 90 })).toEqual([
      {
        field: 'sbp',
        value: 1400,
        range: '60–300 mmHg',
        message: '收缩压（sbp）为 1400 mmHg，超出合理范围 60–300 mmHg',
      },
    ]);
    expect(messages('diabetes', 'follow_up', { fbg: 0.5 })).toEqual([
      '空腹血糖（fbg）为 0.5 mmol/L，超出合理范围 1–40 mmol/L',
    ]);
    expect(messages('child', 'child_check', { weightKg: 12, heightCm: 260 })).toEqual([
      '身高（heightCm）为 260 cm，超出合理范围 30–250 cm',
    ]);
    expect(messages('elderly', 'annual_check', { selfCareScore: 38 })).toEqual([
      '生活自理能力评分（selfCareScore）为 38 分，超出合理范围 0–37 分',
    ]);
  });

  it('rejects missing required values, naming the visit', () => {
    expect(validateFollowUpValues('hypertension', 'follow_up', { sbp: 130, dbp: null })).toEqual([
      { field: 'dbp', value: null, range: null, message: '缺少舒张压（dbp）：高血压随访必须填写' },
    ]);
    expect(messages('tuberculosis', 'treatment_end', {})).toEqual([
      '缺少痰检结果（sputumResult）：肺结核结案评估必须填写',
    ]);
  });

  it('rejects a diastolic pressure not below the systolic', () => {
    expect(validateFollowUpValues('hypertension', 'follow_up', { sbp: 85, dbp: 90 })).toEqual([
      {
        field: 'dbp',
        value: 90,
        range: '低于收缩压 85 mmHg',
        message: '舒张压（dbp）90 mmHg 应低于收缩压（sbp）85 mmHg',
      },
    ]);
    expect(messages('hypertension', 'follow_up', { sbp: 120, dbp: 120 })).toHaveLength(1);
  });

  it('does not compare pressures when one of them is already wrong', () => {
    expect(messages('hypertension', 'follow_up', { sbp: 50, dbp: 60 })).toEqual([
      '收缩压（sbp）为 50 mmHg，超出合理范围 60–300 mmHg',
    ]);
  });

  it('rejects non-numbers, fractions where whole numbers are due, and unknown choices', () => {
    expect(messages('hypertension', 'follow_up', { sbp: '130', dbp: 80.5 })).toEqual([
      '收缩压（sbp）应为数字，实际为“130”',
      '舒张压（dbp）应为整数，实际为 80.5',
    ]);
    expect(messages('severe_mental', 'follow_up', { riskGrade: Number.NaN })).toEqual([
      '危险性评估（riskGrade）应为数字，实际为“NaN”',
    ]);
    expect(validateFollowUpValues('maternal', 'antenatal', { gestationalWeeks: 20, pregnancyRisk: 'blue' })).toEqual([
      {
        field: 'pregnancyRisk',
        value: 'blue',
        range:
          'green=绿色（低风险）、yellow=黄色（一般风险）、orange=橙色（较高风险）、red=红色（高风险）、purple=紫色（传染性疾病）',
        message:
          '妊娠风险分级（pregnancyRisk）“blue”无效，应为：green=绿色（低风险）、yellow=黄色（一般风险）、orange=橙色（较高风险）、red=红色（高风险）、purple=紫色（传染性疾病）',
      },
    ]);
  });

  it('rejects values the visit does not record and unknown keys', () => {
    expect(messages('severe_mental', 'follow_up', { riskGrade: 1, fbg: 5.2, bmi: 22 })).toEqual([
      '空腹血糖（fbg）不属于严重精神障碍随访的记录项目，严重精神障碍随访可填写：危险性评估（riskGrade）、服药依从性（medicationAdherence）、体重（weightKg）',
      '没有“bmi”这一随访项目，严重精神障碍随访可填写：危险性评估（riskGrade）、服药依从性（medicationAdherence）、体重（weightKg）',
    ]);
  });

  it('rejects a visit kind that is not the programme’s', () => {
    expect(validateFollowUpValues('diabetes', 'booking', { fbg: 6 })).toEqual([
      { field: 'kind', value: 'booking', range: null, message: '随访类型“booking”不属于2型糖尿病项目' },
    ]);
  });
});
