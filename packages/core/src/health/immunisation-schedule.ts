/**
 * 国家免疫规划疫苗儿童免疫程序（2021年版）: the vaccines, the age each dose is due, the 及时接种 limits, and the
 * minimum intervals between doses used to time a catch-up (补种) dose.
 *
 * - Due age: the 程序's 接种年龄, in months (and days: 乙脑灭活疫苗 dose 2 is 7–10 days after dose 1).
 * - Timely (及时接种): the 程序 lists the age before which a dose must be given (乙肝第1剂 出生后24小时内, 卡介苗
 *   <3月龄, 乙肝第3剂 <12月龄 …). Doses the list does not name must be given before the child is a month older than
 *   their due age (乙肝第2剂, due at 1 month, before 2 months). Times of day are not recorded, so the birth date
 *   and the day after count as within 24 hours.
 * - Catch-up: a dose is due no earlier than the minimum interval after the previous dose of the same vaccine
 *   (28 days unless the 程序 says otherwise); 卡介苗 is not given from 4 years of age (≥4岁不予补种).
 * - Alternatives: 乙脑 is either JE-L (2 doses) or JE-I (4 doses), 甲肝 either HepA-L (1 dose) or HepA-I (2 doses).
 *   A child is on the inactivated series once a dose of it is recorded, otherwise on the live one.
 * - Scope: children under 7 (the 0–6 programme and the 程序's timely limits); catch-up of older children is left
 *   to the vaccination clinic.
 */
import { addDays, addMonths, addYears, laterDate } from './date-arithmetic.js';
import type { DueItem, GivenDose } from './schedules/types.js';

export const VACCINES = {
  HepB: { label: '乙肝疫苗', doses: 3 },
  BCG: { label: '卡介苗', doses: 1 },
  IPV: { label: '脊灰灭活疫苗', doses: 2 },
  bOPV: { label: '脊灰减毒活疫苗', doses: 2 },
  DTaP: { label: '百白破疫苗', doses: 4 },
  DT: { label: '白破疫苗', doses: 1 },
  MMR: { label: '麻腮风疫苗', doses: 2 },
  'JE-L': { label: '乙脑减毒活疫苗', doses: 2 },
  'JE-I': { label: '乙脑灭活疫苗', doses: 4 },
  'MPSV-A': { label: 'A群流脑多糖疫苗', doses: 2 },
  'MPSV-AC': { label: 'A群C群流脑多糖疫苗', doses: 2 },
  'HepA-L': { label: '甲肝减毒活疫苗', doses: 1 },
  'HepA-I': { label: '甲肝灭活疫苗', doses: 2 },
} as const satisfies Record<string, { label: string; doses: number }>;

export type VaccineCode = keyof typeof VACCINES;

export const VACCINE_CODES = Object.keys(VACCINES) as VaccineCode[];

/** An age: whole months (years × 12) and extra days. */
export interface ScheduleAge {
  months: number;
  days?: number;
}

/** One dose of the 程序. */
export interface ScheduleDose {
  vaccine: VaccineCode;
  dose: number;
  /** 接种年龄. */
  dueAge: ScheduleAge;
  /** 及时接种: the dose must be given before this age. */
  timelyBefore: ScheduleAge;
  /** Minimum days after the previous dose of the vaccine (dose ≥ 2). */
  minDaysAfterPrevious?: number;
  /** Minimum months after the previous dose, where the 程序 gives the interval in months. */
  minMonthsAfterPrevious?: number;
  /** Not given (补种) from this age. */
  notGivenFrom?: ScheduleAge;
}

function dose(
  vaccine: VaccineCode,
  number: number,
  dueMonths: number,
  timelyBeforeMonths: number | null,
  extra: Partial<ScheduleDose> = {}
): ScheduleDose {
  const dueAge = { months: dueMonths, ...(extra.dueAge ?? {}) };
  const timelyBefore =
    timelyBeforeMonths === null ? { months: dueMonths + 1, days: dueAge.days ?? 0 } : { months: timelyBeforeMonths };
  const interval = number > 1 && extra.minMonthsAfterPrevious === undefined ? { minDaysAfterPrevious: 28 } : {};
  return { vaccine, dose: number, timelyBefore, ...interval, ...extra, dueAge };
}

