/** Reads the R parity fixtures in ./fixtures (written by fixtures/ears-cusum.R) for the tests; CI has no R. */
import { readFileSync } from 'node:fs';
import type { CountSeries, DetectionPoint } from './detection-types.js';
import { parseCountCsv } from './parse-count-csv.js';

export const FIXTURE_SERIES = ['daily-outbreak', 'daily-sparse', 'weekly'] as const;

function fixtureText(file: string): string {
  return readFileSync(new URL(`fixtures/${file}`, import.meta.url), 'utf8');
}

function rows(file: string): string[][] {
  return fixtureText(file)
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}

/** R's numbers as sprintf("%.17g") prints them: NaN, NA, Inf, -Inf included. */
function rNumber(text: string): number {
  if (text === 'NA' || text === 'NaN') return Number.NaN;
  if (text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(text);
}

export function fixtureSeries(name: string): CountSeries {
  return parseCountCsv(fixtureText(`series-${name}.csv`), { today: '2030-01-01' });
}

/** R's result; an NA alarm (from a NaN bound) is no alarm. */
export function fixtureResult(file: string): DetectionPoint[] {
  return rows(file).map(([date, observed, upperbound, alarm]) => ({
    date: date ?? '',
    observed: Number(observed),
    upperbound: rNumber(upperbound ?? 'NA'),
    alarm: alarm === 'TRUE',
  }));
}

export function fixtureQuantiles(): { values: number[]; p: number; quantile: number }[] {
  return rows('quantile-type7.csv').map(([values, p, quantile]) => ({
    values: (values ?? '').split(' ').map(Number),
    p: Number(p),
    quantile: rNumber(quantile ?? 'NA'),
  }));
}

/** Differences from R's result: dates, observed values and alarms must agree, bounds within 1e-6 relative. */
export function differencesFromR(actual: readonly DetectionPoint[], expected: readonly DetectionPoint[]): string[] {
  const problems: string[] = [];
  if (actual.length !== expected.length) problems.push(`length ${actual.length} ≠ R's ${expected.length}`);
  expected.forEach((want, index) => {
    const got = actual[index];
    if (got === undefined) return;
    const bound =
      Number.isFinite(want.upperbound) && Number.isFinite(got.upperbound)
        ? Math.abs(got.upperbound - want.upperbound) <= 1e-6 * Math.abs(want.upperbound)
        : Object.is(got.upperbound, want.upperbound);
    if (got.date !== want.date || got.observed !== want.observed || got.alarm !== want.alarm || !bound) {
      problems.push(`${index}: ${JSON.stringify(got)} ≠ R's ${JSON.stringify(want)}`);
    }
  });
  return problems;
}
