/** Synthetic live births and deaths drawn from the population cells and the demographic model. */
import type { DeathPlace } from '../../registers/vital-codes.js';
import type { death, liveBirth } from '../../schema.js';
import type { Random } from '../random.js';
import { causeOfDeath, maternalCause } from './causes.js';
import {
  AGE_GROUPS,
  BIRTH_SEX_RATIO,
  DEATH_RATES,
  MATERNAL_DEATH_RISK,
  MORTALITY_DECLINE_PER_YEAR,
  crudeBirthRate,
  infantDeathRisk,
  sexMortalityFactor,
} from './demography.js';
import type { PopulationCell } from './population.js';
import { addDays, dayOfYear, sample, daysInYear, integerBetween, normal, pickIndex, poisson } from './sampling.js';

type BirthRow = typeof liveBirth.$inferInsert;
type DeathRow = typeof death.$inferInsert;

export interface SyntheticEvents {
  births: BirthRow[];
  deaths: DeathRow[];
}

const PLACES: readonly DeathPlace[] = ['hospital', 'home', 'on_the_way', 'other'];
const PLACE_WEIGHTS: readonly number[] = [0.45, 0.48, 0.03, 0.04];

/** Numbers the events of each year: DEMO-B-2021-000001, DEMO-D-2021-000001 … */
class SourceRefs {
  private readonly next = new Map<string, number>();
  take(kind: 'B' | 'D', year: number): string {
    const key = `${kind}${year}`;
    const number = (this.next.get(key) ?? 0) + 1;
    this.next.set(key, number);
    return `DEMO-${kind}-${year}-${String(number).padStart(6, '0')}`;
  }
}

/** Birth date of someone who is `age` completed years old on `deathDate` (a day 2–360 days past a birthday). */
function birthDateAt(random: Random, deathDate: string, age: number): string {
  const date = new Date(`${deathDate}T00:00:00Z`);
  const days = integerBetween(random, 2, 360);
  return new Date(Date.UTC(date.getUTCFullYear() - age - 1, date.getUTCMonth(), date.getUTCDate() + days))
    .toISOString()
    .slice(0, 10);
}

/** An age in completed years within AGE_GROUPS[group]; in the open group 85+ ever fewer to 105. */
export function ageInGroup(random: Random, group: number): number {
  const band = AGE_GROUPS[group] ?? { start: 0, end: 0 };
  if (band.end === null) return band.start + Math.min(20, Math.floor(-5 * Math.log(1 - random())));
  return integerBetween(random, band.start, band.end);
}

/** Mothers aged 20–40, most around 28–30. */
function motherAge(random: Random): number {
  return 20 + Math.round(10 * (random() + random()));
}

export function syntheticEvents(
  random: Random,
  countyCode: string,
  cells: readonly PopulationCell[],
  years: readonly number[]
): SyntheticEvents {
  const refs = new SourceRefs();
  const births: BirthRow[] = [];
  const deaths: DeathRow[] = [];
  const lastYear = years[years.length - 1] ?? 0;
  const townshipYears = new Map<string, { township: string; year: number; persons: number }>();
  for (const cell of cells) {
    const key = `${cell.township}|${cell.year}`;
    const entry = townshipYears.get(key) ?? { township: cell.township, year: cell.year, persons: 0 };
    entry.persons += cell.count;
    townshipYears.set(key, entry);
  }

  function addDeath(row: Omit<DeathRow, 'countyCode' | 'sourceRef'>): void {
    deaths.push({ ...row, countyCode, sourceRef: refs.take('D', Number(row.deathDate.slice(0, 4))) });
  }

  for (const { township, year, persons } of townshipYears.values()) {
    const yearIndex = years.indexOf(year);
    const count = poisson(random, (persons * crudeBirthRate(yearIndex)) / 1000);
    const added: BirthRow[] = [];
    for (let n = 0; n < count; n += 1) {
      added.push({
        countyCode,
        orgUnitCode: township,
        birthDate: dayOfYear(year, Math.floor(random() * daysInYear(year))),
        sex: random() < BIRTH_SEX_RATIO / (BIRTH_SEX_RATIO + 100) ? '1' : '2',
        birthWeightG: Math.round(Math.min(5500, Math.max(800, 3300 + 450 * normal(random)))),
        motherAge: motherAge(random),
        sourceRef: refs.take('B', year),
      });
    }
    births.push(...added);
    // Counts first, then which births: a Poisson count keeps the rare events' variance honest.
    for (const birth of sample(random, added, poisson(random, count * infantDeathRisk(yearIndex)))) {
      // Most infant deaths happen in the first weeks.
      addDeath({
        orgUnitCode: township,
        deathDate: addDays(birth.birthDate, Math.floor(random() ** 3 * 365)),
        birthDate: birth.birthDate,
        ageYears: 0,
        sex: birth.sex,
        underlyingCauseIcd10: causeOfDeath(random, 0),
        maternal: false,
        place: 'hospital',
      });
    }
    for (const birth of sample(random, added, poisson(random, count * MATERNAL_DEATH_RISK))) {
      const deathDate = addDays(birth.birthDate, Math.floor(random() * 42));
      const age = birth.motherAge ?? 28;
      addDeath({
        orgUnitCode: township,
        deathDate,
        birthDate: birthDateAt(random, deathDate, age),
        ageYears: age,
        sex: '2',
        underlyingCauseIcd10: maternalCause(random),
        maternal: true,
        place: 'hospital',
      });
    }
  }
  // Deaths after the last year (of infants born late in it) are left out.
  const inRange = (row: DeathRow): boolean => Number(row.deathDate.slice(0, 4)) <= lastYear;

  for (const cell of cells) {
    const band = AGE_GROUPS[cell.group];
    if (band === undefined || band.start === 0) continue;
    const rate = (DEATH_RATES[cell.group] ?? 0) * sexMortalityFactor(cell.sex, band);
    const yearIndex = years.indexOf(cell.year);
    const count = poisson(random, (cell.count * rate * (1 - MORTALITY_DECLINE_PER_YEAR) ** yearIndex) / 1000);
    for (let n = 0; n < count; n += 1) {
      const age = ageInGroup(random, cell.group);
      const deathDate = dayOfYear(cell.year, Math.floor(random() * daysInYear(cell.year)));
      addDeath({
        orgUnitCode: cell.township,
        deathDate,
        birthDate: birthDateAt(random, deathDate, age),
        ageYears: age,
        sex: cell.sex,
        underlyingCauseIcd10: causeOfDeath(random, age),
        maternal: false,
        place: PLACES[pickIndex(random, PLACE_WEIGHTS)] ?? 'unknown',
      });
    }
  }
  return { births, deaths: deaths.filter(inRange) };
}
