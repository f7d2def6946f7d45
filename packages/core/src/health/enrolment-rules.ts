/**
 * Who may be enrolled in a programme and which programme facts the enrolment carries
 * (docs/health-records.md §2–3): pregnancies of women with a last menstrual period or a due date, children under 7,
 * residents who reach 65 in the year; the details are those of the programme only.
 */
import { completedYears } from './age.js';
import { addDays, daysBetween } from './date-arithmetic.js';
import { isIsoDate } from './iso-date.js';
import type { EnrolmentDetails } from './program-api.js';
import { PROGRAMS } from './programs.js';
import type { ProgramCode } from './programs.js';
import { ELDERLY_AGE } from './schedules/elderly.js';
import { PREGNANCY_DAYS } from './schedules/maternal.js';

const DETAIL_LABELS: Readonly<Record<keyof EnrolmentDetails, string>> = {
  lmp: '末次月经',
  edd: '预产期',
  gravidity: '孕次',
  parity: '产次',
  deliveryDate: '分娩日期',
  dischargeDate: '出院日期',
  treatmentStart: '治疗开始日期',
  continuationStart: '继续期开始日期',
};

const PROGRAM_DETAILS: Readonly<Record<ProgramCode, readonly (keyof EnrolmentDetails)[]>> = {
  hypertension: [],
  diabetes: [],
  severe_mental: [],
  tuberculosis: ['treatmentStart', 'continuationStart'],
  elderly: [],
  maternal: ['lmp', 'edd', 'gravidity', 'parity', 'deliveryDate', 'dischargeDate'],
  child: ['dischargeDate'],
};

/** A pregnancy is booked within 44 weeks of the last menstrual period. */
const MAX_PREGNANCY_DAYS = 44 * 7;
const CHILD_AGE_LIMIT = 7;

export interface EnrolledPerson {
  sex: string;
  birthDate: string;
}

export type EnrolmentCheck = { ok: true; details: EnrolmentDetails } | { ok: false; field: string; message: string };

const fail = (field: string, message: string): EnrolmentCheck => ({ ok: false, field, message });

/** A date detail: a real date, not before `notBefore` when given. */
function dateProblem(
  details: EnrolmentDetails,
  key: 'lmp' | 'edd' | 'deliveryDate' | 'dischargeDate' | 'treatmentStart' | 'continuationStart',
  notBefore: { date: string; label: string } | null
): string | null {
  const value = details[key];
  if (value === undefined) return null;
  if (!isIsoDate(value)) return `${DETAIL_LABELS[key]}“${value}”不是有效日期，请按 YYYY-MM-DD 填写。`;
  if (notBefore !== null && value < notBefore.date) {
    return `${DETAIL_LABELS[key]} ${value} 早于${notBefore.label} ${notBefore.date}。`;
  }
  return null;
}

