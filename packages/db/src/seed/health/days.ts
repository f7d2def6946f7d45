/**
 * Dates as day numbers (days since 1970-01-01, UTC) while records are generated: most dates are a random
 * number of days from another, and integer arithmetic keeps a county of millions quick. Rows get
 * YYYY-MM-DD strings.
 */
const DAY_MS = 86_400_000;

export function dayOf(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function firstDayOf(year: number): number {
  return Math.round(Date.UTC(year, 0, 1) / DAY_MS);
}

/** The first day of a month, `month` counted from 0 (January); 12 is January of the next year. */
export function firstDayOfMonth(year: number, month: number): number {
  return Math.round(Date.UTC(year, month, 1) / DAY_MS);
}

export function lastDayOf(year: number): number {
  return firstDayOf(year + 1) - 1;
}

export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** The period records are generated for: 1 January of the first year to 31 December of the last. */
export interface Period {
  first: number;
  last: number;
}

export function periodOf(years: { from: number; to: number }): Period {
  return { first: firstDayOf(years.from), last: lastDayOf(years.to) };
}
