/**
 * Facility types of the health-resources register, after the national statistical classification of
 * health institutions (卫生机构分类): each type belongs to one of the yearbook's four groups — 医院,
 * 基层医疗卫生机构, 专业公共卫生机构, 其他机构 — which the resource indicators aggregate by.
 */
export const FACILITY_CATEGORIES = {
  hospital: '医院',
  primary: '基层医疗卫生机构',
  public_health: '专业公共卫生机构',
  other: '其他机构',
} as const;
export type FacilityCategory = keyof typeof FACILITY_CATEGORIES;

export const FACILITY_TYPES = [
  { code: 'general_hospital', name: '综合医院', category: 'hospital' },
  { code: 'tcm_hospital', name: '中医医院', category: 'hospital' },
  { code: 'integrated_hospital', name: '中西医结合医院', category: 'hospital' },
  { code: 'ethnic_hospital', name: '民族医院', category: 'hospital' },
  { code: 'specialty_hospital', name: '专科医院', category: 'hospital' },
  { code: 'nursing_hospital', name: '护理院', category: 'hospital' },
  // Counties list private hospitals as a type of their own; their ownership is then 'private'.
  { code: 'private_hospital', name: '民营医院', category: 'hospital' },
  { code: 'township_health_center', name: '乡镇卫生院', category: 'primary' },
  { code: 'community_health_center', name: '社区卫生服务中心', category: 'primary' },
  { code: 'community_health_station', name: '社区卫生服务站', category: 'primary' },
  { code: 'village_clinic', name: '村卫生室', category: 'primary' },
  { code: 'outpatient_department', name: '门诊部', category: 'primary' },
  { code: 'clinic', name: '诊所（医务室）', category: 'primary' },
  { code: 'cdc', name: '疾病预防控制中心', category: 'public_health' },
  { code: 'health_supervision', name: '卫生监督所（中心）', category: 'public_health' },
  { code: 'maternal_child_health', name: '妇幼保健院/计划生育服务中心', category: 'public_health' },
  { code: 'specialty_disease_control', name: '专科疾病防治院（所、站）', category: 'public_health' },
  { code: 'health_education', name: '健康教育所（中心）', category: 'public_health' },
  { code: 'emergency_center', name: '急救中心（站）', category: 'public_health' },
  { code: 'blood_station', name: '采供血机构', category: 'public_health' },
  { code: 'childcare', name: '托育机构', category: 'other' },
  { code: 'other', name: '其他机构', category: 'other' },
] as const satisfies readonly { code: string; name: string; category: FacilityCategory }[];
export type FacilityType = (typeof FACILITY_TYPES)[number]['code'];

/** Hospital grades (医院等级); facilities that are not graded have none. */
export const FACILITY_GRADES = [
  { code: '3A', name: '三级甲等' },
  { code: '3B', name: '三级乙等' },
  { code: '3C', name: '三级丙等' },
  { code: '3', name: '三级（未定等）' },
  { code: '2A', name: '二级甲等' },
  { code: '2B', name: '二级乙等' },
  { code: '2C', name: '二级丙等' },
  { code: '2', name: '二级（未定等）' },
  { code: '1A', name: '一级甲等' },
  { code: '1B', name: '一级乙等' },
  { code: '1C', name: '一级丙等' },
  { code: '1', name: '一级（未定等）' },
] as const;
export type FacilityGrade = (typeof FACILITY_GRADES)[number]['code'];

export const OWNERSHIPS = [
  { code: 'public', name: '公立' },
  { code: 'private', name: '非公立' },
] as const;
export type Ownership = (typeof OWNERSHIPS)[number]['code'];
