import { schema, testDatabaseKinds } from '@chp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, createTestApp, login } from '../test-support.js';
import type { TestApp } from '../test-support.js';

const COUNTY = '640221';
const TOWNSHIP = '640221100';

function card(cardNumber: string, onsetDate: string, status = 'pending'): typeof schema.caseReport.$inferInsert {
  return {
    countyCode: COUNTY,
    cardNumber,
    patientName: '测试',
    sex: '1',
    townshipCode: TOWNSHIP,
    diseaseCode: 'influenza',
    classification: 'confirmed',
    onsetDate,
    diagnosedAt: new Date(`${onsetDate}T08:00:00Z`),
    reportedAt: new Date(`${onsetDate}T10:00:00Z`),
    facilityId: 1,
    reportingDoctor: '医生',
    status,
  };
}

describe.each(testDatabaseKinds())('detection API on %s', (kind) => {
  let t: TestApp;
  let cdc = '';
  let admin = '';
  let planner = '';
  const base = `/api/v1/counties/${COUNTY}/surveillance`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { db } = t.database;
    cdc = await addTestUser(t, 'cdc', 'cdc', COUNTY);
    await db
      .insert(schema.caseReport)
      .values([
        card('A1', '2026-01-05'),
        card('A2', '2026-01-05'),
        card('A3', '2026-01-07'),
        card('A4', '2026-01-13', 'deleted'),
      ]);
    admin = await login(t.app, 'admin');
    planner = await login(t.app, 'planner');
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs detection on demand for alert managers only, rejecting a future date, and lists runs and results', async () => {
    const url = `${base}/detection/runs`;
    const denied = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: planner },
      payload: { date: '2026-01-07' },
    });
    expect(denied.statusCode).toBe(403);
    const future = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: cdc },
      payload: { date: '2999-01-01' },
    });
    expect(future.statusCode).toBe(400);
    const ran = await t.app.inject({ method: 'POST', url, headers: { cookie: cdc }, payload: { date: '2026-01-07' } });
    expect(ran.statusCode).toBe(201);
    expect(ran.json()).toMatchObject({ assessedDate: '2026-01-07', seriesCount: 2 });
    const runs = await t.app.inject({ url, headers: { cookie: admin } });
    expect(runs.json()).toMatchObject([{ assessedDate: '2026-01-07', trigger: 'manual' }]);
    const results = await t.app.inject({
      url: `${base}/detection/results?date=2026-01-07`,
      headers: { cookie: admin },
    });
    expect(results.statusCode).toBe(200);
    expect(Array.isArray(results.json())).toBe(true);
  });

  it('draws the epidemic curve by onset without deleted cards, by day and by week', async () => {
    const byDay = await t.app.inject({
      url: `${base}/epicurve?disease=influenza&from=2026-01-05&to=2026-01-07`,
      headers: { cookie: admin },
    });
    expect(byDay.json()).toEqual([
      { period: '2026-01-05', cases: 2 },
      { period: '2026-01-06', cases: 0 },
      { period: '2026-01-07', cases: 1 },
    ]);
    const byWeek = await t.app.inject({
      url: `${base}/epicurve?township=${TOWNSHIP}&from=2026-01-05&to=2026-01-18&by=week`,
      headers: { cookie: admin },
    });
    expect(byWeek.json()).toEqual([
      { period: '2026-01-05', cases: 3 },
      { period: '2026-01-12', cases: 0 },
    ]);
  });
});
