/** Synthetic population aggregates: township × year × sex × age group, resident (常住) and registered (户籍). */
import { KNOWN_SEXES } from '@chp/core';
import type { KnownSex } from '@chp/core';
import type { populationAggregate } from '../../schema.js';
import type { Random } from '../random.js';
import {
  AGE_GROUPS,
  AGE_SHARES,
  AGEING_PER_YEAR,
  RESIDENT_CHANGE_PER_YEAR,
  maleShare,
  registeredRatio,
} from './demography.js';
import { apportion, normal } from './sampling.js';

export interface Township {
  code: string;
  name: string;
}

/** Resident persons of one township, year, sex and age group (index into AGE_GROUPS). */
export interface PopulationCell {
  township: string;
  year: number;
  sex: KnownSex;
  group: number;
  count: number;
}

export interface SyntheticPopulation {
  /** Resident cells, every township × year × sex × group. */
  resident: PopulationCell[];
  rows: (typeof populationAggregate.$inferInsert)[];
}

const SEX_CODES: readonly KnownSex[] = KNOWN_SEXES.map((sex) => sex.code);

/** Relative township sizes: log-normal spread, and the county seat's 街道 larger. */
function townshipWeights(random: Random, townships: readonly Township[]): number[] {
  return townships.map((township) => Math.exp(0.45 * normal(random)) * (township.name.endsWith('街道') ? 2 : 1));
}

/** Older groups gain and children lose as the county ages. */
function ageingFactor(group: number, yearIndex: number): number {
  const start = AGE_GROUPS[group]?.start ?? 0;
  if (start >= 60) return 1 + AGEING_PER_YEAR * yearIndex;
  if (start < 15) return 1 - AGEING_PER_YEAR * yearIndex;
  return 1;
}

/**
 * The resident total of the first year is exactly `residents`; later years change by
 * RESIDENT_CHANGE_PER_YEAR and age. Townships differ a little in structure, too.
 */
export function syntheticPopulation(
  random: Random,
  countyCode: string,
  townships: readonly Township[],
  residents: number,
  years: readonly number[]
): SyntheticPopulation {
  const sizes = townshipWeights(random, townships);
  const structure = townships.map(() => AGE_SHARES.map((share) => share * Math.max(0.3, 1 + 0.08 * normal(random))));
  const migration = townships.map(() => 1 + 0.03 * normal(random));
  const resident: PopulationCell[] = [];
  const rows: (typeof populationAggregate.$inferInsert)[] = [];
  const registeredRows: (typeof populationAggregate.$inferInsert)[] = [];
  years.forEach((year, yearIndex) => {
    const cells: Omit<PopulationCell, 'count'>[] = [];
    const cellTownships: number[] = [];
    const weights: number[] = [];
    townships.forEach((township, t) => {
      AGE_GROUPS.forEach((group, g) => {
        const weight = (sizes[t] ?? 1) * (structure[t]?.[g] ?? 0) * ageingFactor(g, yearIndex);
        for (const sex of SEX_CODES) {
          cells.push({ township: township.code, year, sex, group: g });
          cellTownships.push(t);
          weights.push(weight * (sex === '1' ? maleShare(group) : 1 - maleShare(group)));
        }
      });
    });
    const total = Math.round(residents * (1 + RESIDENT_CHANGE_PER_YEAR) ** yearIndex);
    const counts = apportion(total, weights);
    cells.forEach((cell, index) => {
      const count = counts[index] ?? 0;
      const group = AGE_GROUPS[cell.group] ?? { start: 0, end: 0 };
      const t = cellTownships[index] ?? 0;
      const base = {
        countyCode,
        orgUnitCode: cell.township,
        year,
        sex: cell.sex,
        ageStart: group.start,
        ageEnd: group.end,
      };
      resident.push({ ...cell, count });
      rows.push({ ...base, residence: 'resident', count });
      registeredRows.push({
        ...base,
        residence: 'registered',
        count: Math.round(count * registeredRatio(group) * (migration[t] ?? 1)),
      });
    });
  });
  // Resident rows first, year by year: the indicators read one year's resident rows, which then sit on
  // few pages of the table (less for the embedded database to read into memory).
  return { resident, rows: [...rows, ...registeredRows] };
}
