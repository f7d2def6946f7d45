/** Departments that bed counts are reported by; 'total' is the whole facility, the others are parts of it. */
export const BED_DEPARTMENTS = [
  { code: 'total', name: '合计' },
  { code: 'icu', name: '重症医学科（ICU）' },
  { code: 'infectious', name: '传染病科' },
  { code: 'psychiatric', name: '精神科' },
  { code: 'geriatric', name: '老年医学科' },
  { code: 'rehabilitation', name: '康复医学科' },
  { code: 'obstetric', name: '产科' },
  { code: 'pediatric', name: '儿科' },
  { code: 'hospice', name: '安宁疗护' },
] as const;
export type BedDepartment = (typeof BED_DEPARTMENTS)[number]['code'];
