/**
 * Households (户) of a village, formed from its persons: a head aged 22–85 with, mostly, a spouse of about
 * the same age, and children, grandchildren or parents of fitting ages, two to four persons in all. Persons
 * left over join a household with room; those who died or moved away stay in theirs. Relations are GB/T 4761
 * codes as the resident table stores them ('01' the head).
 */
import type { KnownSex } from '@chp/core';
import type { Random } from '../random.js';
import { pickIndex, sample } from '../registers/sampling.js';
import type { Person, VillagePersons } from './persons.js';

export interface HouseholdMember {
  person: Person;
  /** GB/T 4761: 01 户主, 11 夫, 12 妻, 20 子, 30 女, 41 孙子, 42 孙女, 51 父亲, 52 母亲, 97 其他亲属. */
  relation: string;
}

export type Household = HouseholdMember[];

const DAYS_PER_YEAR = 365.25;
const MAX_AGE = 120;
const SIZES = [2, 3, 4];
const SIZE_WEIGHTS = [0.4, 0.35, 0.25];

const other = (sex: KnownSex): KnownSex => (sex === '1' ? '2' : '1');

/** The member's relation to the head, from the difference of their birth days. */
function relationTo(head: Person, member: Person): string {
  const older = (member.birthDay - head.birthDay) / DAYS_PER_YEAR;
  const male = member.sex === '1';
  if (older >= 45) return male ? '41' : '42';
  if (older >= 18) return male ? '20' : '30';
  if (older <= -18) return male ? '51' : '52';
  return '97';
}

/** Unassigned persons by sex and age, taken by age range. */
class AgePools {
  private readonly pools: Person[][] = Array.from({ length: 2 * (MAX_AGE + 1) }, () => []);

  constructor(
    private readonly random: Random,
    private readonly ageOf: (person: Person) => number
  ) {}

  add(person: Person): void {
    this.pools[this.index(person.sex, this.ageOf(person))]?.push(person);
  }

  remove(person: Person): void {
    const pool = this.pools[this.index(person.sex, this.ageOf(person))];
    const at = pool?.indexOf(person) ?? -1;
    if (at >= 0) pool?.splice(at, 1);
  }

  /** Someone of the sex (either when null) aged `from`–`to`, starting at a random age of the range. */
  take(sex: KnownSex | null, from: number, to: number): Person | undefined {
    const low = Math.max(0, from);
    const high = Math.min(MAX_AGE, to);
    if (high < low) return undefined;
    const span = high - low + 1;
    const offset = Math.floor(this.random() * span);
    const sexes: KnownSex[] = sex !== null ? [sex] : this.random() < 0.5 ? ['1', '2'] : ['2', '1'];
    for (let step = 0; step < span; step += 1) {
      const age = low + ((offset + step) % span);
      for (const candidate of sexes) {
        const person = this.pools[this.index(candidate, age)]?.pop();
        if (person !== undefined) return person;
      }
    }
    return undefined;
  }

  private index(sex: KnownSex, age: number): number {
    return (sex === '1' ? 0 : MAX_AGE + 1) + Math.min(MAX_AGE, Math.max(0, age));
  }
}

/** Household members besides the head and spouse, in the order the head's age makes likely. */
function relativeRanges(age: number): [number, number][] {
  const children: [number, number] = [age - 40, age - 18];
  const grandchildren: [number, number] = [0, age - 45];
  const parents: [number, number] = [age + 18, age + 40];
  if (age < 40) return [children, parents];
  if (age < 60) return [children, grandchildren, parents];
  return [grandchildren, children];
}

export function formHouseholds(random: Random, persons: VillagePersons, lastDay: number): Household[] {
  const ageOf = (person: Person): number => Math.floor((lastDay - person.birthDay) / DAYS_PER_YEAR);
  const pools = new AgePools(random, ageOf);
  const order = sample(random, persons.active, persons.active.length);
  for (const person of order) pools.add(person);
  const households: Household[] = [];
  const placed = new Set<Person>();
  const join = (household: Household, person: Person, relation: string): void => {
    household.push({ person, relation });
    placed.add(person);
  };

  for (const head of order) {
    const age = ageOf(head);
    if (placed.has(head) || age < 22 || age > 85) continue;
    pools.remove(head);
    const household: Household = [];
    join(household, head, '01');
    const size = SIZES[pickIndex(random, SIZE_WEIGHTS)] ?? 2;
    const spouse = random() < 0.85 ? pools.take(other(head.sex), age - 6, age + 6) : undefined;
    if (spouse !== undefined) join(household, spouse, spouse.sex === '1' ? '11' : '12');
    for (const [from, to] of relativeRanges(age)) {
      while (household.length < size) {
        const relative = pools.take(null, from, to);
        if (relative === undefined) break;
        join(household, relative, relationTo(head, relative));
      }
    }
    if (household.length === 1) {
      const relative = pools.take(null, 0, MAX_AGE);
      if (relative !== undefined) join(household, relative, relationTo(head, relative));
    }
    households.push(household);
  }

  // Whoever no head took (mostly children of heads already full, and the very old) joins a household.
  const left = [...order.filter((person) => !placed.has(person)), ...persons.departed];
  for (const person of left) {
    let home: Household | undefined;
    for (let attempt = 0; attempt < 6 && home === undefined; attempt += 1) {
      const candidate = households[Math.floor(random() * households.length)];
      if (candidate !== undefined && candidate.length < 4) home = candidate;
    }
    const head = home?.[0]?.person;
    if (home === undefined || head === undefined) {
      households.push([{ person, relation: '01' }]);
    } else {
      join(home, person, relationTo(head, person));
    }
  }
  return households;
}