function checkMaternal(person: EnrolledPerson, enrolledDate: string, details: EnrolmentDetails): EnrolmentCheck {
  if (person.sex !== '2') return fail('program', '只有女性居民可以登记孕产妇健康管理。');
  const { lmp, edd } = details;
  if (lmp === undefined && edd === undefined) {
    return fail(
      'details.lmp',
      '登记孕产妇健康管理须填写末次月经（details.lmp）或预产期（details.edd），用于推算孕周。'
    );
  }
  const lmpProblem = dateProblem(details, 'lmp', { date: person.birthDate, label: '出生日期' });
  if (lmpProblem !== null) return fail('details.lmp', lmpProblem);
  const eddProblem = dateProblem(details, 'edd', lmp === undefined ? null : { date: lmp, label: '末次月经' });
  if (eddProblem !== null) return fail('details.edd', eddProblem);
  const start = lmp ?? addDays(edd ?? enrolledDate, -PREGNANCY_DAYS);
  const startLabel = lmp === undefined ? `按预产期推算的末次月经 ${start}` : `末次月经 ${start}`;
  if (start > enrolledDate) return fail('details.lmp', `${startLabel} 晚于登记日期 ${enrolledDate}。`);
  if (daysBetween(start, enrolledDate) > MAX_PREGNANCY_DAYS) {
    return fail('details.lmp', `${startLabel} 距登记日期 ${enrolledDate} 已超过 44 周，请核对。`);
  }
  const deliveryProblem = dateProblem(details, 'deliveryDate', { date: start, label: '末次月经' });
  if (deliveryProblem !== null) return fail('details.deliveryDate', deliveryProblem);
  const discharge = details.deliveryDate === undefined ? null : { date: details.deliveryDate, label: '分娩日期' };
  const dischargeProblem = dateProblem(details, 'dischargeDate', discharge ?? { date: start, label: '末次月经' });
  if (dischargeProblem !== null) return fail('details.dischargeDate', dischargeProblem);
  const { gravidity, parity } = details;
  if (gravidity !== undefined && (!Number.isInteger(gravidity) || gravidity < 1 || gravidity > 20)) {
    return fail('details.gravidity', `孕次“${String(gravidity)}”超出范围（1—20）。`);
  }
  if (parity !== undefined && (!Number.isInteger(parity) || parity < 0 || parity > 19)) {
    return fail('details.parity', `产次“${String(parity)}”超出范围（0—19）。`);
  }
  if (gravidity !== undefined && parity !== undefined && parity >= gravidity) {
    return fail('details.parity', `产次 ${String(parity)} 应小于孕次 ${String(gravidity)}（本次妊娠计入孕次）。`);
  }
  return { ok: true, details: { ...details, edd: edd ?? addDays(start, PREGNANCY_DAYS) } };
}

function checkProgramDetails(
  program: ProgramCode,
  person: EnrolledPerson,
  enrolledDate: string,
  details: EnrolmentDetails
): EnrolmentCheck {
  switch (program) {
    case 'maternal':
      return checkMaternal(person, enrolledDate, details);
    case 'child': {
      const age = completedYears(person.birthDate, enrolledDate);
      if (age >= CHILD_AGE_LIMIT) {
        return fail(
          'program',
          `0–6岁儿童健康管理只登记未满7周岁的儿童，该居民在 ${enrolledDate} 已满 ${String(age)} 周岁。`
        );
      }
      const problem = dateProblem(details, 'dischargeDate', { date: person.birthDate, label: '出生日期' });
      return problem === null ? { ok: true, details } : fail('details.dischargeDate', problem);
    }
    case 'elderly': {
      const age = Number(enrolledDate.slice(0, 4)) - Number(person.birthDate.slice(0, 4));
      return age >= ELDERLY_AGE
        ? { ok: true, details }
        : fail(
            'program',
            `65岁及以上老年人健康管理只登记当年满65周岁的居民，该居民 ${enrolledDate.slice(0, 4)} 年满 ${String(age)} 周岁。`
          );
    }
    case 'tuberculosis': {
      const start = dateProblem(details, 'treatmentStart', { date: person.birthDate, label: '出生日期' });
      if (start !== null) return fail('details.treatmentStart', start);
      const from = details.treatmentStart ?? enrolledDate;
      const label = details.treatmentStart === undefined ? '登记日期' : '治疗开始日期';
      const continuation = dateProblem(details, 'continuationStart', { date: from, label });
      return continuation === null ? { ok: true, details } : fail('details.continuationStart', continuation);
    }
    case 'hypertension':
    case 'diabetes':
    case 'severe_mental':
      return { ok: true, details };
  }
}

/**
 * Whether the person may be enrolled in the programme on the date with these details; on success the
 * details to store (a maternal enrolment gains its expected delivery date).
 */
export function checkEnrolment(
  program: ProgramCode,
  person: EnrolledPerson,
  enrolledDate: string,
  details: EnrolmentDetails
): EnrolmentCheck {
  const allowed = PROGRAM_DETAILS[program];
  const foreign = (Object.keys(details) as (keyof EnrolmentDetails)[]).filter((key) => !allowed.includes(key));
  const [first] = foreign;
  if (first !== undefined) {
    return fail(
      `details.${first}`,
      `${PROGRAMS[program].label}健康管理不记录${foreign.map((key) => DETAIL_LABELS[key]).join('、')}。`
    );
  }
  return checkProgramDetails(program, person, enrolledDate, details);
}
