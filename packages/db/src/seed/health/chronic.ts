/**
 * Hypertension and type-2 diabetes care (规范 第三版): enrolment when the condition is found, a face-to-face
 * follow-up each quarter — about three patients in four manage all four in a year, the others one to three —
 * a recheck within two weeks after an uncontrolled visit for half of them, referral after two uncontrolled
 * visits in a row, a yearly check for most, and about one outpatient encounter a year with a diagnosis, the
 * patient's usual drugs and a measurement. Patients differ in how well they are controlled; on average
 * about 60 % of visits are on target.
 */
import type { FollowUpValues, MedicationAdherence } from '@chp/core';
import type { Random } from '../random.js';
import { integerBetween, pickIndex, poisson, sample } from '../registers/sampling.js';
import { ANTIDIABETICS, ANTIHYPERTENSIVES, DIAGNOSES, addEncounter, measured } from './clinical.js';
import type { Drug, Measured } from './clinical.js';
import { firstDayOf, firstDayOfMonth, lastDayOf, yearOf } from './days.js';
import {
  hba1cFor,
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

export type ChronicProgram = 'hypertension' | 'diabetes';

/** How a patient fares: the chance of a year with a visit every quarter, and of a visit on target. */
export interface ChronicPatient {
  regular: number;
  control: number;
  adherence: MedicationAdherence;
  drugs: readonly Drug[];
}

const CONTROL_LEVELS = [0.85, 0.55, 0.2];
const CONTROL_WEIGHTS = [0.45, 0.35, 0.2];
const ADHERENCE: readonly MedicationAdherence[] = ['regular', 'intermittent', 'none'];
/** Quarters with fewer days of care than this get no visit of their own. */
const MIN_QUARTER_DAYS = 20;
const ANNUAL_CHECK_SHARE = 0.7;
const ENCOUNTERS_PER_YEAR = 1;

function chronicPatient(random: Random, program: ChronicProgram): ChronicPatient {
  const drugs = program === 'hypertension' ? ANTIHYPERTENSIVES : ANTIDIABETICS;
  return {
    regular: random() < 0.8 ? 0.88 : 0.3,
    control: CONTROL_LEVELS[pickIndex(random, CONTROL_WEIGHTS)] ?? 0.55,
    adherence: ADHERENCE[pickIndex(random, [0.8, 0.15, 0.05])] ?? 'regular',
    drugs: sample(random, drugs, random() < 0.7 ? 1 : 2),
  };
}

/** A routine follow-up's values: the pressure or glucose and the adherence (weight is taken at the yearly check). */
function visitValues(
  random: Random,
  program: ChronicProgram,
  controlled: boolean,
  age: number,
  patient: ChronicPatient
): FollowUpValues {
  if (program === 'hypertension') {
    return {
      ...patientBloodPressure(random, controlled, age),
      heartRate: heartRate(random),
      medicationAdherence: patient.adherence,
    };
  }
  const fbg = patientFastingGlucose(random, controlled);
  return { fbg, ...(random() < 0.25 ? { hba1c: hba1cFor(random, fbg) } : {}), medicationAdherence: patient.adherence };
}

function checkValues(
  random: Random,
  subject: Subject,
  program: ChronicProgram,
  patient: ChronicPatient,
  age: number
): FollowUpValues {
  const controlled = random() < patient.control;
  const pressure =
    program === 'hypertension' ? patientBloodPressure(random, controlled, age) : normalBloodPressure(random);
  const fbg = program === 'diabetes' ? patientFastingGlucose(random, controlled) : normalFastingGlucose(random);
  return {
    ...pressure,
    fbg,
    heartRate: heartRate(random),
    weightKg: weightNear(random, subject.body.weightKg),
    heightCm: subject.body.heightCm,
    hemoglobin: hemoglobin(random, subject.person.sex),
  };
}

function encounterMeasures(random: Random, program: ChronicProgram, controlled: boolean, age: number): Measured[] {
  if (program === 'hypertension') {
    const { sbp, dbp } = patientBloodPressure(random, controlled, age);
    return [measured('sbp', sbp), measured('dbp', dbp)];
  }
  const fbg = patientFastingGlucose(random, controlled);
  return [measured('fbg', fbg), ...(random() < 0.3 ? [measured('hba1c', hba1cFor(random, fbg))] : [])];
}

/**
 * Enrols a patient whose condition began on `onsetDay` (found within two months, or at 建档 when that is
 * later) and generates the visits and encounters of the period. Returns how the patient fares, or null when
 * not enrolled (no record, or found after the person left).
 */
export function chronicCare(
  generation: Generation,
  subject: Subject,
  program: ChronicProgram,
  onsetDay: number
): ChronicPatient | null {
  const { random } = generation;
  if (subject.recordDay === null) return null;
  const enrolledDay = Math.max(subject.recordDay, onsetDay + integerBetween(random, 0, 60));
  if (enrolledDay > Math.min(subject.lastDay, generation.period.last)) return null;
  const patient = chronicPatient(random, program);
  const enrolmentId = enrol(generation, subject, program, enrolledDay, departureEnd(subject), {}, subject.centreId);
  const span = visitSpan(generation, subject, enrolledDay);
  let lastVisit = -Infinity;
  let previousUncontrolled = false;
  const followUp = (day: number, intendedControl: boolean): boolean => {
    const age = ageOn(subject, day);
    const values = visitValues(random, program, intendedControl, age, patient);
    const controlled = addVisit(generation, subject, enrolmentId, program, 'follow_up', day, values, {
      facilityId: subject.clinicId ?? subject.centreId,
      doctor: subject.villageDoctor,
      referral: !intendedControl && previousUncontrolled,
      nextDay: day + (intendedControl ? 90 : 14),
    });
    previousUncontrolled = controlled === false;
    lastVisit = day;
    return controlled === true;
  };

  for (let year = yearOf(span.first); year <= yearOf(span.last) && span.first <= span.last; year += 1) {
    const first = Math.max(span.first, firstDayOf(year));
    const last = Math.min(span.last, lastDayOf(year));
    const quarters = [0, 3, 6, 9]
      .map((month) => ({
        first: Math.max(first, firstDayOfMonth(year, month)),
        last: Math.min(last, firstDayOfMonth(year, month + 3) - 1),
      }))
      .filter((quarter) => quarter.last - quarter.first + 1 >= MIN_QUARTER_DAYS);
    const visited =
      random() < patient.regular
        ? quarters
        : sample(random, quarters, integerBetween(random, 1, 3)).sort((a, b) => a.first - b.first);
    for (const quarter of visited) {
      const from = Math.max(quarter.first, lastVisit + 14);
      if (from > quarter.last) continue;
      const day = dayBetween(random, from, quarter.last);
      if (!followUp(day, random() < patient.control) && random() < 0.5 && day + 14 <= last) {
        followUp(day + integerBetween(random, 10, 14), random() < Math.min(0.9, patient.control + 0.2));
      }
    }
    if (last - first >= 60 && random() < ANNUAL_CHECK_SHARE) {
      const day = dayBetween(random, first, last);
      const values = checkValues(random, subject, program, patient, ageOn(subject, day));
      addVisit(generation, subject, enrolmentId, program, 'annual_check', day, values, {
        facilityId: subject.centreId,
        doctor: subject.teamLeader,
      });
    }
    const share = (last - first + 1) / 365;
    for (let n = poisson(random, ENCOUNTERS_PER_YEAR * share); n > 0; n -= 1) {
      const day = dayBetween(random, first, last);
      const atHospital = random() < 0.3 && generation.facilities.hospital !== null;
      addEncounter(generation, subject, {
        kind: 'outpatient',
        day,
        facilityId: atHospital ? generation.facilities.hospital : subject.centreId,
        department: atHospital ? (program === 'hypertension' ? '心血管内科' : '内分泌科') : '全科',
        clinician: atHospital ? null : subject.teamLeader,
        diagnoses: [DIAGNOSES[program]],
        prescriptions: patient.drugs,
        observations: encounterMeasures(random, program, random() < patient.control, ageOn(subject, day)),
      });
    }
  }
  return patient;
}
