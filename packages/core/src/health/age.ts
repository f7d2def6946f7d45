/**
 * Age in completed years (周岁) and completed months between two YYYY-MM-DD dates. A year or month is
 * complete on the same day of the month as the birth; when that day does not exist (born on the 31st or on
 * 29 February) it is complete on the first day of the next month.
 */

/** Completed years on `onDate` (a birthday on 29 February counts on 1 March). */
export function completedYears(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** Completed months on `onDate`: 2024-01-31 → 2024-02-29 is 0, → 2024-03-01 is 1. */
export function completedMonths(birthDate: string, onDate: string): number {
  const months =
    (Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4))) * 12 +
    Number(onDate.slice(5, 7)) -
    Number(birthDate.slice(5, 7));
  return onDate.slice(8) >= birthDate.slice(8) ? months : months - 1;
}

export interface Age {
  /** Completed years (周岁). */
  years: number;
  /** Completed months beyond the years, 0–11 ("2岁3个月" is { years: 2, months: 3 }). */
  months: number;
}

/** Age on `onDate` in whole years and months; negative before birth. */
export function ageOn(birthDate: string, onDate: string): Age {
  const total = completedMonths(birthDate, onDate);
  return { years: Math.floor(total / 12), months: total - Math.floor(total / 12) * 12 };
}
