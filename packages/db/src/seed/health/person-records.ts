/**
 * Everything recorded about one person besides the index row: the programmes their age, conditions and
 * pregnancies bring, vaccinations, the odd acute illness, flags and family-doctor contracts. Conditions are
 * drawn for everyone at the prevalence of their age; only persons with a health record are enrolled.
 */
import { CHILD_PROGRAM_END_YEARS, ELDERLY_AGE } from '@chp/core';
import { poisson } from '../registers/sampling.js';
import { chronicCare } from './chronic.js';
import { ACUTE_ILLNESSES, addEncounter, pick } from './clinical.js';
import { childCare } from './child.js';
import { familyDoctorContracts } from './contracts.js';
import type { ContractTerms } from './contracts.js';
import { firstDayOf, lastDayOf, yearOf } from './days.js';
import { elderlyCare } from './elderly.js';
import type { Conditions } from './elderly.js';
import { residentFlags } from './flags.js';
import type { HouseholdFlags } from './flags.js';
import { maternalCare } from './maternal.js';
import type { Pregnancy } from './pregnancies.js';
import {
  diabetesPrevalence,
  hypertensionPrevalence,
  onsetAge,
  severeMentalPrevalence,
  tuberculosisIncidence,
} from './prevalence.js';
import { severeMentalCare } from './severe-mental.js';
import { ageOn, dayBetween } from './subject.js';
import type { Generation, Subject } from './subject.js';
import { tuberculosisCare } from './tuberculosis.js';
import { vaccinations } from './vaccinations.js';

const DAYS_PER_YEAR = 365.25;
/** Acute outpatient visits per person-year recorded on the platform (most go unrecorded or elsewhere). */
const ACUTE_VISITS_PER_YEAR = 0.05;

export interface PersonContext {
  pregnancies: readonly Pregnancy[];
  household: HouseholdFlags;
  teamId: number;
  packageIds: ContractTerms['packageIds'];
  /** Where the person was born, when in the period's county (hospital or 妇幼保健 institution). */
  birthFacilityId: number | null;
}

/** The first tuberculosis diagnosis of the person within the period, if any. */
function tuberculosisDiagnosis(generation: Generation, subject: Subject): number | null {
  const { random, period } = generation;
  const last = Math.min(subject.lastDay, period.last);
  const birthYear = yearOf(subject.person.birthDay);
  for (let year = yearOf(period.first); year <= yearOf(last); year += 1) {
    if (random() < tuberculosisIncidence(year - birthYear, subject.person.sex)) {
      const first = Math.max(firstDayOf(year), subject.person.birthDay);
      return dayBetween(random, first, Math.min(lastDayOf(year), last));
    }
  }
  return null;
}

export function personRecords(generation: Generation, subject: Subject, context: PersonContext): void {
  const { random, period } = generation;
  const { person } = subject;
  const age = ageOn(subject, subject.lastDay);
  const onset = (prevalence: (age: number) => number): number =>
    person.birthDay + Math.floor(onsetAge(random, prevalence, age) * DAYS_PER_YEAR);

  const conditions: Conditions = { hypertension: null, diabetes: null };
  if (random() < hypertensionPrevalence(age)) {
    conditions.hypertension = chronicCare(generation, subject, 'hypertension', onset(hypertensionPrevalence));
  }
  if (random() < diabetesPrevalence(age)) {
    conditions.diabetes = chronicCare(generation, subject, 'diabetes', onset(diabetesPrevalence));
  }
  const severeMental =
    random() < severeMentalPrevalence(age) && severeMentalCare(generation, subject, onset(severeMentalPrevalence));
  const diagnosed = tuberculosisDiagnosis(generation, subject);
  const tuberculosis = diagnosed !== null && tuberculosisCare(generation, subject, diagnosed);
  if (yearOf(subject.lastDay) - yearOf(person.birthDay) >= ELDERLY_AGE) elderlyCare(generation, subject, conditions);
  for (const pregnancy of context.pregnancies) maternalCare(generation, subject, pregnancy);
  const child = person.birthDay + CHILD_PROGRAM_END_YEARS * DAYS_PER_YEAR > period.first;
  if (child) {
    childCare(generation, subject);
    vaccinations(generation, subject, context.birthFacilityId);
  }
  const years = (Math.min(subject.lastDay, period.last) - period.first + 1) / DAYS_PER_YEAR;
  for (let n = poisson(random, ACUTE_VISITS_PER_YEAR * years); n > 0; n -= 1) {
    const illness = pick(random, ACUTE_ILLNESSES);
    addEncounter(generation, subject, {
      kind: 'outpatient',
      day: dayBetween(random, Math.max(period.first, person.birthDay), Math.min(subject.lastDay, period.last)),
      facilityId: subject.clinicId ?? subject.centreId,
      department: '全科',
      clinician: subject.villageDoctor,
      diagnoses: [illness.diagnosis],
      prescriptions: [illness.drug],
    });
  }
  const flagged = residentFlags(generation, subject, context.household, age);
  const keyPopulation =
    age >= ELDERLY_AGE ||
    child ||
    conditions.hypertension !== null ||
    conditions.diabetes !== null ||
    severeMental ||
    tuberculosis ||
    context.pregnancies.length > 0 ||
    flagged;
  familyDoctorContracts(generation, subject, {
    teamId: context.teamId,
    packageIds: context.packageIds,
    keyPopulation,
    hypertension: conditions.hypertension !== null,
    diabetes: conditions.diabetes !== null,
  });
}
