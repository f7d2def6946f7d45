/**
 * The two outbreaks injected into the demo's last 60 days, so detection has something to find: a fever
 * absenteeism cluster at the first school (with more fever visits), and a diarrhoea rise in the second
 * township (enteric clinic visits, antidiarrhoeal sales and other-infectious-diarrhoea cards).
 */

interface Outbreak {
  /** Days before the end date the outbreak starts and stops (inclusive). */
  readonly first: number;
  readonly last: number;
  /** Extra mean daily count at its height. */
  readonly extra: number;
}

const SIGNAL_OUTBREAKS: Readonly<Record<string, Outbreak>> = {
  'S07:absence_fever': { first: 24, last: 12, extra: 7 },
  'S01:fever': { first: 22, last: 12, extra: 10 },
  'S03:diarrhoea': { first: 14, last: 2, extra: 8 },
  'S04:antidiarrhoeal_sales': { first: 13, last: 2, extra: 10 },
};

/** The enteric outbreak's cards: extra other-infectious-diarrhoea cases a day in the second township. */
export const CASE_OUTBREAK = { disease: 'other_infectious_diarrhoea', township: 1, first: 14, last: 2, extra: 3 };

/** A bell-shaped extra mean over the outbreak's days, 0 outside it. */
function shaped(outbreak: Outbreak, daysBeforeEnd: number): number {
  if (daysBeforeEnd > outbreak.first || daysBeforeEnd < outbreak.last) return 0;
  const progress = (outbreak.first - daysBeforeEnd) / Math.max(1, outbreak.first - outbreak.last);
  return outbreak.extra * Math.sin(Math.PI * (0.15 + 0.7 * progress));
}

/** Extra mean count for a site's signal on a day; the site code's suffix (S01…) names the site. */
export function signalOutbreakExtra(siteCode: string, signal: string, daysBeforeEnd: number): number {
  const outbreak = SIGNAL_OUTBREAKS[`${siteCode.slice(-3)}:${signal}`];
  return outbreak === undefined ? 0 : shaped(outbreak, daysBeforeEnd);
}

export function caseOutbreakExtra(daysBeforeEnd: number): number {
  return shaped(CASE_OUTBREAK, daysBeforeEnd);
}
