/**
 * Who gave birth to the village's children: each child born in the period gets a mother among the women of
 * its household aged 20–45 at the birth, else among the village's women aged 20–40 (parents who live apart
 * from the child are not in the household); a child whose mother is in neither is one whose mother lives
 * elsewhere. Pregnancies still under way at the end of the period are added at the rate of births. So the
 * maternal programme follows the births of the issue-3 model. Dates: the last menstrual period from a
 * gestation of about 39 weeks (5 % preterm), and the booking (早孕建册) before 13 weeks for about 90 %.
 */
import type { Random } from '../random.js';
import { integerBetween, normal, pickIndex, poisson } from '../registers/sampling.js';
import type { Period } from './days.js';
import type { Household } from './households.js';
import type { Person } from './persons.js';

export interface Pregnancy {
  lmpDay: number;
  bookingDay: number;
  /** The birth; after the period's end for a pregnancy still under way. */
  deliveryDay: number;
  gravidity: number;
  parity: number;
}

const DAYS_PER_YEAR = 365.25;
/** A woman has at most one pregnancy in this many days (delivery to delivery). */
const MIN_DELIVERY_GAP = 450;
/** Pregnancies booked and under way at the period's end, per birth of its last year. */
const ONGOING_PER_BIRTH = 0.55;
const EARLY_BOOKING_SHARE = 0.9;

function pregnancyFor(random: Random, deliveryDay: number, earlier: number): Pregnancy {
  const gestation = Math.round(Math.min(294, Math.max(238, 276 + 9 * normal(random))));
  const lmpDay = deliveryDay - gestation;
  const week = random() < EARLY_BOOKING_SHARE ? integerBetween(random, 6, 12) : integerBetween(random, 13, 20);
  const parity = earlier + pickIndex(random, [0.45, 0.42, 0.13]);
  return {
    lmpDay,
    bookingDay: lmpDay + week * 7 + integerBetween(random, 0, 6),
    deliveryDay,
    gravidity: parity + 1 + (random() < 0.2 ? 1 : 0),
    parity,
  };
}

export function planPregnancies(
  random: Random,
  households: readonly Household[],
  period: Period
): Map<Person, Pregnancy[]> {
  const plans = new Map<Person, Pregnancy[]>();
  const ageAt = (person: Person, day: number): number => (day - person.birthDay) / DAYS_PER_YEAR;
  const present = (person: Person, day: number): boolean => person.statusDay === null || person.statusDay > day;
  const free = (woman: Person, day: number): boolean =>
    (plans.get(woman) ?? []).every((pregnancy) => Math.abs(pregnancy.deliveryDay - day) >= MIN_DELIVERY_GAP);
  const villageWomen = households.flatMap((household) =>
    household.filter((member) => member.person.sex === '2').map((member) => member.person)
  );
  const anyWoman = (day: number, from: number, to: number): Person | undefined => {
    for (let attempt = 0; attempt < 20 && villageWomen.length > 0; attempt += 1) {
      const woman = villageWomen[Math.floor(random() * villageWomen.length)];
      if (woman === undefined) break;
      const age = ageAt(woman, day);
      if (age >= from && age < to && present(woman, day) && free(woman, day)) return woman;
    }
    return undefined;
  };
  const add = (mother: Person, deliveryDay: number): void => {
    const earlier = plans.get(mother) ?? [];
    plans.set(mother, [...earlier, pregnancyFor(random, deliveryDay, earlier.length)]);
  };

  let lastYearBirths = 0;
  for (const household of households) {
    for (const { person: child } of household) {
      const birth = child.birthDay;
      if (birth < period.first || birth > period.last) continue;
      if (birth > period.last - DAYS_PER_YEAR) lastYearBirths += 1;
      const mother =
        household
          .map((member) => member.person)
          .find(
            (woman) =>
              woman.sex === '2' &&
              ageAt(woman, birth) >= 20 &&
              ageAt(woman, birth) < 45 &&
              present(woman, birth) &&
              free(woman, birth)
          ) ?? anyWoman(birth, 20, 40);
      if (mother !== undefined) add(mother, birth);
    }
  }
  for (let n = poisson(random, lastYearBirths * ONGOING_PER_BIRTH); n > 0; n -= 1) {
    const deliveryDay = period.last + integerBetween(random, 1, 280);
    const mother = anyWoman(period.last, 20, 40);
    if (mother !== undefined && mother.statusDay === null) add(mother, deliveryDay);
  }
  return plans;
}
