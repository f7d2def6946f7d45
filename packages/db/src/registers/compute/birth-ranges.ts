/**
 * Who reaches an age within a year, as a range of birth dates, so that the queries select a cohort with a
 * plain comparison instead of computing every person's date at that age.
 */
import { addDays, addMonths, dateAtAge } from '@chp/core';
import type { ScheduleAge } from '@chp/core';

export interface BirthRange {
  /** The first and last birth dates, YYYY-MM-DD. */
  from: string;
  to: string;
}

/**
 * The birth dates of those who reach `age` between `start` and `end` (inclusive), by core `dateAtAge`: a
 * date at an age never comes earlier for a later birth date, so they form one range. Starting from the
 * birth date that many months and days before, a few steps of a day find its ends.
 */
export function bornReaching(age: ScheduleAge, start: string, end: string): BirthRange {
  const before = (date: string): string => addDays(addMonths(date, -age.months), -(age.days ?? 0));
  let from = before(start);
  while (dateAtAge(from, age) < start) from = addDays(from, 1);
  while (dateAtAge(addDays(from, -1), age) >= start) from = addDays(from, -1);
  let to = before(end);
  while (dateAtAge(to, age) > end) to = addDays(to, -1);
  while (dateAtAge(addDays(to, 1), age) <= end) to = addDays(to, 1);
  return { from, to };
}

/** The first days of the calendar months the range touches, in order. */
export function birthMonths(range: BirthRange): string[] {
  const months: string[] = [];
  for (let month = `${range.from.slice(0, 7)}-01`; month <= range.to; month = addMonths(month, 1)) months.push(month);
  return months;
}
