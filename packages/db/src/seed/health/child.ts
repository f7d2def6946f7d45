/**
 * Health management of children 0–6 (规范 第三版): enrolment at birth (the hospital discharge, which is also
 * the child's 建档), the newborn home visit within a week of discharge, and the checks at core's ages — 3, 6,
 * 8, 12, 18, 24, 30 and 36 months, then yearly from 4 to 6 — each made by about 90 % of children, most within
 * the month after the age. Measures follow the WHO growth medians and the child's own size; haemoglobin is
 * tested at 6, 12, 24 and 36 months. The enrolment closes at the 7th birthday.
 */
import {
  CHILD_PROGRAM_END_YEARS,
  INFANT_CHECK_MONTHS,
  NEONATAL_DAYS,
  PRESCHOOL_CHECK_YEARS,
  addMonths,
} from '@chp/core';
import type { FollowUpValues } from '@chp/core';
import type { Random } from '../random.js';
import { integerBetween, normal } from '../registers/sampling.js';
import { DIAGNOSES, addEncounter } from './clinical.js';
import { dateOf, dayOf } from './days.js';
import { childMeasures } from './measurements.js';
import { addVisit, departureEnd, enrol, visitSpan } from './subject.js';
import type { Generation, Subject } from './subject.js';

const NEWBORN_VISIT_SHARE = 0.93;
const CHECK_MONTHS = [...INFANT_CHECK_MONTHS, ...PRESCHOOL_CHECK_YEARS.map((years) => years * 12)];
const HEMOGLOBIN_MONTHS = new Set([6, 12, 24, 36]);
/** Checks also recorded as a public-health encounter (Z00.1), for some children. */
const ENCOUNTER_MONTHS = new Set([12, 36]);
const AVERAGE_DAYS_PER_MONTH = 30.44;

function childHemoglobin(random: Random): number {
  return random() < 0.08 ? integerBetween(random, 95, 109) : integerBetween(random, 110, 135);
}

/** Enrols a child from the record's start (the discharge after birth) and generates the period's visits. */
export function childCare(generation: Generation, subject: Subject): void {
  const { random } = generation;
  const discharge = subject.recordDay;
  if (discharge === null) return;
  const birth = dateOf(subject.person.birthDay);
  const seventh = dayOf(addMonths(birth, CHILD_PROGRAM_END_YEARS * 12));
  if (discharge > Math.min(subject.lastDay, generation.period.last, seventh - 1)) return;
  const departed = departureEnd(subject);
  const end = departed !== null && departed.day <= seventh ? departed : { day: seventh, reason: 'completed' as const };
  // A record begun later than the newborn period is not the discharge.
  const details = discharge - subject.person.birthDay <= NEONATAL_DAYS ? { dischargeDate: dateOf(discharge) } : {};
  const enrolmentId = enrol(generation, subject, 'child', discharge, end, details, subject.centreId);
  const span = visitSpan(generation, subject, discharge);
  const last = Math.min(span.last, seventh - 1);
  const size = Math.min(1.2, Math.max(0.82, 1 + 0.06 * normal(random)));
  const diligent = random() < 0.85 ? 0.96 : 0.6;
  const measures = (day: number): FollowUpValues => {
    const months = (day - subject.person.birthDay) / AVERAGE_DAYS_PER_MONTH;
    const { weightKg, heightCm, headCircumferenceCm } = childMeasures(months, size);
    return { weightKg, heightCm, ...(months <= 36 ? { headCircumferenceCm } : {}) };
  };
  const visitDay =
    random() < NEWBORN_VISIT_SHARE
      ? discharge + integerBetween(random, 1, 7)
      : discharge + integerBetween(random, 8, 27);
  if (visitDay >= span.first && visitDay <= last) {
    addVisit(
      generation,
      subject,
      enrolmentId,
      'child',
      'newborn_visit',
      visitDay,
      { ...measures(visitDay), heartRate: integerBetween(random, 120, 160) },
      { facilityId: subject.centreId, doctor: subject.villageDoctor }
    );
  }
  for (const months of CHECK_MONTHS) {
    const day = dayOf(addMonths(birth, months)) + Math.floor(random() ** 2 * 30);
    if (random() >= diligent || day < span.first || day > last) continue;
    const values = {
      ...measures(day),
      ...(HEMOGLOBIN_MONTHS.has(months) ? { hemoglobin: childHemoglobin(random) } : {}),
    };
    addVisit(generation, subject, enrolmentId, 'child', 'child_check', day, values, {
      facilityId: subject.centreId,
      doctor: subject.teamLeader,
    });
    if (ENCOUNTER_MONTHS.has(months) && random() < 0.5) {
      addEncounter(generation, subject, {
        kind: 'public_health',
        day,
        facilityId: subject.centreId,
        department: '儿童保健科',
        clinician: subject.teamLeader,
        diagnoses: [DIAGNOSES.childCheck],
      });
    }
  }
}
