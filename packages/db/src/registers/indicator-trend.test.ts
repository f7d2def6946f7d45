import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds } from '../testing.js';
import type { TestDatabase } from '../testing.js';
import { computeIndicators } from './compute/compute-indicators.js';
import { CHENGGUAN, FIXTURE_COUNTY, HUANGQUQIAO, loadIndicatorFixture } from './compute/indicator-fixture.js';
import { computeIndicatorTrend } from './indicator-trend.js';

describe.each(testDatabaseKinds())('computed indicator trend on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await loadIndicatorFixture(database.db);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('gives each year of the range for the county and each township, as computed year by year', async () => {
    const trend = await computeIndicatorTrend(database.db, FIXTURE_COUNTY, 'CRUDE_BIRTH_RATE', 2022, 2024);
    expect(trend).toMatchObject({ code: 'CRUDE_BIRTH_RATE', years: [2022, 2023, 2024] });
    expect(trend.orgUnits.slice(0, 3).map((u) => u.orgUnit)).toEqual([FIXTURE_COUNTY, CHENGGUAN, HUANGQUQIAO]);
    const chengguan = trend.orgUnits.find((u) => u.orgUnit === CHENGGUAN);
    // The fixture's births: one on 2022-12-31 and 400 in 2023 in 城关镇, none in 2024.
    expect(chengguan?.points.map((p) => [p.year, p.numerator ?? 0])).toEqual([
      [2022, 1],
      [2023, 400],
      [2024, 0],
    ]);
    for (const year of trend.years) {
      const rows = (await computeIndicators(database.db, FIXTURE_COUNTY, year)).filter(
        (row) => row.code === 'CRUDE_BIRTH_RATE'
      );
      expect(trend.orgUnits.map((u) => [u.orgUnit, u.points.find((p) => p.year === year)?.value])).toEqual(
        rows.map((row) => [row.orgUnit, row.value])
      );
    }
  });

  it('has the county alone for an indicator checked against a county norm', async () => {
    const trend = await computeIndicatorTrend(database.db, FIXTURE_COUNTY, 'CDC_STAFFING', 2023, 2023);
    expect(trend.orgUnits.map((u) => u.orgUnit)).toEqual([FIXTURE_COUNTY]);
  });

  it('refuses an unknown indicator code', async () => {
    await expect(computeIndicatorTrend(database.db, FIXTURE_COUNTY, 'NO_SUCH', 2023, 2023)).rejects.toMatchObject({
      kind: 'invalid',
      code: 'unknown_indicator',
    });
  });
});
