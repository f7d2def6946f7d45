/**
 * Calendar arithmetic on YYYY-MM-DD dates, in UTC so that no time zone or daylight saving moves a day.
 * Months follow the age convention of `age.ts`: a month after the 31st (or a year after 29 February) falls on
 * the first day of the next month when that day does not exist, so a child born on 31 January is one month
 * old on 1 March, and `completedMonths(birth, addMonths(birth, n))` is always `n`.
 */
const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** `months` later (or earlier, when negative): 2024-01-31 + 1 → 2024-03-01, 2024-01-15 + 1 → 2024-02-15. */
export function addMonths(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Number(date.slice(8, 10));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day <= daysInMonth) return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return month === 12 ? `${pad(year + 1, 4)}-01-01` : `${pad(year, 4)}-${pad(month + 1, 2)}-01`;
}

/** `years` later: 2024-02-29 + 1 → 2025-03-01 (see the convention above). */
export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** Days from `from` to `to`, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The later of two dates (YYYY-MM-DD strings order as dates). */
export function laterDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** The earlier of two dates. */
export function earlierDate(a: string, b: string): string {
  return a <= b ? a : b;
}
