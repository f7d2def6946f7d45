/**
 * The resident population the individual records are drawn from: the 常住 cells (township × sex × age
 * group) of the county's population register for the last year, scaled to the number of residents asked
 * for. When the register has no figures for that year, the issue-3 model (registers/population.ts) makes
 * the cells, so a county without registers still gets a plausible age structure.
 */
import type { KnownSex } from '@chp/core';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { populationAggregate } from '../../schema.js';
import type { Random } from '../random.js';
import { AGE_GROUPS } from '../registers/demography.js';
import { syntheticPopulation } from '../registers/population.js';
import type { Township } from '../registers/population.js';
import { apportion } from '../registers/sampling.js';

export interface ResidentCell {
  township: string;
  sex: KnownSex;
  /** Index into AGE_GROUPS (registers/demography.ts). */
  group: number;
  count: number;
}

/** The register's 常住 cells of `year`, in a fixed order; empty when the register holds none. */
export async function readResidentCells(db: Db, countyCode: string, year: number): Promise<ResidentCell[]> {
  const rows = await db
    .select({
      township: populationAggregate.orgUnitCode,
      sex: populationAggregate.sex,
      ageStart: populationAggregate.ageStart,
      count: populationAggregate.count,
    })
    .from(populationAggregate)
    .where(
      and(
        eq(populationAggregate.countyCode, countyCode),
        eq(populationAggregate.year, year),
        eq(populationAggregate.residence, 'resident')
      )
    )
    .orderBy(asc(populationAggregate.orgUnitCode), asc(populationAggregate.sex), asc(populationAggregate.ageStart));
  return rows.flatMap((row) => {
    const group = AGE_GROUPS.findIndex((band) => band.start === row.ageStart);
    // Cells of the issue-3 groups only: an imported register in other groups is not a model to sample.
    if (group < 0 || (row.sex !== '1' && row.sex !== '2')) return [];
    return [{ township: row.township, sex: row.sex, group, count: row.count }];
  });
}

/** The model's cells of one year when there is no register to follow. */
export function modelResidentCells(
  random: Random,
  countyCode: string,
  townships: readonly Township[],
  residents: number,
  year: number
): ResidentCell[] {
  return syntheticPopulation(random, countyCode, townships, residents, [year]).resident.map((cell) => ({
    township: cell.township,
    sex: cell.sex,
    group: cell.group,
    count: cell.count,
  }));
}

/** The cells scaled to `residents` persons in all, in proportion (exactly the cells when they sum to it). */
export function scaleCells(cells: readonly ResidentCell[], residents: number): ResidentCell[] {
  const counts = apportion(
    residents,
    cells.map((cell) => cell.count)
  );
  return cells.map((cell, index) => ({ ...cell, count: counts[index] ?? 0 }));
}

export function cellTotal(cells: readonly ResidentCell[]): number {
  return cells.reduce((sum, cell) => sum + cell.count, 0);
}
