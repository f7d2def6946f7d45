import type { AgeBandCount } from './age-groups.js';

/**
 * WHO World Standard Population 2000–2025 (Ahmad OB, Boschi-Pinto C, Lopez AD et al., "Age
 * standardization of rates: a new WHO standard", GPE Discussion Paper Series No. 31, WHO 2001), as
 * the published percentages. They add up to 100.035 because of rounding (SEER rescales them to a
 * million); direct standardisation divides by the total weight, so the rescaling does not matter.
 * Collapse to the data's open group (e.g. 85+) with `aggregateToBands`.
 *
 * The China 2000 census standard population (2000年全国人口普查标准人口) is not bundled: we could not
 * source its exact counts; pass it in as `AgeBandCount[]` from the official census tables.
 */
export const WHO_WORLD_STANDARD_POPULATION: readonly AgeBandCount[] = [
  { ageStart: 0, width: 5, count: 8.86 },
  { ageStart: 5, width: 5, count: 8.69 },
  { ageStart: 10, width: 5, count: 8.6 },
  { ageStart: 15, width: 5, count: 8.47 },
  { ageStart: 20, width: 5, count: 8.22 },
  { ageStart: 25, width: 5, count: 7.93 },
  { ageStart: 30, width: 5, count: 7.61 },
  { ageStart: 35, width: 5, count: 7.15 },
  { ageStart: 40, width: 5, count: 6.59 },
  { ageStart: 45, width: 5, count: 6.04 },
  { ageStart: 50, width: 5, count: 5.37 },
  { ageStart: 55, width: 5, count: 4.55 },
  { ageStart: 60, width: 5, count: 3.72 },
  { ageStart: 65, width: 5, count: 2.96 },
  { ageStart: 70, width: 5, count: 2.21 },
  { ageStart: 75, width: 5, count: 1.52 },
  { ageStart: 80, width: 5, count: 0.91 },
  { ageStart: 85, width: 5, count: 0.44 },
  { ageStart: 90, width: 5, count: 0.15 },
  { ageStart: 95, width: 5, count: 0.04 },
  { ageStart: 100, width: null, count: 0.005 },
];
