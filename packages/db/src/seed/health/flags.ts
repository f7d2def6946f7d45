/**
 * Recorded key-population flags (resident_flag): disability (about 3 %, rising with age), and of households
 * 脱贫户 (lifted out of poverty by the end of 2020; about 6 % of rural households, 1 % in a 街道) and 防返贫
 * 监测户 (monitored from 2021 for the risk of falling back; about 1 %, a third of them no longer at risk
 * later), which hold for every member of the household.
 */
import type { ResidentFlagCode } from '@chp/core';
import type { Random } from '../random.js';
import { dayOf, dateOf } from './days.js';
import type { Period } from './days.js';
import { disabilityPrevalence } from './prevalence.js';
import { dayBetween } from './subject.js';
import type { Generation, Subject } from './subject.js';

export interface FlagSpan {
  from: number;
  to: number | null;
}

export interface HouseholdFlags {
  povertyAlleviated: FlagSpan | null;
  monitored: FlagSpan | null;
}

const POVERTY_SHARE = { rural: 0.06, urban: 0.01 };
const MONITORED_SHARE = 0.01;
const POVERTY_YEARS = { first: dayOf('2016-01-01'), last: dayOf('2020-12-31') };
const MONITORING_FROM = dayOf('2021-01-01');

export function householdFlags(random: Random, urban: boolean, period: Period): HouseholdFlags {
  const poor = random() < (urban ? POVERTY_SHARE.urban : POVERTY_SHARE.rural);
  const monitored = random() < MONITORED_SHARE && period.last >= MONITORING_FROM;
  let monitoredSpan: FlagSpan | null = null;
  if (monitored) {
    const from = dayBetween(random, Math.max(MONITORING_FROM, period.first - 365), period.last);
    const to = random() < 0.35 && from + 180 <= period.last ? dayBetween(random, from + 180, period.last) : null;
    monitoredSpan = { from, to };
  }
  return {
    povertyAlleviated: poor ? { from: dayBetween(random, POVERTY_YEARS.first, POVERTY_YEARS.last), to: null } : null,
    monitored: monitoredSpan,
  };
}

/** Adds the person's flags; returns whether any is in force at some time in the period. */
export function residentFlags(
  generation: Generation,
  subject: Subject,
  household: HouseholdFlags,
  ageAtEnd: number
): boolean {
  const { random, period, countyCode, rows } = generation;
  const spans: [ResidentFlagCode, FlagSpan | null][] = [
    ['poverty_alleviated', household.povertyAlleviated],
    ['monitored', household.monitored],
  ];
  if (random() < disabilityPrevalence(ageAtEnd)) {
    const first = Math.max(subject.person.birthDay + 30, period.first - 3650);
    spans.push(['disabled', { from: dayBetween(random, first, Math.max(first, subject.lastDay)), to: null }]);
  }
  let any = false;
  for (const [flag, span] of spans) {
    if (span === null) continue;
    // Someone born after the household's flag began holds it from birth.
    const from = Math.max(span.from, subject.person.birthDay);
    if (from > Math.min(period.last, subject.lastDay)) continue;
    rows.residentFlag.push({
      countyCode,
      residentId: subject.residentId,
      flag,
      fromDate: dateOf(from),
      toDate: span.to === null ? null : dateOf(span.to),
    });
    any = true;
  }
  return any;
}
