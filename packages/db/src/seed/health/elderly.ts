/**
 * Health management of people aged 65 and over (规范 第三版): enrolment from the year a person turns 65 (or
 * 建档, when later), and a yearly health check with the self-care assessment, mostly in the spring-to-autumn
 * campaign months; about 70 % are checked in a year. Blood pressure and glucose follow the person's
 * conditions. Some checks are also recorded as a public-health encounter with laboratory results.
 */
import { ELDERLY_AGE } from '@chp/core';
import type { FollowUpValues } from '@chp/core';
import type { Random } from '../random.js';
import { integerBetween, pickIndex } from '../registers/sampling.js';
import type { ChronicPatient } from './chronic.js';
import { DIAGNOSES, addEncounter, measured } from './clinical.js';
import { firstDayOf, firstDayOfMonth, lastDayOf, yearOf } from './days.js';
import {
  heartRate,
  hemoglobin,
  normalBloodPressure,
  normalFastingGlucose,
  patientBloodPressure,
  patientFastingGlucose,
  weightNear,
} from './measurements.js';
import { addVisit, ageOn, dayBetween, departureEnd, enrol, visitSpan } from './subject.js';
import type { Generation, Subject } from './subject.js';

export interface Conditions {
  hypertension: ChronicPatient | null;
  diabetes: ChronicPatient | null;
}

const ENCOUNTER_SHARE = 0.4;
/** 生活自理能力评分 bands (core self-care.ts: 0–3 可自理 … ≥ 19 不能自理) and their shares by age. */
const SELF_CARE_BANDS: readonly (readonly [number, number])[] = [
  [0, 0],
  [1, 3],
  [4, 8],
  [9, 18],
  [19, 30],
];
function selfCareScore(random: Random, age: number): number {
  const weights =
    age < 75 ? [0.82, 0.1, 0.05, 0.02, 0.01] : age < 85 ? [0.65, 0.15, 0.1, 0.06, 0.04] : [0.4, 0.15, 0.2, 0.15, 0.1];
  const [low, high] = SELF_CARE_BANDS[pickIndex(random, weights)] ?? [0, 0];
  return integerBetween(random, low, high);
}

/** The check's values, with the glucose and haemoglobin its laboratory results repeat. */
function checkValues(
  random: Random,
  subject: Subject,
  conditions: Conditions,
  age: number
): { values: FollowUpValues; fbg: number; hb: number } {
  const { hypertension, diabetes } = conditions;
  const pressure =
    hypertension === null
      ? normalBloodPressure(random)
      : patientBloodPressure(random, random() < hypertension.control, age);
  const fbg =
    diabetes === null ? normalFastingGlucose(random) : patientFastingGlucose(random, random() < diabetes.control);
  const hb = hemoglobin(random, subject.person.sex);
  const values = {
    selfCareScore: selfCareScore(random, age),
    ...pressure,
    fbg,
    heartRate: heartRate(random),
    weightKg: weightNear(random, subject.body.weightKg),
    heightCm: subject.body.heightCm,
    hemoglobin: hb,
  };
  return { values, fbg, hb };
}

export function elderlyCare(generation: Generation, subject: Subject, conditions: Conditions): void {
  const { random } = generation;
  if (subject.recordDay === null) return;
  const enrolledDay = Math.max(subject.recordDay, firstDayOf(yearOf(subject.person.birthDay) + ELDERLY_AGE));
  if (enrolledDay > Math.min(subject.lastDay, generation.period.last)) return;
  const enrolmentId = enrol(generation, subject, 'elderly', enrolledDay, departureEnd(subject), {}, subject.centreId);
  const span = visitSpan(generation, subject, enrolledDay);
  const keen = random() < 0.65 ? 0.92 : 0.35;
  for (let year = yearOf(span.first); year <= yearOf(span.last) && span.first <= span.last; year += 1) {
    const first = Math.max(span.first, firstDayOf(year));
    const last = Math.min(span.last, lastDayOf(year));
    if (last - first < 30 || random() >= keen) continue;
    // The checks are campaigns from March to October; outside them when the person is only there then.
    const campaignFirst = Math.max(first, firstDayOfMonth(year, 2));
    const campaignLast = Math.min(last, firstDayOfMonth(year, 10) - 1);
    const day =
      campaignFirst <= campaignLast ? dayBetween(random, campaignFirst, campaignLast) : dayBetween(random, first, last);
    const { values, fbg, hb } = checkValues(random, subject, conditions, ageOn(subject, day));
    addVisit(generation, subject, enrolmentId, 'elderly', 'annual_check', day, values, {
      facilityId: subject.centreId,
      doctor: subject.teamLeader,
    });
    if (random() < ENCOUNTER_SHARE) {
      addEncounter(generation, subject, {
        kind: 'public_health',
        day,
        facilityId: subject.centreId,
        department: '公共卫生科',
        clinician: subject.teamLeader,
        diagnoses: [DIAGNOSES.generalCheck],
        observations: [measured('fbg', fbg), measured('hemoglobin', hb)],
      });
    }
  }
}
