/**
 * Plausible clinical values for programme visits and observations. A visit meant to be on target gets
 * values on target by the programme's rule (core `isControlled`: below 140/90 mmHg, from 65 years below
 * 150/90; fasting glucose below 7.0 mmol/L), and one meant to be off target gets values off it, so the
 * stored `controlled` agrees with the values.
 */
import type { Random } from '../random.js';
import { normal } from '../registers/sampling.js';

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

/** The systolic pressure from which a patient of this age is off target (core isControlled). */
export function systolicLimit(ageYears: number): number {
  return ageYears >= 65 ? 150 : 140;
}

export interface BloodPressure {
  sbp: number;
  dbp: number;
}

/** A hypertensive patient's pressure, on or off target for the age. */
export function patientBloodPressure(random: Random, controlled: boolean, ageYears: number): BloodPressure {
  const limit = systolicLimit(ageYears);
  if (controlled) {
    const sbp = Math.round(clamp(limit - 14 + 7 * normal(random), 105, limit - 1));
    return { sbp, dbp: Math.round(clamp(78 + 6 * normal(random), 60, Math.min(89, sbp - 30))) };
  }
  if (random() < 0.75) {
    const sbp = Math.round(clamp(limit + 4 + Math.abs(14 * normal(random)), limit, 210));
    return { sbp, dbp: Math.round(clamp(88 + 8 * normal(random), 60, 120)) };
  }
  // Diastolic hypertension with the systolic under the limit.
  const sbp = Math.round(clamp(limit - 8 + 5 * normal(random), 125, limit - 1));
  return { sbp, dbp: Math.round(clamp(92 + Math.abs(4 * normal(random)), 90, sbp - 20)) };
}

/** The pressure of someone without hypertension. */
export function normalBloodPressure(random: Random): BloodPressure {
  const sbp = Math.round(clamp(120 + 9 * normal(random), 95, 139));
  return { sbp, dbp: Math.round(clamp(75 + 6 * normal(random), 55, Math.min(89, sbp - 30))) };
}

/** A diabetic patient's fasting glucose (mmol/L), on target (< 7.0) or not. */
export function patientFastingGlucose(random: Random, controlled: boolean): number {
  if (controlled) return oneDecimal(clamp(6.2 + 0.45 * normal(random), 4.4, 6.9));
  return oneDecimal(clamp(7.6 + Math.abs(2 * normal(random)), 7.0, 18));
}

export function normalFastingGlucose(random: Random): number {
  return oneDecimal(clamp(5.1 + 0.45 * normal(random), 3.9, 6.9));
}

/** HbA1c (%) fitting a fasting glucose (ADAG: mean glucose = 1.59 × A1c − 2.59 mmol/L). */
export function hba1cFor(random: Random, fbg: number): number {
  return oneDecimal(clamp((fbg + 2.59) / 1.59 + 0.3 * normal(random), 4.0, 15));
}

export function heartRate(random: Random): number {
  return Math.round(clamp(74 + 8 * normal(random), 55, 110));
}

/** Haemoglobin (g/L) of an adult; a share of women is anaemic (< 110 g/L in pregnancy). */
export function hemoglobin(random: Random, sex: '1' | '2'): number {
  return Math.round(
    sex === '1' ? clamp(142 + 11 * normal(random), 105, 175) : clamp(124 + 11 * normal(random), 88, 155)
  );
}

export interface Body {
  heightCm: number;
  weightKg: number;
}

/** An adult's height and weight. */
export function adultBody(random: Random, sex: '1' | '2'): Body {
  const heightCm = oneDecimal(sex === '1' ? 168 + 6 * normal(random) : 157 + 5.5 * normal(random));
  const bmi = clamp(24 + 3 * normal(random), 17, 36);
  return { heightCm, weightKg: oneDecimal((bmi * heightCm * heightCm) / 10_000) };
}

/** A weight near the person's own (± 2 kg), as measured at a visit. */
export function weightNear(random: Random, weightKg: number): number {
  return oneDecimal(clamp(weightKg + normal(random), 30, 200));
}

/** WHO child growth medians (both sexes) by age in months: weight (kg), length/height (cm), head (cm). */
const GROWTH: readonly (readonly [number, number, number, number])[] = [
  [0, 3.3, 49.9, 34.2],
  [1, 4.4, 54.0, 37.0],
  [3, 6.2, 61.0, 40.5],
  [6, 7.6, 66.5, 43.0],
  [8, 8.3, 69.4, 44.2],
  [12, 9.3, 74.9, 45.8],
  [18, 10.6, 81.4, 47.2],
  [24, 11.8, 86.6, 48.2],
  [30, 12.9, 91.1, 48.9],
  [36, 13.9, 95.2, 49.5],
  [48, 16.1, 102.7, 50.3],
  [60, 18.2, 109.7, 50.9],
  [72, 20.4, 115.8, 51.3],
  [84, 22.6, 121.7, 51.7],
];

export interface ChildMeasures {
  weightKg: number;
  heightCm: number;
  headCircumferenceCm: number;
}

/**
 * A child's measures at `months` (interpolated between the medians), scaled by the child's own size
 * factor (about 1 ± 0.08, kept across the child's visits).
 */
export function childMeasures(months: number, size: number): ChildMeasures {
  const upper = GROWTH.findIndex((row) => row[0] >= months);
  const high = GROWTH[upper < 0 ? GROWTH.length - 1 : upper] ?? [0, 3.3, 49.9, 34.2];
  const low = GROWTH[Math.max(0, upper - 1)] ?? high;
  const share = high[0] === low[0] ? 0 : clamp((months - low[0]) / (high[0] - low[0]), 0, 1);
  const at = (column: 1 | 2 | 3): number => low[column] + share * (high[column] - low[column]);
  return {
    weightKg: oneDecimal(at(1) * size * size),
    heightCm: oneDecimal(at(2) * size),
    headCircumferenceCm: oneDecimal(at(3) * Math.sqrt(size)),
  };
}
