import type { ReportKind } from './api.js';

export interface PlanPeriod {
  start: number;
  end: number;
}

/** The 十四五 mid-term evaluation year (中期评估). */
export const midtermYear = 2023;

/** Every year of a plan period, first to last. */
export function planYears(start: number, end: number): number[] {
  const years: number[] = [];
  for (let year = start; year <= end; year++) years.push(year);
  return years;
}

/**
 * The years a report of `kind` can be produced for: an annual report for any plan year, the mid-term
 * report for the mid-term year (the middle of the period, 2023 for 2021—2025), the final report for the last.
 */
export function reportYears(kind: ReportKind, period: PlanPeriod): number[] {
  switch (kind) {
    case 'annual':
      return planYears(period.start, period.end);
    case 'midterm':
      return [period.start + Math.floor((period.end - period.start) / 2)];
    case 'final':
      return [period.end];
  }
}
