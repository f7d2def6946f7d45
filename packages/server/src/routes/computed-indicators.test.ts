import type { ApiError, ComputedIndicatorResponse, ComputedTrendResponse } from '@chp/core';
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

  it('gives an indicator year by year for the county and each township', async () => {
    const viewer = await login(t.app, 'approver');
    const response = await t.app.inject({
      url: `/api/v1/counties/${FIXTURE_COUNTY}/computed-indicators/trend?indicator=INFANT_MORTALITY&from=2022&to=2024`,
      headers: { cookie: viewer },
    });
    expect(response.statusCode).toBe(200);
    const trend = response.json<ComputedTrendResponse>();
    expect(trend).toMatchObject({ code: 'INFANT_MORTALITY', years: [2022, 2023, 2024] });
    expect(trend.orgUnits[0]?.orgUnit).toBe(FIXTURE_COUNTY);
    const chengguan = trend.orgUnits.find((u) => u.orgUnit === CHENGGUAN);
    expect(chengguan?.points.find((p) => p.year === FIXTURE_YEAR)).toMatchObject({
      numerator: 2,
      denominator: 400,
      value: 5,
    });
    expect(chengguan?.points.map((p) => p.year)).toEqual([2022, 2023, 2024]);
  });

  it('defaults the trend to the plan baseline year through the default year', async () => {
    const viewer = await login(t.app, 'approver');
    const response = await t.app.inject({
      url: `/api/v1/counties/${FIXTURE_COUNTY}/computed-indicators/trend?indicator=CRUDE_BIRTH_RATE&to=2023`,
      headers: { cookie: viewer },
    });
    expect(response.json<ComputedTrendResponse>().years).toEqual([2020, 2021, 2022, 2023]);
  });

  it('refuses an unknown indicator and a reversed or too long range', async () => {
    const viewer = await login(t.app, 'approver');
    const trend = (query: string) =>
      t.app.inject({
        url: `/api/v1/counties/${FIXTURE_COUNTY}/computed-indicators/trend?${query}`,
        headers: { cookie: viewer },
      });
    const unknown = await trend('indicator=NO_SUCH');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ApiError>()).toMatchObject({ error: 'unknown_indicator' });
    expect((await trend('indicator=CRUDE_BIRTH_RATE&from=2024&to=2022')).json<ApiError>()).toMatchObject({
      error: 'invalid_range',
      message: '起始年份 2024 晚于结束年份 2022',
    });
    expect((await trend('indicator=CRUDE_BIRTH_RATE&from=2000&to=2030')).statusCode).toBe(400);
  });

  it('answers 404 outside the user scope', async () => {
    const planner = await login(t.app, 'planner');
    const response = await t.app.inject({
      url: `/api/v1/counties/140423/computed-indicators?year=${FIXTURE_YEAR}`,
      headers: { cookie: planner },
    });
    expect(response.statusCode).toBe(404);
    const trend = await t.app.inject({
      url: '/api/v1/counties/140423/computed-indicators/trend?indicator=CRUDE_BIRTH_RATE',
      headers: { cookie: planner },
    });
    expect(trend.statusCode).toBe(404);
  });
});
