/**
 * The persons of one township: everyone living there at the end of the last year, one per person of the
 * population cells (so the index agrees with the register's 常住 figures for that year), and those who
 * died or moved away during the years, at the issue-3 death rates and a yearly out-migration of working
 * ages. Villages differ in size.
 */
import type { KnownSex, RecordStatus } from '@chp/core';
import type { Random } from '../random.js';
import { AGE_GROUPS, DEATH_RATES, sexMortalityFactor } from '../registers/demography.js';
import type { Village } from '../registers/facilities-plan.js';
import { apportion, daysInYear, normal, pickIndex, poisson, sample } from '../registers/sampling.js';
import { ageInGroup } from '../registers/vital-events.js';
import type { ResidentCell } from './cells.js';
import { firstDayOf, yearOf } from './days.js';
import type { Period } from './days.js';

export interface Person {
  sex: KnownSex;
  birthDay: number;
  villageCode: string | null;
  status: RecordStatus;
  /** The day the person died or moved away; null while active. */
  statusDay: number | null;
}

export interface VillagePersons {
  /** null for a township without villages in the division data. */
  village: Village | null;
  /** Living there at the end of the period. */
  active: Person[];
  /** Died or moved away during the period. */
  departed: Person[];
}

/** Yearly share of 15–59-year-olds who move out of the county (gross; the register's net change is −0.3 %). */
const MOVE_OUT_PER_YEAR = 0.006;
const DAYS_PER_YEAR = 365.25;

/** A birth day on which the person is `age` completed years old on the last day of `year`. */
function birthDayAged(random: Random, age: number, year: number): number {
  const birthYear = year - age;
  return firstDayOf(birthYear) + Math.floor(random() * daysInYear(birthYear));
}

/** A person who left (died or moved) on a day of the period, aged about `age` then. */
function departedPerson(random: Random, sex: KnownSex, age: number, period: Period, status: RecordStatus): Person {
  const statusDay = period.first + Math.floor(random() * (period.last - period.first + 1));
  const birthDay = statusDay - Math.floor((age + random()) * DAYS_PER_YEAR);
  return { sex, birthDay, villageCode: null, status, statusDay };
}

export function townshipPersons(
  random: Random,
  cells: readonly ResidentCell[],
  villages: readonly Village[],
  period: Period
): VillagePersons[] {
  const lastYear = yearOf(period.last);
  const years = (period.last - period.first + 1) / DAYS_PER_YEAR;
  const active: Person[] = [];
  const departed: Person[] = [];
  for (const cell of cells) {
    for (let n = 0; n < cell.count; n += 1) {
      const birthDay = birthDayAged(random, ageInGroup(random, cell.group), lastYear);
      active.push({ sex: cell.sex, birthDay, villageCode: null, status: 'active', statusDay: null });
    }
    const band = AGE_GROUPS[cell.group] ?? { start: 0, end: 0 };
    const deathRate = ((DEATH_RATES[cell.group] ?? 0) * sexMortalityFactor(cell.sex, band)) / 1000;
    for (let n = poisson(random, cell.count * deathRate * years); n > 0; n -= 1) {
      departed.push(departedPerson(random, cell.sex, ageInGroup(random, cell.group), period, 'deceased'));
    }
    if (band.start >= 15 && band.start < 60) {
      for (let n = poisson(random, cell.count * MOVE_OUT_PER_YEAR * years); n > 0; n -= 1) {
        departed.push(departedPerson(random, cell.sex, ageInGroup(random, cell.group), period, 'moved'));
      }
    }
  }
  if (villages.length === 0) return [{ village: null, active, departed }];
  const weights = villages.map(() => Math.exp(0.5 * normal(random)));
  const sizes = apportion(active.length, weights);
  const shuffled = sample(random, active, active.length);
  const groups = villages.map((village) => ({ village, active: [] as Person[], departed: [] as Person[] }));
  let next = 0;
  groups.forEach((group, index) => {
    group.active = shuffled.slice(next, next + (sizes[index] ?? 0));
    next += sizes[index] ?? 0;
  });
  for (const person of departed) groups[pickIndex(random, weights)]?.departed.push(person);
  for (const group of groups) {
    for (const person of [...group.active, ...group.departed]) person.villageCode = group.village.code;
  }
  return groups;
}
