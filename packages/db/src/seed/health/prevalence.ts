/**
 * How common the programmes' conditions are, by age, and when a person's condition began.
 *
 * - Hypertension: the China Hypertension Survey 2012–2015 (Wang Z et al., Circulation 2018;137:2344) by age:
 *   18–24 4.0 %, 25–34 6.1 %, 35–44 15.0 %, 45–54 29.6 %, 55–64 44.6 %, 65–74 55.7 %, 75+ 60.2 %; with the
 *   older age structure of the model's county that is about 28 % of adults.
 * - Type-2 diabetes (diagnosed, as the programme manages it): about 10 % of adults, from 1.5 % under 30 to
 *   19 % from 70 — below the survey prevalence with undiagnosed cases (12.8 %, Li Y et al., BMJ 2020).
 * - Severe mental disorders: registered patients are 4–5 ‰ of the population (the national target of
 *   4.5 ‰ 报告患病率); 0.62 % from 15 years gives about 0.5 % of residents, of whom those with a record,
 *   about 0.45 % of residents, are enrolled.
 * - Pulmonary tuberculosis: about 4 new cases per 10,000 a year (China 2020: 59 per 100,000 notified),
 *   men 1.6 times the average and women 0.6, rising with age.
 * - Disability (持证残疾人): about 3 %, rising with age.
 * A health record (建档) is kept for about 88 % of residents: nearly every newborn and old person, fewer of
 * the working ages who are often away.
 */
import type { KnownSex } from '@chp/core';
import type { Random } from '../random.js';

type Bands = readonly (readonly [fromAge: number, share: number])[];

function bandShare(bands: Bands, age: number): number {
  let share = 0;
  for (const [from, value] of bands) if (age >= from) share = value;
  return share;
}

const HYPERTENSION: Bands = [
  [18, 0.04],
  [25, 0.061],
  [35, 0.15],
  [45, 0.296],
  [55, 0.446],
  [65, 0.557],
  [75, 0.602],
];
const DIABETES: Bands = [
  [18, 0.015],
  [30, 0.035],
  [40, 0.07],
  [50, 0.13],
  [60, 0.18],
  [70, 0.19],
];
const SEVERE_MENTAL: Bands = [[15, 0.0062]];
const DISABILITY: Bands = [
  [0, 0.005],
  [15, 0.015],
  [45, 0.03],
  [65, 0.07],
];
const RECORD_COVERAGE: Bands = [
  [0, 0.95],
  [7, 0.9],
  [18, 0.82],
  [45, 0.9],
  [65, 0.94],
];

export const hypertensionPrevalence = (age: number): number => bandShare(HYPERTENSION, age);
export const diabetesPrevalence = (age: number): number => bandShare(DIABETES, age);
export const severeMentalPrevalence = (age: number): number => bandShare(SEVERE_MENTAL, age);
export const disabilityPrevalence = (age: number): number => bandShare(DISABILITY, age);
export const recordCoverage = (age: number): number => bandShare(RECORD_COVERAGE, age);

const TUBERCULOSIS_PER_YEAR = 4e-4;

export function tuberculosisIncidence(age: number, sex: KnownSex): number {
  const ageFactor = age < 15 ? 0.1 : age < 45 ? 0.8 : age < 65 ? 1.1 : 1.8;
  return TUBERCULOSIS_PER_YEAR * ageFactor * (sex === '1' ? 1.6 : 0.6);
}

/**
 * The age (in years, fractional) at which a person who has the condition at `age` got it. Prevalence rises
 * with age, so among those who have it at `age` the share who had it by `a` is prevalence(a) ÷ prevalence(age);
 * within an age band the onset is uniform, and never later than `age`.
 */
export function onsetAge(random: Random, prevalence: (age: number) => number, age: number): number {
  const threshold = random() * prevalence(age);
  let from = 0;
  while (from < age && prevalence(from) <= threshold) from += 1;
  let to = from;
  while (to < age && prevalence(to + 1) === prevalence(from)) to += 1;
  return from + random() * (Math.min(to + 1, age) - from);
}
