/**
 * Whether a person's dates are possible: born between 1900 and today, nothing recorded before birth or in
 * the future, no service after death. Messages name the field and both dates.
 */
import { isIsoDate } from './iso-date.js';

export interface DateProblem {
  /** The field at fault: birthDate, deathDate, recordDate, statusDate or the event's field. */
  field: string;
  message: string;
}

/** The earliest birth date accepted: nobody alive or recently dead was born earlier. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

interface Bound {
  date: string;
  /** How the message names the bound with its date: "出生日期 2021-05-01", "今天（2025-11-23）". */
  named: string;
}

interface DatedField {
  field: string;
  label: string;
  date: string;
}

function checkDate(subject: DatedField, notBefore: readonly Bound[], notAfter: readonly Bound[]): DateProblem[] {
  const { field, label, date } = subject;
  if (!isIsoDate(date)) return [{ field, message: `${label}“${date}”不是有效日期（应为 YYYY-MM-DD）` }];
  return [
    ...notBefore.filter((bound) => date < bound.date).map((bound) => `${label} ${date} 早于${bound.named}`),
    ...notAfter.filter((bound) => date > bound.date).map((bound) => `${label} ${date} 晚于${bound.named}`),
  ].map((message) => ({ field, message }));
}

/** A bound from another of the person's dates, when that date is present and valid. */
function boundOf(label: string, date: string | null | undefined): Bound[] {
  return date !== null && date !== undefined && isIsoDate(date) ? [{ date, named: `${label} ${date}` }] : [];
}

export interface ResidentDates {
  birthDate: string;
  deathDate?: string | null;
  /** 建档日期. */
  recordDate?: string | null;
  /** The date of the current record status (moved out, died). */
  statusDate?: string | null;
}

/** Problems with the dates of a resident record, `today` being YYYY-MM-DD. */
export function checkResidentDates(dates: ResidentDates, today: string): DateProblem[] {
  const now: Bound = { date: today, named: `今天（${today}）` };
  const birth = boundOf('出生日期', dates.birthDate);
  const death = boundOf('死亡日期', dates.deathDate);
  const others = [
    { field: 'deathDate', label: '死亡日期', date: dates.deathDate, notAfter: [] },
    { field: 'recordDate', label: '建档日期', date: dates.recordDate, notAfter: death },
    { field: 'statusDate', label: '状态变更日期', date: dates.statusDate, notAfter: [] },
  ];
  return [
    ...checkDate(
      { field: 'birthDate', label: '出生日期', date: dates.birthDate },
      [{ date: EARLIEST_BIRTH_DATE, named: `最早可登记的出生日期 ${EARLIEST_BIRTH_DATE}` }],
      [now]
    ),
    ...others.flatMap(({ date, notAfter, ...subject }) =>
      date === null || date === undefined ? [] : checkDate({ ...subject, date }, birth, [...notAfter, now])
    ),
  ];
}

/**
 * Problems with the date of something that happened to the person (a visit, a vaccination, an enrolment):
 * not before birth, not after death, not in the future.
 */
export function checkEventDate(
  event: DatedField,
  person: { birthDate: string; deathDate: string | null },
  today: string
): DateProblem[] {
  return checkDate(event, boundOf('出生日期', person.birthDate), [
    ...boundOf('死亡日期', person.deathDate),
    { date: today, named: `今天（${today}）` },
  ]);
}
