import { addDays, dateAtAge } from '@chp/core';
import type { ScheduleAge } from '@chp/core';
import { describe, expect, it } from 'vitest';
import { birthMonths, bornReaching } from './birth-ranges.js';

/** Every birth date from 2014 to 2024 whose date at `age` falls in the year, one by one. */
function byBruteForce(age: ScheduleAge, year: number): string[] {
  const born: string[] = [];
  for (let date = '2014-01-01'; date <= '2024-12-31'; date = addDays(date, 1)) {
    const at = dateAtAge(date, age);
    if (at >= `${year}-01-01` && at <= `${year}-12-31`) born.push(date);
  }
  return born;
}

describe('bornReaching', () => {
  it.each<[ScheduleAge, number]>([
    [{ months: 0 }, 2023],
    [{ months: 1 }, 2023],
    [{ months: 3 }, 2024],
    [{ months: 8, days: 7 }, 2023],
    [{ months: 18 }, 2023],
    [{ months: 30 }, 2024],
    [{ months: 72 }, 2023],
  ])('at %o in %i is the range of birth dates that reach it in the year', (age, year) => {
    const born = byBruteForce(age, year);
    expect(bornReaching(age, `${year}-01-01`, `${year}-12-31`)).toEqual({ from: born[0], to: born.at(-1) });
  });

  it('counts all whom core makes a month old on 2023-03-01: born 29–31 January (no such day in February) and 1 February', () => {
    expect(bornReaching({ months: 1 }, '2023-03-01', '2023-03-01')).toEqual({ from: '2023-01-29', to: '2023-02-01' });
  });

  it('lists the months a range of birth dates touches', () => {
    expect(birthMonths({ from: '2022-11-30', to: '2023-02-01' })).toEqual([
      '2022-11-01',
      '2022-12-01',
      '2023-01-01',
      '2023-02-01',
    ]);
    expect(birthMonths({ from: '2023-01-05', to: '2023-01-20' })).toEqual(['2023-01-01']);
  });
});
