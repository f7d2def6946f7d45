/**
 * The programmes of the 国家基本公共卫生服务规范（第三版） kept on the platform, and the visit kinds of each
 * (docs/health-records.md §2). Codes are stored in `program_enrolment.program` and `follow_up.kind`.
 */
export const PROGRAM_CODES = [
  'hypertension',
  'diabetes',
  'severe_mental',
  'tuberculosis',
  'elderly',
  'maternal',
  'child',
] as const;

export type ProgramCode = (typeof PROGRAM_CODES)[number];

export const PROGRAMS: Readonly<Record<ProgramCode, { label: string }>> = {
  hypertension: { label: '高血压' },
  diabetes: { label: '2型糖尿病' },
  severe_mental: { label: '严重精神障碍' },
  tuberculosis: { label: '肺结核' },
  elderly: { label: '65岁及以上老年人' },
  maternal: { label: '孕产妇' },
  child: { label: '0–6岁儿童' },
};

export const VISIT_KIND_CODES = [
  'follow_up',
  'annual_check',
  'treatment_end',
  'booking',
  'antenatal',
  'delivery',
  'postpartum',
  'postpartum_42',
  'newborn_visit',
  'child_check',
] as const;

export type VisitKind = (typeof VISIT_KIND_CODES)[number];

/** Each programme's visit kinds with their labels; a kind's label depends on the programme (督导随访 for TB). */
export const VISIT_KINDS: Readonly<Record<ProgramCode, Readonly<Partial<Record<VisitKind, string>>>>> = {
  hypertension: { follow_up: '随访', annual_check: '年度健康检查' },
  diabetes: { follow_up: '随访', annual_check: '年度健康检查' },
  severe_mental: { follow_up: '随访' },
  tuberculosis: { follow_up: '督导随访', treatment_end: '结案评估' },
  elderly: { annual_check: '健康体检（含生活自理能力评估）' },
  maternal: {
    booking: '早孕建册（第1次产前检查）',
    antenatal: '第2–5次产前检查',
    delivery: '分娩',
    postpartum: '产后访视',
    postpartum_42: '产后42天健康检查',
  },
  child: { newborn_visit: '新生儿家庭访视', child_check: '儿童健康检查' },
};

export function isProgramCode(value: string): value is ProgramCode {
  return (PROGRAM_CODES as readonly string[]).includes(value);
}

export function isVisitKind(value: string): value is VisitKind {
  return (VISIT_KIND_CODES as readonly string[]).includes(value);
}

/** Whether `kind` is a visit kind of `program` (e.g. `booking` only for maternal). */
export function isVisitKindOf(program: ProgramCode, kind: string): kind is VisitKind {
  return isVisitKind(kind) && VISIT_KINDS[program][kind] !== undefined;
}

/** The visit kinds of a programme, in the order of §2. */
export function visitKindsOf(program: ProgramCode): VisitKind[] {
  return VISIT_KIND_CODES.filter((kind) => VISIT_KINDS[program][kind] !== undefined);
}

/** The Chinese label of a visit kind within a programme, or the code when the kind is not the programme's. */
export function visitKindLabel(program: ProgramCode, kind: string): string {
  return isVisitKind(kind) ? (VISIT_KINDS[program][kind] ?? kind) : kind;
}