/** The 程序 (2021年版) dose by dose; `null` timely limit: before one month past the due age. */
export const IMMUNISATION_SCHEDULE: readonly ScheduleDose[] = [
  dose('HepB', 1, 0, null, { timelyBefore: { months: 0, days: 2 } }),
  dose('HepB', 2, 1, null),
  dose('HepB', 3, 6, 12, { minDaysAfterPrevious: 60 }),
  dose('BCG', 1, 0, 3, { notGivenFrom: { months: 48 } }),
  dose('IPV', 1, 2, null),
  dose('IPV', 2, 3, null),
  dose('bOPV', 1, 4, 12),
  dose('bOPV', 2, 48, 60),
  dose('DTaP', 1, 3, null),
  dose('DTaP', 2, 4, null),
  dose('DTaP', 3, 5, 12),
  dose('DTaP', 4, 18, 24, { minMonthsAfterPrevious: 6 }),
  dose('DT', 1, 72, 84),
  dose('MMR', 1, 8, 12),
  dose('MMR', 2, 18, 24),
  dose('JE-L', 1, 8, 12),
  dose('JE-L', 2, 24, 36, { minMonthsAfterPrevious: 12 }),
  dose('JE-I', 1, 8, null),
  dose('JE-I', 2, 8, 12, { dueAge: { months: 8, days: 7 }, minDaysAfterPrevious: 7 }),
  dose('JE-I', 3, 24, 36),
  dose('JE-I', 4, 72, 84),
  dose('MPSV-A', 1, 6, null),
  dose('MPSV-A', 2, 9, 18, { minMonthsAfterPrevious: 3 }),
  dose('MPSV-AC', 1, 36, 48),
  dose('MPSV-AC', 2, 72, 84, { minMonthsAfterPrevious: 36 }),
  dose('HepA-L', 1, 18, 24),
  dose('HepA-I', 1, 18, 24),
  dose('HepA-I', 2, 24, 36, { minMonthsAfterPrevious: 6 }),
];

/** Children are followed for immunisation until this age (years). */
export const IMMUNISATION_END_YEARS = 7;

export function isVaccineCode(value: string): value is VaccineCode {
  return Object.hasOwn(VACCINES, value);
}

/**
 * The vaccine code for a code or name as written in a register: 'HepB', 'hepb', 'JE_L', '乙肝疫苗' → the
 * 程序's code; null when unknown.
 */
export function vaccineCodeFrom(text: string): VaccineCode | null {
  const key = text.trim().toLowerCase().replace(/[\s_]/g, '-');
  return VACCINE_CODES.find((code) => code.toLowerCase() === key || VACCINES[code].label === text.trim()) ?? null;
}

/** The date a child born on `birthDate` reaches `age`. */
export function dateAtAge(birthDate: string, age: ScheduleAge): string {
  return addDays(addMonths(birthDate, age.months), age.days ?? 0);
}

/** The vaccines given as alternatives: 乙脑 and 甲肝, live (the default) or inactivated. */
export const IMMUNISATION_ALTERNATIVES: readonly { live: VaccineCode; inactivated: VaccineCode }[] = [
  { live: 'JE-L', inactivated: 'JE-I' },
  { live: 'HepA-L', inactivated: 'HepA-I' },
];

/** The child's series: the inactivated 乙脑 / 甲肝 vaccine once a dose of it is recorded, else the live one. */
export function immunisationSeries(given: readonly GivenDose[]): ScheduleDose[] {
  const used = new Set(given.map((dose) => dose.vaccine));
  const skipped = IMMUNISATION_ALTERNATIVES.map((pair) => (used.has(pair.inactivated) ? pair.live : pair.inactivated));
  return IMMUNISATION_SCHEDULE.filter((dose) => !skipped.includes(dose.vaccine));
}

function scheduleDose(vaccine: string, number: number): ScheduleDose | undefined {
  return IMMUNISATION_SCHEDULE.find((dose) => dose.vaccine === vaccine && dose.dose === number);
}

