/**
 * The person whose records are being generated and the helpers every programme uses to add an enrolment or
 * a visit. Visits are generated within the period only (the history before it is not): enrolments keep their
 * own, possibly earlier, dates.
 */
import { completedYears, isControlled } from '@chp/core';
import type { EnrolmentDetails, EnrolmentEndReason, FollowUpValues, ProgramCode, VisitKind } from '@chp/core';
import type { Random } from '../random.js';
import type { HealthFacilities } from './county.js';
import { dateOf } from './days.js';
import type { Period } from './days.js';
import type { Body } from './measurements.js';
import type { Person } from './persons.js';
import type { HealthRowBatch, IdCounters } from './rows.js';

export interface Subject {
  residentId: number;
  person: Person;
  /** 建档 day; null for a person indexed without a health record. */
  recordDay: number | null;
  /** The last day the person is alive and in the county within the period. */
  lastDay: number;
  townshipCode: string;
  /** Where the person's programme visits take place: the village clinic, else the township centre. */
  clinicId: number | null;
  centreId: number | null;
  villageDoctor: string;
  teamLeader: string;
  /** An adult's height and weight, kept across visits. */
  body: Body;
}

/** What the generation of one batch shares: the township's random stream, the ids and the rows. */
export interface Generation {
  random: Random;
  countyCode: string;
  period: Period;
  facilities: HealthFacilities;
  ids: IdCounters;
  rows: HealthRowBatch;
}

export function ageOn(subject: Subject, day: number): number {
  return completedYears(dateOf(subject.person.birthDay), dateOf(day));
}

/** The first and last day of visits for an enrolment from `from`: within the period and the person's stay. */
export function visitSpan(generation: Generation, subject: Subject, from: number): { first: number; last: number } {
  return { first: Math.max(from, generation.period.first), last: Math.min(subject.lastDay, generation.period.last) };
}

export interface EnrolmentEnd {
  day: number;
  reason: EnrolmentEndReason;
}

/** The end of an enrolment by the person's death or moving away, when that happened within the period. */
export function departureEnd(subject: Subject): EnrolmentEnd | null {
  const { status, statusDay } = subject.person;
  if (statusDay === null) return null;
  switch (status) {
    case 'deceased':
      return { day: statusDay, reason: 'deceased' };
    case 'moved':
      return { day: statusDay, reason: 'moved' };
    case 'active':
      return null;
  }
}

/** Adds an enrolment and returns its id. An end after the period is left open. */
export function enrol(
  generation: Generation,
  subject: Subject,
  program: ProgramCode,
  enrolledDay: number,
  end: EnrolmentEnd | null,
  details: EnrolmentDetails,
  facilityId: number | null
): number {
  const id = generation.ids.take('programEnrolment');
  const ended = end !== null && end.day <= generation.period.last ? end : null;
  generation.rows.programEnrolment.push({
    id,
    countyCode: generation.countyCode,
    residentId: subject.residentId,
    program,
    enrolledDate: dateOf(enrolledDay),
    endedDate: ended === null ? null : dateOf(ended.day),
    endReason: ended?.reason ?? null,
    facilityId,
    details: { ...details },
  });
  return id;
}

export interface VisitOptions {
  facilityId: number | null;
  doctor: string | null;
  referral?: boolean;
  nextDay?: number | null;
}

/**
 * Adds a programme visit; `controlled` is derived from the values by core's rule at the person's age, as
 * the platform does when a visit is saved. Returns it.
 */
export function addVisit(
  generation: Generation,
  subject: Subject,
  enrolmentId: number,
  program: ProgramCode,
  kind: VisitKind,
  day: number,
  values: FollowUpValues,
  options: VisitOptions
): boolean | null {
  const controlled = isControlled(program, values, ageOn(subject, day));
  generation.rows.followUp.push({
    countyCode: generation.countyCode,
    residentId: subject.residentId,
    enrolmentId,
    program,
    kind,
    visitDate: dateOf(day),
    facilityId: options.facilityId,
    doctor: options.doctor,
    values: { ...values },
    controlled,
    referral: options.referral ?? false,
    nextVisitDate: options.nextDay === undefined || options.nextDay === null ? null : dateOf(options.nextDay),
    createdBy: null,
  });
  return controlled;
}

/** A day in [first, last], uniformly. */
export function dayBetween(random: Random, first: number, last: number): number {
  return first + Math.floor(random() * (last - first + 1));
}
