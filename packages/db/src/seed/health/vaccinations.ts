/**
 * The national immunisation programme's doses (core immunisation-schedule: 国家免疫规划疫苗儿童免疫程序
 * 2021年版) for a child under 7 at some time in the period: the whole history from birth, as the
 * immunisation information system holds it, up to the end of the period or the child's leaving. About 96 %
 * of children get every dose due (the others about 60 % of them), about 92 % of doses within the
 * programme's timely limit and the rest up to four months late, never closer to the previous dose than the
 * minimum interval. Most children take the live 乙脑 and 甲肝 vaccines, some the inactivated series. The
 * birth doses (HepB 1, BCG) are given where the child was born, the others at the township centre.
 */
import { IMMUNISATION_ALTERNATIVES, IMMUNISATION_SCHEDULE, addMonths, dateAtAge } from '@chp/core';
import type { ScheduleDose, VaccineCode } from '@chp/core';
import { integerBetween } from '../registers/sampling.js';
import { dateOf, dayOf } from './days.js';
import type { Generation, Subject } from './subject.js';

const COMPLETE_SHARE = 0.96;
const TIMELY_SHARE = 0.92;
const LATE_DAYS = 120;
/** Children on the live 乙脑 and 甲肝 vaccines (each chosen apart), the others on the inactivated series. */
const LIVE_SHARE = 0.82;

/** The earliest day for a dose after the previous dose of its vaccine. */
function afterPrevious(dose: ScheduleDose, previousDay: number | undefined): number {
  if (previousDay === undefined) return -Infinity;
  if (dose.minMonthsAfterPrevious !== undefined)
    return dayOf(addMonths(dateOf(previousDay), dose.minMonthsAfterPrevious));
  return previousDay + (dose.minDaysAfterPrevious ?? 0);
}

export function vaccinations(generation: Generation, subject: Subject, birthFacilityId: number | null): void {
  const { random, countyCode, rows } = generation;
  const birth = dateOf(subject.person.birthDay);
  const last = Math.min(subject.lastDay, generation.period.last);
  const complete = random() < COMPLETE_SHARE;
  const skipped = IMMUNISATION_ALTERNATIVES.map((pair) => (random() < LIVE_SHARE ? pair.inactivated : pair.live));
  const given = new Map<VaccineCode, number>();
  for (const dose of IMMUNISATION_SCHEDULE) {
    if (skipped.includes(dose.vaccine) || random() >= (complete ? 0.995 : 0.6)) continue;
    const due = dayOf(dateAtAge(birth, dose.dueAge));
    const timelyBefore = dayOf(dateAtAge(birth, dose.timelyBefore));
    const onTime = due + Math.floor(random() ** 2 * (timelyBefore - due));
    const planned = random() < TIMELY_SHARE ? onTime : timelyBefore + integerBetween(random, 0, LATE_DAYS);
    const day = Math.max(planned, afterPrevious(dose, given.get(dose.vaccine)));
    if (day > last) continue;
    if (dose.notGivenFrom !== undefined && day >= dayOf(dateAtAge(birth, dose.notGivenFrom))) continue;
    // A dose follows the one before it: without it the later doses wait.
    if (dose.dose > 1 && !given.has(dose.vaccine)) continue;
    given.set(dose.vaccine, day);
    const date = dateOf(day);
    rows.vaccination.push({
      countyCode,
      residentId: subject.residentId,
      vaccine: dose.vaccine,
      dose: dose.dose,
      vaccinatedDate: date,
      facilityId: dose.dueAge.months === 0 ? birthFacilityId : subject.centreId,
      lotNumber: `${date.slice(0, 7).replace('-', '')}${String(integerBetween(random, 1, 999)).padStart(3, '0')}`,
    });
  }
}
