import type { AlertDetail, AlertListResponse, Role } from '@chp/core';
import { CHENGGUAN, HUANGQUQIAO, raiseAlertsForDate, schema, testDatabaseKinds } from '@chp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, createTestApp } from '../test-support.js';
import type { TestApp } from '../test-support.js';

const COUNTY = '640221';
const base = `/api/v1/counties/${COUNTY}/surveillance`;

const USERS: { username: string; role: Role; orgUnitCode: string }[] = [
  { username: 'county-cdc', role: 'cdc', orgUnitCode: COUNTY },
  { username: 'chengguan-cdc', role: 'cdc', orgUnitCode: CHENGGUAN },
  { username: 'chengguan-thc', role: 'township_health_center', orgUnitCode: CHENGGUAN },
];

describe.each(testDatabaseKinds())('alert routes on %s', (kind) => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  const ids = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { db } = t.database;
    for (const user of USERS) {
      cookies.set(user.username, await addTestUser(t, user.username, user.role, user.orgUnitCode));
    }
    const result = { countyCode: COUNTY, assessedDate: '2026-05-10', subject: 'fever', method: 'ears-c1' };
    await db.insert(schema.detectionResult).values(
      [
        { source: 'pharmacy', areaCode: CHENGGUAN },
        { source: 'case', areaCode: CHENGGUAN },
        { source: 'pharmacy', areaCode: HUANGQUQIAO },
        { source: 'pharmacy', areaCode: COUNTY },
      ].map((r) => ({ ...result, ...r, observed: 8, upperbound: 3, alarm: true, runId: 1 }))
    );
    expect(await raiseAlertsForDate(db, COUNTY, '2026-05-10')).toEqual({ raised: 3, updated: 0 });
    for (const row of await db.select().from(schema.alert)) ids.set(row.areaCode, row.id);
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (username: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `${base}${url}`,
      headers: { cookie: cookies.get(username) ?? '' },
      payload: payload as object,
    });

  it('lists alerts by scope: township users only their township', async () => {
    const county = (await call('county-cdc', 'GET', '/alerts')).json<AlertListResponse>();
    expect(county.total).toBe(3);
    const township = (await call('chengguan-thc', 'GET', '/alerts')).json<AlertListResponse>();
    expect(township.alerts.map((a) => [a.areaCode, a.grade])).toEqual([[CHENGGUAN, 'yellow']]);
    expect((await call('chengguan-thc', 'GET', `/alerts/${ids.get(COUNTY)}`)).statusCode).toBe(404);
    const yellow = (await call('county-cdc', 'GET', '/alerts?grade=yellow')).json<AlertListResponse>();
    expect(yellow.alerts.map((a) => a.areaCode)).toEqual([CHENGGUAN]);
  });

  it('works an alert: 409 on an illegal transition, 403 without alert.manage, escalation once', async () => {
    const id = ids.get(CHENGGUAN);
    const illegal = await call('chengguan-cdc', 'POST', `/alerts/${id}/transition`, { to: 'closed', note: '结束' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json()).toMatchObject({ message: '预警状态不能从“新预警”变为“结案”' });
    expect((await call('chengguan-thc', 'POST', `/alerts/${id}/transition`, { to: 'verifying' })).statusCode).toBe(403);
    expect((await call('chengguan-cdc', 'POST', `/alerts/${id}/transition`, { to: 'verifying' })).statusCode).toBe(200);
    const other = ids.get(HUANGQUQIAO);
    expect((await call('chengguan-cdc', 'POST', `/alerts/${other}/transition`, { to: 'verifying' })).statusCode).toBe(
      404
    );
    expect((await call('county-cdc', 'POST', `/alerts/${id}/transition`, { to: 'confirmed' })).statusCode).toBe(200);
    expect((await call('county-cdc', 'POST', `/alerts/${id}/notes`, { note: '已流调' })).statusCode).toBe(201);
    const escalated = await call('county-cdc', 'POST', `/alerts/${id}/escalate`, {});
    expect(escalated.statusCode).toBe(201);
    expect((await call('county-cdc', 'POST', `/alerts/${id}/escalate`, {})).statusCode).toBe(409);
    const detail = (await call('chengguan-thc', 'GET', `/alerts/${id}`)).json<AlertDetail>();
    expect(detail.events.map((e) => e.action)).toEqual(['raised', 'status', 'status', 'note', 'escalate']);
    expect(detail.results).toHaveLength(2);
    const metrics = await call('county-cdc', 'GET', '/alerts/metrics?from=2026-01-01&to=2030-12-31');
    expect(metrics.json()).toMatchObject({
      overall: { alerts: 3, toVerifying: { count: 1 }, toVerified: { count: 1 } },
    });
  });

  it('reads and changes the grading rules, county-level users only', async () => {
    expect((await call('chengguan-thc', 'GET', '/alert-rules')).json()).toMatchObject({ windowDays: 3 });
    const rules = { windowDays: 5, immediateMethods: ['immediate'], sourceRules: [{ grade: 'yellow', minSources: 2 }] };
    expect((await call('chengguan-cdc', 'PUT', '/alert-rules', rules)).statusCode).toBe(403);
    expect((await call('county-cdc', 'PUT', '/alert-rules', { ...rules, windowDays: 99 })).statusCode).toBe(400);
    expect((await call('county-cdc', 'PUT', '/alert-rules', rules)).json()).toEqual(rules);
    expect((await call('county-cdc', 'GET', '/alert-rules')).json()).toEqual(rules);
  });
});
