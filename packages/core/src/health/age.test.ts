import { describe, expect, it } from 'vitest';
import { ageOn, completedMonths, completedYears } from './age.js';

describe('completedYears', () => {
  it('counts a year on the birthday, not the day before', () => {
    expect(completedYears('1960-07-01', '2025-06-30')).toBe(64);
    expect(completedYears('1960-07-01', '2025-07-01')).toBe(65);
  });

  it('counts a 29 February birthday on 1 March in common years', () => {
    expect(completedYears('2020-02-29', '2021-02-28')).toBe(0);
    expect(completedYears('2020-02-29', '2021-03-01')).toBe(1);
    expect(completedYears('2020-02-29', '2024-02-29')).toBe(4);
  });
});

describe('completedMonths and ageOn', () => {
  it('counts a month on the same day of the next month', () => {
    expect(completedMonths('2024-05-15', '2024-06-14')).toBe(0);
    expect(completedMonths('2024-05-15', '2024-06-15')).toBe(1);
    expect(completedMonths('2023-11-20', '2025-02-20')).toBe(15);
  });

  it('counts a month from the 31st on the first day after a shorter month', () => {
    expect(completedMonths('2024-01-31', '2024-02-29')).toBe(0);
    expect(completedMonths('2024-01-31', '2024-03-01')).toBe(1);
  });

  it('gives whole years and the months beyond them, consistent with completedYears', () => {
    expect(ageOn('2022-03-10', '2024-06-09')).toEqual({ years: 2, months: 2 });
    expect(ageOn('2022-03-10', '2024-06-10')).toEqual({ years: 2, months: 3 });
    expect(ageOn('2024-06-10', '2024-06-10')).toEqual({ years: 0, months: 0 });
    expect(ageOn('2020-02-29', '2021-02-28').years).toBe(completedYears('2020-02-29', '2021-02-28'));
  });
});
