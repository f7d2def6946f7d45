/**
 * Pulmonary tuberculosis care (规范 第三版, 肺结核患者健康管理): diagnosed at the county hospital (the
 * designated hospital) with a chest X-ray and a sputum smear and started on 2HRZE; the township centre
 * enrols the patient within days and supervises treatment — every 10 days in the two-month intensive phase,
 * monthly in the continuation phase, most visits made (90 %) — and closes the case at six months
 * (结案评估) when the treatment ends, nearly always cured.
 */
import { TUBERCULOSIS_INTENSIVE_MONTHS, TUBERCULOSIS_TREATMENT_MONTHS, addMonths } from '@chp/core';
import type { MedicationAdherence, SputumResult } from '@chp/core';
import { integerBetween, pickIndex } from '../registers/sampling.js';
import { DIAGNOSES, TUBERCULOSIS_DRUGS, addEncounter } from './clinical.js';
import { dateOf, dayOf } from './days.js';
import { weightNear } from './measurements.js';
import { addVisit, departureEnd, enrol, visitSpan } from './subject.js';
import type { Generation, Subject } from './subject.js';

const VISIT_SHARE = 0.9;
const INTENSIVE_INTERVAL_DAYS = 10;
const CONTINUATION_INTERVAL_DAYS = 30;
const END_RESULTS: readonly SputumResult[] = ['negative', 'positive', 'not_done'];

/** A case diagnosed on `diagnosisDay`; returns whether the township centre enrolled the patient. */
export function tuberculosisCare(generation: Generation, subject: Subject, diagnosisDay: number): boolean {
  const { random, facilities } = generation;
  if (subject.recordDay === null || diagnosisDay > subject.lastDay) return false;
  const confirmed = random() < 0.55;
  addEncounter(generation, subject, {
    kind: 'outpatient',
    day: diagnosisDay,
    facilityId: facilities.hospital,
    department: '结核病科',
    clinician: null,
    diagnoses: [confirmed ? DIAGNOSES.tuberculosisConfirmed : DIAGNOSES.tuberculosisUnconfirmed],
    prescriptions: TUBERCULOSIS_DRUGS,
    observations: [
      { category: 'imaging', code: '36643-5', name: '胸部X线', valueText: '双肺上叶斑片状阴影', abnormal: 'A' },
      {
        category: 'laboratory',
        code: '11545-1',
        name: '痰涂片抗酸杆菌',
        valueText: confirmed ? '阳性' : '阴性',
        ...(confirmed ? { abnormal: 'A' as const } : {}),
      },
    ],
  });
  const start = dateOf(diagnosisDay);
  const continuationDay = dayOf(addMonths(start, TUBERCULOSIS_INTENSIVE_MONTHS));
  const treatmentEnd = dayOf(addMonths(start, TUBERCULOSIS_TREATMENT_MONTHS));
  const enrolledDay = Math.max(subject.recordDay, diagnosisDay + integerBetween(random, 2, 7));
  if (enrolledDay > Math.min(subject.lastDay, generation.period.last, treatmentEnd)) return false;
  const closing = treatmentEnd + integerBetween(random, 0, 7);
  const departed = departureEnd(subject);
  const end = departed !== null && departed.day <= closing ? departed : { day: closing, reason: 'cured' as const };
  const details = { treatmentStart: start, continuationStart: dateOf(continuationDay) };
  const enrolmentId = enrol(generation, subject, 'tuberculosis', enrolledDay, end, details, subject.centreId);
  const span = visitSpan(generation, subject, enrolledDay);
  const adherence = (): MedicationAdherence => (random() < 0.9 ? 'regular' : 'intermittent');
  const options = { facilityId: subject.clinicId ?? subject.centreId, doctor: subject.villageDoctor };
  for (let day = enrolledDay; day < treatmentEnd;) {
    const intensive = day < continuationDay;
    const next = day + (intensive ? INTENSIVE_INTERVAL_DAYS : CONTINUATION_INTERVAL_DAYS);
    if (day >= span.first && day <= span.last && random() < VISIT_SHARE) {
      // The sputum is checked at the end of the intensive phase.
      const sputum = intensive && next >= continuationDay ? { sputumResult: 'negative' as const } : {};
      const values = {
        medicationAdherence: adherence(),
        weightKg: weightNear(random, subject.body.weightKg),
        ...sputum,
      };
      addVisit(generation, subject, enrolmentId, 'tuberculosis', 'follow_up', day, values, {
        ...options,
        nextDay: next,
      });
    }
    day = next;
  }
  if (closing >= span.first && closing <= span.last) {
    const sputumResult = END_RESULTS[pickIndex(random, [0.92, 0.03, 0.05])] ?? 'negative';
    addVisit(
      generation,
      subject,
      enrolmentId,
      'tuberculosis',
      'treatment_end',
      closing,
      { sputumResult },
      {
        facilityId: subject.centreId,
        doctor: subject.teamLeader,
      }
    );
  }
  return true;
}
