/** Seasonal curves for the surveillance demo. */
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
