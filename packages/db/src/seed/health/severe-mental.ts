/**
 * Severe mental disorder care (规范 第三版, 严重精神障碍患者管理): enrolment when the disorder is known to
 * the township centre, a follow-up in most quarters (about 85 %), with a risk grade (0–5): most patients stay
 * stable (grade 0–1); an unstable one at grade 3 or more is referred and seen again within two weeks. A
 * yearly psychiatric outpatient visit at the county hospital for most, with the patient's antipsychotic.
 */
import type { MedicationAdherence } from '@chp/core';
import type { Random } from '../random.js';
import { integerBetween, pickIndex } from '../registers/sampling.js';
import { ANTIPSYCHOTICS, SEVERE_MENTAL_DISORDERS, addEncounter, pick, pickWeighted } from './clinical.js';
import { firstDayOfMonth, yearOf } from './days.js';
import { weightNear } from './measurements.js';
import { addVisit, dayBetween, departureEnd, enrol, visitSpan } from './subject.js';
import type { Generation, Subject } from './subject.js';

const QUARTER_VISIT_SHARE = 0.85;
const HOSPITAL_VISIT_SHARE = 0.6;

function riskGrade(random: Random, stable: boolean): number {
  return stable ? (random() < 0.88 ? 0 : 1) : pickIndex(random, [0.4, 0.3, 0.15, 0.1, 0.04, 0.01]);
}

/** Enrols a patient whose disorder began on `onsetDay`; returns whether the patient was enrolled. */
export function severeMentalCare(generation: Generation, subject: Subject, onsetDay: number): boolean {
  const { random } = generation;
  if (subject.recordDay === null) return false;
  const enrolledDay = Math.max(subject.recordDay, onsetDay + integerBetween(random, 30, 180));
  if (enrolledDay > Math.min(subject.lastDay, generation.period.last)) return false;
  const disorder = pickWeighted(random, SEVERE_MENTAL_DISORDERS, (item) => item.share);
  const stable = random() < 0.8;
  const adherence: MedicationAdherence = random() < 0.75 ? 'regular' : random() < 0.7 ? 'intermittent' : 'none';
  const drug = pick(random, ANTIPSYCHOTICS);
  const enrolmentId = enrol(
    generation,
    subject,
    'severe_mental',
    enrolledDay,
    departureEnd(subject),
    {},
    subject.centreId
  );
  const span = visitSpan(generation, subject, enrolledDay);
  let lastVisit = -Infinity;
  const visit = (day: number, grade: number): void => {
    addVisit(
      generation,
      subject,
      enrolmentId,
      'severe_mental',
      'follow_up',
      day,
      { riskGrade: grade, medicationAdherence: adherence, weightKg: weightNear(random, subject.body.weightKg) },
      {
        facilityId: subject.clinicId ?? subject.centreId,
        doctor: subject.villageDoctor,
        referral: grade >= 3,
        nextDay: day + (grade >= 3 ? 14 : 90),
      }
    );
    lastVisit = day;
  };
  for (let year = yearOf(span.first); year <= yearOf(span.last) && span.first <= span.last; year += 1) {
    for (const month of [0, 3, 6, 9]) {
      const first = Math.max(span.first, firstDayOfMonth(year, month), lastVisit + 14);
      const last = Math.min(span.last, firstDayOfMonth(year, month + 3) - 1);
      if (first > last || random() >= QUARTER_VISIT_SHARE) continue;
      const day = dayBetween(random, first, last);
      const grade = riskGrade(random, stable);
      visit(day, grade);
      if (grade >= 3 && day + 14 <= span.last) visit(day + integerBetween(random, 10, 14), Math.max(0, grade - 2));
    }
    if (random() < HOSPITAL_VISIT_SHARE && generation.facilities.hospital !== null) {
      const first = Math.max(span.first, firstDayOfMonth(year, 0));
      const last = Math.min(span.last, firstDayOfMonth(year + 1, 0) - 1);
      if (first > last) continue;
      addEncounter(generation, subject, {
        kind: 'outpatient',
        day: dayBetween(random, first, last),
        facilityId: generation.facilities.hospital,
        department: '精神科',
        clinician: null,
        diagnoses: [disorder],
        prescriptions: [drug],
      });
    }
  }
  return true;
}
