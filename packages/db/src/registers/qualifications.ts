/**
 * Qualifications of health workers, as the resource indicators count them (每千人口执业(助理)医师数,
 * 注册护士, 药师(士), 全科医生, 公共卫生, 精神科 …). A person may hold several: a 执业医师 of the
 * 中医类别 who is also a 全科医生 carries three codes.
 */
export const QUALIFICATIONS = [
  { code: 'physician', name: '执业医师' },
  { code: 'assistant_physician', name: '执业助理医师' },
  { code: 'registered_nurse', name: '注册护士' },
  { code: 'pharmacist', name: '药师（士）' },
  { code: 'general_practitioner', name: '全科医生' },
  { code: 'tcm', name: '中医类别' },
  { code: 'public_health', name: '公共卫生类别' },
  { code: 'psychiatry', name: '精神科' },
  { code: 'midwife', name: '助产士' },
  { code: 'health_education', name: '健康教育人员' },
  { code: 'technician', name: '技师（士）' },
  { code: 'village_doctor', name: '乡村医生' },
] as const;
export type Qualification = (typeof QUALIFICATIONS)[number]['code'];
