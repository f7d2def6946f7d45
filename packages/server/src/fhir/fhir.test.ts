import type { MonitoringValue } from '@chp/core';
import { readPlanFile, testDatabaseKinds } from '@chp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login } from '../test-support.js';
import type { TestApp } from '../test-support.js';

interface Bundle {
  resourceType: string;
  type: string;
  total: number;
  entry: { resource: Record<string, unknown> }[];
}

describe.each(testDatabaseKinds())('FHIR on %s', (kind) => {
  let t: TestApp;
  let planner: string;
  let approvedId: number;
  beforeAll(async () => {
    t = await createTestApp(kind);
    planner = await login(t.app, 'planner');
    const approver = await login(t.app, 'approver');
    const post = (cookie: string, url: string, payload?: object) =>
      t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
    const approved = (
      await post(planner, '/api/v1/values', { indicatorId: '640221-T04', year: 2023, value: 3.1, submit: true })
    ).json<MonitoringValue>();
    await post(approver, `/api/v1/values/${approved.id}/approve`);
    approvedId = approved.id;
    // A draft is not published as a MeasureReport.
    await post(planner, '/api/v1/values', { indicatorId: '640221-T03', year: 2023, value: 18 });
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string, cookie = planner) => t.app.inject({ url, headers: { cookie } });

  it('serves a CapabilityStatement without a session', async () => {
    const response = await t.app.inject({ url: '/fhir/metadata' });
    expect(response.headers['content-type']).toContain('application/fhir+json');
    expect(response.json()).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
  });

  it('finds the plan indicators as Measures, scoped to the user', async () => {
    const plan = readPlanFile('640221');
    const bundle = (await get('/fhir/Measure?county=640221')).json<Bundle>();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: plan.indicators.length });
    expect(bundle.entry.map((e) => e.resource['id'])).toEqual(plan.indicators.map((i) => i.id));
    const infant = bundle.entry.find((e) => e.resource['id'] === '640221-T04')!.resource;
    expect(infant).toMatchObject({
      resourceType: 'Measure',
      identifier: [{ system: 'urn:chp:indicator', value: '640221-T04' }],
      title: '婴儿死亡率',
      scoring: { coding: [{ code: 'continuous-variable' }] },
      improvementNotation: { coding: [{ code: 'decrease' }] },
      jurisdiction: [{ coding: [{ code: '640221' }] }],
    });
    expect(infant['guidance']).toContain('≤3');

    const byIdentifier = (await get('/fhir/Measure?identifier=urn:chp:indicator|640221-T04')).json<Bundle>();
    expect(byIdentifier.total).toBe(1);
    const byName = (await get(`/fhir/Measure?name=${encodeURIComponent('死亡率')}`)).json<Bundle>();
    expect(byName.total).toBe(plan.indicators.filter((i) => i.name.includes('死亡率')).length);
    // Out of scope: nothing found, single read is 404.
    expect((await get('/fhir/Measure?county=140423')).json<Bundle>().total).toBe(0);
    const outside = await get('/fhir/Measure/140423-T01');
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toMatchObject({ resourceType: 'OperationOutcome' });
  });

  it('publishes only approved values as MeasureReports', async () => {
    const bundle = (await get('/fhir/MeasureReport?county=640221&period=2023')).json<Bundle>();
    expect(bundle.total).toBe(1);
    expect(bundle.entry[0]!.resource).toMatchObject({
      resourceType: 'MeasureReport',
      id: String(approvedId),
      status: 'complete',
      type: 'summary',
      measure: 'Measure/640221-T04',
      subject: { identifier: { value: '640221' }, display: '平罗县' },
      period: { start: '2023-01-01', end: '2023-12-31' },
      group: [{ measureScore: { value: 3.1, unit: '‰' } }],
    });
    expect((await get('/fhir/MeasureReport?measure=Measure/640221-T03')).json<Bundle>().total).toBe(0);
    expect((await get('/fhir/MeasureReport?period=2022')).json<Bundle>().total).toBe(0);
    expect((await get(`/fhir/MeasureReport/${approvedId}`)).json()).toMatchObject({ measure: 'Measure/640221-T04' });
    expect((await t.app.inject({ url: '/fhir/MeasureReport' })).statusCode).toBe(401);
  });
});
