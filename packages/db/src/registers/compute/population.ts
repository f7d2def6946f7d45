/** The resident population of an org unit as age bands, the denominator of every per-capita indicator. */
import { aggregateToBands } from '@chp/core';
import type { AgeBand, AgeBandCount } from '@chp/core';
import type { AgeGroupCount } from './register-totals.js';

export function totalPopulation(groups: readonly AgeGroupCount[]): number {
  return groups.reduce((sum, group) => sum + group.count, 0);
}

/** The population in the target bands; throws a RangeError (Chinese) when a stored group straddles one. */
export function populationInBands(target: readonly AgeBand[], groups: readonly AgeGroupCount[]): AgeBandCount[] {
  return aggregateToBands(
    target,
    groups.map((group) => ({
      ageStart: group.ageStart,
      width: group.ageEnd === null ? null : group.ageEnd - group.ageStart + 1,
      count: group.count,
    }))
  );
}