/** A dose of the child's series with its dates by age. */
export interface DoseByAge {
  vaccine: VaccineCode;
  dose: number;
  /** The date the child reaches the due age. */
  dueDate: string;
  /** The first date past the 及时接种 limit. */
  timelyBefore: string;
}

/**
 * The doses a child born on `birthDate` should have by `date` (due age reached) — the denominator of the
 * vaccination coverage by dose. `given` chooses the 乙脑 and 甲肝 series (immunisationSeries).
 */
export function dosesDueBy(birthDate: string, date: string, given: readonly GivenDose[] = []): DoseByAge[] {
  return immunisationSeries(given)
    .map((dose) => ({
      vaccine: dose.vaccine,
      dose: dose.dose,
      dueDate: dateAtAge(birthDate, dose.dueAge),
      timelyBefore: dateAtAge(birthDate, dose.timelyBefore),
    }))
    .filter((dose) => dose.dueDate <= date);
}

/** Whether a dose given on `date` was timely (及时接种); null for a dose the 程序 does not have. */
export function isTimelyDose(birthDate: string, vaccine: string, number: number, date: string): boolean | null {
  const dose = scheduleDose(vaccine, number);
  return dose === undefined ? null : date < dateAtAge(birthDate, dose.timelyBefore);
}

export function doseLabel(vaccine: VaccineCode, number: number): string {
  return `${VACCINES[vaccine].label} 第${number}剂`;
}

/** The earliest date for `dose` after the previous dose given on `previous`; null without a previous dose. */
function earliestAfterPrevious(dose: ScheduleDose, previous: string | undefined): string | null {
  if (previous === undefined) return null;
  return dose.minMonthsAfterPrevious === undefined
    ? addDays(previous, dose.minDaysAfterPrevious ?? 0)
    : addMonths(previous, dose.minMonthsAfterPrevious);
}

function ageText(age: ScheduleAge): string {
  if (age.months === 0) return '出生时';
  if (age.months >= 24 && age.months % 12 === 0) return `${age.months / 12}岁`;
  return `${age.months}月龄`;
}

/**
 * The vaccine doses a child is due for on `asOf`: for each vaccine of the child's series, the first dose not
 * yet given (doses dated after `asOf` are ignored), due at its age or the minimum interval after the previous
 * dose, whichever is later, and overdue past the 及时接种 limit (or at once when the interval makes it late).
 */
export function immunisationDue(birthDate: string, given: readonly GivenDose[], asOf: string): DueItem[] {
  if (asOf >= addYears(birthDate, IMMUNISATION_END_YEARS)) return [];
  const past = given.filter((dose) => dose.date <= asOf);
  const series = immunisationSeries(past);
  const items: DueItem[] = [];
  for (const vaccine of VACCINE_CODES) {
    const givenDates = new Map(past.filter((dose) => dose.vaccine === vaccine).map((dose) => [dose.dose, dose.date]));
    const next = series.find((dose) => dose.vaccine === vaccine && !givenDates.has(dose.dose));
    if (next === undefined) continue;
    if (next.notGivenFrom !== undefined && asOf >= dateAtAge(birthDate, next.notGivenFrom)) continue;
    const byAge = dateAtAge(birthDate, next.dueAge);
    const byInterval = earliestAfterPrevious(next, givenDates.get(next.dose - 1));
    const dueDate = byInterval === null ? byAge : laterDate(byAge, byInterval);
    const timelyBefore = dateAtAge(birthDate, next.timelyBefore);
    const label = doseLabel(vaccine, next.dose);
    const reason =
      `免疫程序（2021年版）${ageText(next.dueAge)}接种${label}，${timelyBefore}前完成为及时接种` +
      (dueDate > byAge ? `；与上一剂须满最短间隔，${dueDate}起可接种` : '');
    items.push({
      program: 'immunisation',
      kind: vaccine,
      label,
      dose: next.dose,
      dueDate,
      overdueFrom: laterDate(timelyBefore, dueDate),
      reason,
    });
  }
  return items;
}
