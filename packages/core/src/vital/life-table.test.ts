import { describe, expect, it } from 'vitest';
import { lifeTableBands } from './age-groups.js';
import { computeLifeTable, poolLifeTableGroups } from './life-table.js';
import type { LifeTableGroup, LifeTableResult, LifeTableRow } from './life-table.js';

/*
 * Reference: PHE (Public Health England, now UKHSA) R package PHEindicatormethods, whose
 * phe_life_expectancy() "aligns with the methodology in Public Health England's Life Expectancy
 * Calculator" (Chiang II, 0 / 1–4 / 5-year groups to 90+, a = 0.1 at age 0 and 0.5 otherwise,
 * Silcocks et al. variance for the open interval). Input `df1` and expected `answer1` (value, lowercl,
 * uppercl for every age group) are copied from its test file tests/testthat/testLifeExpectancy.R
 * (github.com/ukhsa-collaboration/PHEindicatormethods, the same data is the example in
 * R/LifeExpectancy.R). That test checks the package to 4 decimal places; so do we.
 */
const startAges = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];
const pops = [
  7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601, 50209, 56416, 46411, 39820, 37978, 37039, 33288,
  23306, 11936, 11936,
];
const deaths = [17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937];
const expectedValue = [
  80.16960813, 79.36245674, 75.44193645, 70.47299936, 65.52909542, 60.67510088, 55.78835987, 50.92752727, 46.06740425,
  41.24505636, 36.49322717, 31.83343842, 27.26027992, 22.9719144, 18.76856852, 14.95858336, 11.51684445, 8.618849241,
  6.163942934, 6.16210635,
];
const expectedLower = [
  79.88268548, 79.0898816, 75.17407307, 70.20675732, 65.26548673, 60.41876577, 55.53801579, 50.68279939, 45.82666794,
  41.00842831, 36.26223216, 31.60996318, 27.04337271, 22.76653134, 18.57570352, 14.77985004, 11.34831778, 8.451134045,
  5.978358351, 5.887683386,
];
const expectedUpper = [
  80.45653078, 79.63503188, 75.70979983, 70.7392414, 65.79270412, 60.931436, 56.03870395, 51.17225516, 46.30814055,
  41.48168441, 36.72422219, 32.05691365, 27.47718713, 23.17729746, 18.96143352, 15.13731667, 11.68537112, 8.786564437,
  6.349527517, 6.436529314,
];

const pheGroups: LifeTableGroup[] = lifeTableBands(90).map((band, index) => ({
  ...band,
  population: pops[index]!,
  deaths: deaths[index]!,
}));

function rowsOf(result: LifeTableResult): LifeTableRow[] {
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
  return result.rows;
}

describe('computeLifeTable against the PHE Life Expectancy Calculator reference', () => {
  const rows = rowsOf(computeLifeTable(pheGroups));

  it('uses the reference age groups', () => {
    expect(rows.map((row) => row.ageStart)).toEqual(startAges);
  });

  it('reproduces life expectancy at every age to 4 decimals', () => {
    rows.forEach((row, index) => {
      expect(row.ex).toBeCloseTo(expectedValue[index]!, 4);
    });
    // 人均预期寿命: e0 = 80.17 years.
    expect(rows[0]!.ex.toFixed(2)).toBe('80.17');
  });

  it('reproduces the 95 % confidence limits at every age to 4 decimals', () => {
    rows.forEach((row, index) => {
      expect(row.ciLower).toBeCloseTo(expectedLower[index]!, 4);
      expect(row.ciUpper).toBeCloseTo(expectedUpper[index]!, 4);
    });
  });

  it('has no warnings for a population of about 800,000', () => {
    const result = computeLifeTable(pheGroups);
    expect(result.ok && result.warnings).toEqual([]);
  });
});

