/** Count draws and seasonal curves for the surveillance demo. */
import type { Random } from '../random.js';

/** A Poisson draw: Knuth's method for small means, a rounded normal approximation for large ones. */
export function poisson(mean: number, random: Random): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
  }
  const limit = Math.exp(-mean);
  let product = random();
  let count = 0;
  while (product > limit) {
    count += 1;
    product *= random();
  }
  return count;
}

export type Season = 'winter' | 'summer' | 'spring' | 'flat';

/** Day of the year's peak per season: mid-January, mid-July, mid-May (brucellosis lambing season). */
const PEAK_DAY: Record<Exclude<Season, 'flat'>, number> = { winter: 15, summer: 196, spring: 135 };

/** A multiplier averaging 1 over the year, peaking at the season's day (amplitude 0.8). */
export function seasonal(date: string, season: Season): number {
  if (season === 'flat') return 1;
  const time = Date.parse(`${date}T00:00:00Z`);
  const dayOfYear = (time - Date.UTC(new Date(time).getUTCFullYear(), 0, 1)) / 86_400_000;
  return 1 + 0.8 * Math.cos((2 * Math.PI * (dayOfYear - PEAK_DAY[season])) / 365);
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
