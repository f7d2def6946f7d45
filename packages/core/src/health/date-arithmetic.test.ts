import { describe, expect, it } from 'vitest';
import { completedMonths, completedYears } from './age.js';
import { addDays, addMonths, addYears, daysBetween, earlierDate, laterDate } from './date-arithmetic.js';

describe('date arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2023-12-30', 3)).toBe('2024-01-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });

  it('adds months keeping the day, or moving to the 1st of the next month when the day does not exist', () => {
    expect(addMonths('2024-01-15', 1)).toBe('2024-02-15');
    expect(addMonths('2024-01-31', 1)).toBe('2024-03-01');
    expect(addMonths('2023-01-29', 1)).toBe('2023-03-01');
    expect(addMonths('2024-01-29', 1)).toBe('2024-02-29');
    expect(addMonths('2024-11-30', 3)).toBe('2025-03-01');
    expect(addMonths('2024-12-31', 2)).toBe('2025-03-01');
    expect(addMonths('2024-10-31', 2)).toBe('2024-12-31');
    expect(addMonths('2024-12-31', 11)).toBe('2025-12-01');
    expect(addMonths('2024-12-31', 12)).toBe('2025-12-31');
    expect(addMonths('2024-03-31', -1)).toBe('2024-03-01');
    expect(addMonths('2024-05-15', -17)).toBe('2022-12-15');
  });

  it('adds years, 29 February falling on 1 March in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('1959-06-30', 65)).toBe('2024-06-30');
  });

  it('agrees with the completed-months age of age.ts', () => {
    const births = ['2024-01-31', '2024-02-29', '2023-08-31', '2023-12-30', '2024-05-01', '2022-03-31'];
    for (const birth of births) {
      for (let months = 1; months <= 84; months++) {
        const reached = addMonths(birth, months);
        expect(completedMonths(birth, reached)).toBe(months);
        expect(completedMonths(birth, addDays(reached, -1))).toBe(months - 1);
      }
      for (let years = 1; years <= 7; years++) {
        const reached = addYears(birth, years);
        expect(completedYears(birth, reached)).toBe(years);
        expect(completedYears(birth, addDays(reached, -1))).toBe(years - 1);
      }
    }
  });

  it('counts days between dates and picks the earlier and later', () => {
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2023-02-01', '2023-03-01')).toBe(28);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
    expect(laterDate('2024-02-29', '2024-03-01')).toBe('2024-03-01');
    expect(earlierDate('2024-02-29', '2024-03-01')).toBe('2024-02-29');
  });
});