describe('computeLifeTable internals (hand-checked on the reference data)', () => {
  const rows = rowsOf(computeLifeTable(pheGroups));

  it('computes age 0 with a = 0.1', () => {
    const infant = rows[0]!;
    const m = 17 / 7060;
    expect(infant.ax).toBe(0.1);
    expect(infant.mx).toBeCloseTo(m, 12);
    expect(infant.qx).toBeCloseTo(m / (1 + 0.9 * m), 12);
    expect(infant.lx).toBe(100_000);
    expect(infant.dx).toBeCloseTo(100_000 * infant.qx, 8);
    expect(infant.Lx).toBeCloseTo(100_000 - 0.9 * infant.dx, 8);
    expect(infant.varianceQx).toBeCloseTo((infant.qx ** 2 * (1 - infant.qx)) / 17, 15);
  });

  it('computes 1–4 with n = 4 and a = 0.5', () => {
    const row = rows[1]!;
    const m = 9 / 35059;
    expect(row.qx).toBeCloseTo((4 * m) / (1 + 2 * m), 12);
    expect(row.lx).toBeCloseTo(rows[0]!.lx - rows[0]!.dx, 8);
  });

  it('closes the table with q = 1 and L = l / M in the open interval', () => {
    const open = rows[rows.length - 1]!;
    expect(open.width).toBeNull();
    expect(open.qx).toBe(1);
    expect(open.px).toBe(0);
    expect(open.dx).toBeCloseTo(open.lx, 8);
    expect(open.Lx).toBeCloseTo(open.lx / (1937 / 11936), 6);
    expect(open.ex).toBeCloseTo(11936 / 1937, 10);
  });

  it('keeps the life-table identities', () => {
    const total = rows.reduce((sum, row) => sum + row.dx, 0);
    expect(total).toBeCloseTo(100_000, 6);
    rows.forEach((row) => {
      expect(row.ex).toBeCloseTo(row.Tx / row.lx, 10);
      expect(row.px + row.qx).toBeCloseTo(1, 12);
      expect(row.seEx).toBeCloseTo(Math.sqrt(row.varianceEx), 12);
    });
    expect(rows[0]!.Tx).toBeCloseTo(
      rows.reduce((sum, row) => sum + row.Lx, 0),
      6
    );
  });

  it("gives a narrower interval with Chiang's zero variance for the open interval", () => {
    const chiang = rowsOf(computeLifeTable(pheGroups, { openIntervalVariance: 'chiang' }));
    expect(chiang[0]!.ex).toBe(rows[0]!.ex);
    expect(chiang[0]!.seEx).toBeLessThan(rows[0]!.seEx);
    expect(chiang[chiang.length - 1]!.seEx).toBe(0);
  });

  it('honours a custom radix and ax', () => {
    const scaled = rowsOf(computeLifeTable(pheGroups, { radix: 1 }));
    expect(scaled[0]!.ex).toBeCloseTo(rows[0]!.ex, 10);
    expect(scaled[5]!.lx).toBeCloseTo(rows[5]!.lx / 100_000, 12);
    const customA = pheGroups.map((group) => (group.ageStart === 0 ? { ...group, ax: 0.3 } : group));
    const custom = rowsOf(computeLifeTable(customA));
    expect(custom[0]!.ax).toBe(0.3);
    expect(custom[0]!.ex).toBeGreaterThan(rows[0]!.ex);
  });
});

describe('computeLifeTable on small or bad data', () => {
  it('warns, with a pooling hint, below 5,000 person-years', () => {
    const small = pheGroups.map((group) => ({
      ...group,
      population: Math.round(group.population / 200),
      deaths: Math.round(group.deaths / 200),
    }));
    small[small.length - 1]!.deaths = 10;
    const result = computeLifeTable(small);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const codes = result.warnings.map((warning) => warning.code);
    expect(codes).toContain('small_population');
    expect(result.warnings[0]!.message).toContain('合并多年数据');
  });

  it('warns when a 95 % interval is wider than 20 years', () => {
    const tiny = lifeTableBands(85).map((band) => ({ ...band, population: 60, deaths: band.ageStart >= 70 ? 3 : 0 }));
    const result = computeLifeTable(tiny, { minPersonYears: 0 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const wide = result.warnings.find((warning) => warning.code === 'wide_interval');
    expect(wide?.code === 'wide_interval' && wide.ageGroups).toContain('85+');
  });

  it('refuses a zero population, negative counts, too many deaths and an open interval without deaths', () => {
    const broken = pheGroups.map((group) => ({ ...group }));
    broken[5]!.population = 0;
    broken[3]!.deaths = -1;
    broken[4]!.deaths = 50_000;
    broken[19]!.deaths = 0;
    const result = computeLifeTable(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.code)).toEqual([
      'invalid_count',
      'deaths_exceed_population',
      'zero_population',
      'no_deaths_in_open_interval',
    ]);
    expect(result.problems[2]!.message).toContain('20–24');
  });

  it('refuses incomplete or unordered age groups', () => {
    const missing = pheGroups.filter((group) => group.ageStart !== 40);
    const result = computeLifeTable(missing);
    expect(!result.ok && result.problems[0]!.code).toBe('invalid_age_groups');
    expect(computeLifeTable(pheGroups.slice(0, -1)).ok).toBe(false);
  });

  it('refuses an ax outside 0–1', () => {
    const bad = pheGroups.map((group) => (group.ageStart === 0 ? { ...group, ax: 1.5 } : group));
    expect(computeLifeTable(bad).ok).toBe(false);
  });

  it('pools years by summing person-years and deaths', () => {
    const pooled = poolLifeTableGroups([pheGroups, pheGroups, pheGroups]);
    expect(pooled[0]).toEqual({ ageStart: 0, width: 1, population: 3 * 7060, deaths: 3 * 17 });
    // Tripling every count leaves the rates, hence e0, unchanged and shrinks the SE by √3.
    const single = rowsOf(computeLifeTable(pheGroups))[0]!;
    const tripled = rowsOf(computeLifeTable(pooled))[0]!;
    expect(tripled.ex).toBeCloseTo(single.ex, 10);
    expect(tripled.seEx).toBeCloseTo(single.seEx / Math.sqrt(3), 10);
    expect(pheGroups[0]!.population).toBe(7060);
    expect(() => poolLifeTableGroups([pheGroups, pheGroups.slice(1)])).toThrow('年龄组不一致');
    expect(() => poolLifeTableGroups([])).toThrow(RangeError);
  });
});
