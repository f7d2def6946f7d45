import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';

/** A number without trailing zeros, rounded to `digits` decimals (computed rates are shown with 2). */
export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined) return '—';
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(digits)));
}

export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

/** A calendar day as the API takes it (YYYY-MM-DD); today in the browser's zone by default. */
export function isoDay(day: Dayjs = dayjs()): string {
  return day.format('YYYY-MM-DD');
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : '—';
}

/** A signed difference: "+0.75", "-0.3", "0". */
export function formatSigned(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return '—';
  const text = formatNumber(value, digits);
  return value > 0 ? `+${text}` : text;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export const PLAN_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

/** The current year, kept within the plan period. */
export function defaultPlanYear(): number {
  return Math.min(Math.max(new Date().getFullYear(), 2021), 2025);
}
