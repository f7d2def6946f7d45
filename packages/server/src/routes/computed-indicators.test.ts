import type { ComputedIndicatorResponse } from '@chp/core';
import { CHENGGUAN, FIXTURE_COUNTY, FIXTURE_YEAR, loadIndicatorFixture, testDatabaseKinds } from '@chp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login } from '../test-support.js';
import type { TestApp } from '../test-support.js';

describe.each(testDatabaseKinds())('computed indicators on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await loadIndicatorFixture(t.database.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('computes the county and each township from the registers', async () => {
    const viewer = await login(t.app, 'approver');
    const response = await t.app.inject({
      url: `/api/v1/counties/${FIXTURE_COUNTY}/computed-indicators?year=${FIXTURE_YEAR}`,
      headers: { cookie: viewer },
    });
    expect(response.statusCode).toBe(200);
    const rows = response.json<ComputedIndicatorResponse[]>();
    expect(rows[0]?.orgUnit).toBe(FIXTURE_COUNTY);
    const find = (orgUnit: string, code: string): ComputedIndicatorResponse | undefined =>
      rows.find((r) => r.orgUnit === orgUnit && r.code === code);
    // Worked out by hand in @chp/db's compute-indicators.test.ts.
    expect(find(FIXTURE_COUNTY, 'CRUDE_BIRTH_RATE')).toMatchObject({
      numerator: 421,
      denominator: 39720,
      value: (421 / 39720) * 1000,
    });
    expect(find(FIXTURE_COUNTY, 'CDC_STAFFING')).toMatchObject({ norm: 1.32, compliant: false });
    expect(find(CHENGGUAN, 'INFANT_MORTALITY')).toMatchObject({ numerator: 2, denominator: 400, value: 5 });
  });

  it('answers 404 outside the user scope', async () => {
    const planner = await login(t.app, 'planner');
    const response = await t.app.inject({
      url: `/api/v1/counties/140423/computed-indicators?year=${FIXTURE_YEAR}`,
      headers: { cookie: planner },
    });
    expect(response.statusCode).toBe(404);
  });
});
