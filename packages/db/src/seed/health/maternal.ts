/**
 * Maternal care (规范 第三版, 孕产妇健康管理) of one pregnancy: the booking with the first antenatal check and
 * the 五色 risk grade, the antenatal checks in core's windows (孕16–20, 21–24, 28–36, 37–40 周) — every one
 * for about 90 % of women, about half of them for the others — the delivery at the county hospital or the
 * 妇幼保健 institution (an inpatient encounter), the postpartum home visit within a week of discharge and the
 * 42-day check, each for about 90 %. The enrolment closes after the 42-day check.
 */
import { ANTENATAL_WINDOWS, PREGNANCY_DAYS } from '@chp/core';
import type { FollowUpValues, PregnancyRisk } from '@chp/core';
import type { Random } from '../random.js';
import { integerBetween, normal, pickIndex } from '../registers/sampling.js';
import { DIAGNOSES, addEncounter, measured } from './clinical.js';
import { dateOf } from './days.js';
import { hemoglobin, normalBloodPressure } from './measurements.js';
import type { Pregnancy } from './pregnancies.js';
import { addVisit, dayBetween, departureEnd, enrol, visitSpan } from './subject.js';
import type { Generation, Subject } from './subject.js';

const RISKS: readonly PregnancyRisk[] = ['green', 'yellow', 'orange', 'red', 'purple'];
const RISK_WEIGHTS = [0.55, 0.3, 0.1, 0.03, 0.02];
const ALL_CHECKS_SHARE = 0.9;
const POSTPARTUM_SHARE = 0.92;
const CHECK_42_SHARE = 0.9;
const CAESAREAN_SHARE = 0.35;

export function maternalCare(generation: Generation, subject: Subject, pregnancy: Pregnancy): void {
  const { random, facilities } = generation;
  const { lmpDay, bookingDay, deliveryDay } = pregnancy;
  if (subject.recordDay === null || bookingDay > Math.min(subject.lastDay, generation.period.last)) return;
  const delivered = deliveryDay <= Math.min(subject.lastDay, generation.period.last);
  const caesarean = random() < CAESAREAN_SHARE;
  const dischargeDay = deliveryDay + (caesarean ? integerBetween(random, 4, 7) : integerBetween(random, 1, 3));
  const postpartumDay = random() < POSTPARTUM_SHARE ? dischargeDay + integerBetween(random, 3, 7) : null;
  const check42Day = random() < CHECK_42_SHARE ? deliveryDay + integerBetween(random, 42, 56) : null;
  const closing = check42Day ?? deliveryDay + 56;
  const departed = departureEnd(subject);
  const end = departed !== null && departed.day <= closing ? departed : { day: closing, reason: 'completed' as const };
  const details = {
    lmp: dateOf(lmpDay),
    edd: dateOf(lmpDay + PREGNANCY_DAYS),
    gravidity: pregnancy.gravidity,
    parity: pregnancy.parity,
    ...(delivered ? { deliveryDate: dateOf(deliveryDay) } : {}),
  };
  const enrolmentId = enrol(generation, subject, 'maternal', bookingDay, end, details, subject.centreId);
  const span = visitSpan(generation, subject, bookingDay);
  const risk = RISKS[pickIndex(random, RISK_WEIGHTS)] ?? 'green';
  const anaemic = random() < 0.15;
  const weeks = (day: number): number => Math.floor((day - lmpDay) / 7);
  const values = (day: number): FollowUpValues => ({
    gestationalWeeks: weeks(day),
    pregnancyRisk: risk,
    ...normalBloodPressure(random),
    weightKg: Math.round((subject.body.weightKg + Math.max(0, weeks(day) - 12) * 0.45 + normal(random)) * 10) / 10,
    hemoglobin: anaemicHemoglobin(random, anaemic),
  });
  const centre = { facilityId: subject.centreId, doctor: subject.teamLeader };
  const within = (day: number | null): day is number => day !== null && day >= span.first && day <= span.last;
  if (within(bookingDay)) {
    addVisit(
      generation,
      subject,
      enrolmentId,
      'maternal',
      'booking',
      bookingDay,
      { ...values(bookingDay), heightCm: subject.body.heightCm },
      centre
    );
  }
  const allChecks = random() < ALL_CHECKS_SHARE;
  for (const window of ANTENATAL_WINDOWS) {
    const first = Math.max(lmpDay + window.from * 7, bookingDay + 7);
    const last = Math.min(lmpDay + window.to * 7 + 6, deliveryDay - 1);
    if (first > last || !(allChecks || random() < 0.5)) continue;
    const day = dayBetween(random, first, last);
    if (within(day)) addVisit(generation, subject, enrolmentId, 'maternal', 'antenatal', day, values(day), centre);
  }
  if (!delivered) return;
  if (within(deliveryDay)) {
    const birthFacility =
      facilities.maternalChild !== null && (facilities.hospital === null || random() < 0.4)
        ? facilities.maternalChild
        : facilities.hospital;
    const delivery = { gestationalWeeks: weeks(deliveryDay), ...normalBloodPressure(random) };
    addVisit(generation, subject, enrolmentId, 'maternal', 'delivery', deliveryDay, delivery, {
      facilityId: birthFacility,
      doctor: null,
    });
    addEncounter(generation, subject, {
      kind: 'inpatient',
      day: deliveryDay - (random() < 0.5 ? 1 : 0),
      endDay: dischargeDay,
      facilityId: birthFacility,
      department: '产科',
      clinician: null,
      diagnoses: [caesarean ? DIAGNOSES.caesareanDelivery : DIAGNOSES.spontaneousDelivery],
      observations: [measured('hemoglobin', anaemicHemoglobin(random, anaemic))],
    });
  }
  if (within(postpartumDay)) {
    const postpartum = { ...normalBloodPressure(random), hemoglobin: anaemicHemoglobin(random, anaemic) };
    addVisit(generation, subject, enrolmentId, 'maternal', 'postpartum', postpartumDay, postpartum, {
      facilityId: subject.clinicId ?? subject.centreId,
      doctor: subject.villageDoctor,
    });
  }
  if (within(check42Day)) {
    const check = {
      ...normalBloodPressure(random),
      weightKg: Math.round((subject.body.weightKg + 3 + normal(random)) * 10) / 10,
      hemoglobin: anaemicHemoglobin(random, anaemic),
    };
    addVisit(generation, subject, enrolmentId, 'maternal', 'postpartum_42', check42Day, check, centre);
  }
}

/** Haemoglobin in pregnancy: an anaemic woman below 110 g/L. */
function anaemicHemoglobin(random: Random, anaemic: boolean): number {
  return anaemic ? integerBetween(random, 90, 109) : Math.max(110, hemoglobin(random, '2'));
}
