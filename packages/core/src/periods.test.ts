import { describe, expect, it } from 'vitest';
import { midtermYear, planYears, reportYears } from './periods.js';

const period = { start: 2021, end: 2025 };

describe('periods', () => {
  it('lists every plan year', () => {
    expect(planYears(2021, 2025)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(planYears(2025, 2021)).toEqual([]);
  });
  it('gives each report kind its years', () => {
    expect(reportYears('annual', period)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(reportYears('midterm', period)).toEqual([midtermYear]);
    expect(reportYears('final', period)).toEqual([2025]);
    expect(reportYears('midterm', { start: 2016, end: 2020 })).toEqual([2018]);
  });
});
