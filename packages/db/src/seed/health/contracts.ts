/**
 * Family-doctor contracts (签约) of one resident with a record: yearly contracts with the township's team,
 * most first signed in the spring campaign of the first year, renewed from the day after they end for about
 * nine in ten, some signed again after a lapse. Key populations sign far more often (about 75 % against 35 %
 * of the others). Hypertension and diabetes patients choose their 个性化包 about a third of the time, the
 * others the free 基础包. A contract in force when the person dies or moves away is terminated that day.
 */
import { oneYearEnd } from '@chp/core';
import type { Random } from '../random.js';
import { integerBetween } from '../registers/sampling.js';
import { dateOf, dayOf, firstDayOf, yearOf } from './days.js';
import type { PackageIds } from './family-doctor-teams.js';
import type { Generation, Subject } from './subject.js';

export interface ContractTerms {
  teamId: number;
  packageIds: PackageIds;
  /** Whether the person is in a key population (重点人群) during the period. */
  keyPopulation: boolean;
  hypertension: boolean;
  diabetes: boolean;
}

const SIGN_SHARE = { key: 0.82, other: 0.35 };
const FIRST_YEAR_SHARE = 0.7;
const RENEWAL_SHARE = 0.92;
const SIGN_AGAIN_SHARE = 0.4;
const PERSONALISED_SHARE = 0.35;

function packageFor(random: Random, terms: ContractTerms): number {
  if (terms.diabetes && random() < PERSONALISED_SHARE) return terms.packageIds.diabetes;
  if (terms.hypertension && random() < PERSONALISED_SHARE) return terms.packageIds.hypertension;
  return terms.packageIds.basic;
}

export function familyDoctorContracts(generation: Generation, subject: Subject, terms: ContractTerms): void {
  const { random, period, countyCode, rows } = generation;
  if (subject.recordDay === null) return;
  if (random() >= (terms.keyPopulation ? SIGN_SHARE.key : SIGN_SHARE.other)) return;
  const last = Math.min(subject.lastDay, period.last);
  const firstYear = yearOf(period.first);
  const years = yearOf(period.last) - firstYear + 1;
  const year = random() < FIRST_YEAR_SHARE ? firstYear : firstYear + integerBetween(random, 0, years - 1);
  let start = Math.max(subject.recordDay, firstDayOf(year) + integerBetween(random, 0, 120));
  const packageId = packageFor(random, terms);
  let renews: number | null = null;
  const departure = subject.person.statusDay;
  while (start <= last) {
    const id = generation.ids.take('familyDoctorContract');
    const endDay = dayOf(oneYearEnd(dateOf(start)));
    const signed = renews === null ? start : start - integerBetween(random, 1, 25);
    const terminated = departure !== null && departure <= endDay ? departure : null;
    rows.familyDoctorContract.push({
      id,
      countyCode,
      residentId: subject.residentId,
      teamId: terms.teamId,
      packageId,
      signedDate: dateOf(signed),
      startDate: dateOf(start),
      endDate: dateOf(endDay),
      status: terminated === null ? 'active' : 'terminated',
      terminatedDate: terminated === null ? null : dateOf(terminated),
      terminationReason: terminated === null ? null : subject.person.status === 'deceased' ? '居民死亡' : '居民迁出',
      renewsContractId: renews,
    });
    if (terminated !== null) break;
    if (random() < RENEWAL_SHARE) {
      renews = id;
      start = endDay + 1;
    } else if (random() < SIGN_AGAIN_SHARE) {
      renews = null;
      start = endDay + integerBetween(random, 30, 300);
    } else {
      break;
    }
  }
}
