import type { ApiError, SignalCountPage, SignalIngestResult, SignalSeries, SurveillanceSiteView } from '@chp/core';
import { CHENGGUAN, testDatabaseKinds } from '@chp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, createTestApp, login, multipartFiles } from '../test-support.js';
import type { TestApp } from '../test-support.js';

const COUNTY = '640221';
const OTHER = '640221101';
const BASE = `/api/v1/counties/${COUNTY}/surveillance`;

describe.each(testDatabaseKinds())('surveillance signal API on %s', (kind) => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  const as = (username: string): { cookie: string } => ({ cookie: cookies.get(username) ?? '' });

  beforeAll(async () => {
    t = await createTestApp(kind);
    cookies.set('chengguan-thc', await addTestUser(t, 'chengguan-thc', 'township_health_center', CHENGGUAN));
    cookies.set('admin', await login(t.app, 'admin'));
    for (const [code, kind, townshipCode] of [
      ['P1', 'pharmacy', CHENGGUAN],
      ['S1', 'school', OTHER],
      ['L1', 'laboratory', CHENGGUAN],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: `${BASE}/sites`,
        headers: as('admin'),
        payload: { code, name: code, kind, townshipCode },
      });
      expect(response.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a batch once (201) and answers a repeat with 200 and no change', async () => {
    const payload = {
      batchId: 'api-1',
      rows: [{ site: 'P1', date: '2026-01-05', signal: 'antipyretic_sales', count: 4 }],
    };
    const first = await t.app.inject({ method: 'POST', url: `${BASE}/signals/batches`, headers: as('admin'), payload });
    expect(first.statusCode).toBe(201);
    expect(first.json<SignalIngestResult>()).toMatchObject({ inserted: 1, repeated: false });
    const again = await t.app.inject({ method: 'POST', url: `${BASE}/signals/batches`, headers: as('admin'), payload });
    expect(again.statusCode).toBe(200);
    expect(again.json<SignalIngestResult>().repeated).toBe(true);
  });

  it('accepts laboratory positives by disease code from the catalogue', async () => {
    const rows = [
      { site: 'L1', date: '2026-01-05', signal: 'covid19', count: 2 },
      { site: 'L1', date: '2026-01-05', signal: 'no_such_disease', count: 1 },
    ];
    const response = await t.app.inject({
      method: 'POST',
      url: `${BASE}/signals/batches`,
      headers: as('admin'),
      payload: { batchId: 'lab-1', rows },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json<ApiError>().details?.map((d) => d.row)).toEqual([2]);
  });

  it('rejects a bad batch with every error and writes nothing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `${BASE}/signals/batches`,
      headers: as('admin'),
      payload: {
        batchId: 'api-bad',
        rows: [
          { site: 'S1', date: '2026-01-06', signal: 'absence_fever', count: 3 },
          { site: 'S1', date: '2026-01-06', signal: 'antipyretic_sales', count: -2 },
        ],
      },
    });
    expect(response.statusCode).toBe(422);
    const body = response.json<ApiError>();
    expect(body.details?.map((d) => [d.row, d.column])).toEqual([
      [2, 'signal'],
      [2, 'count'],
    ]);
    const listing = await t.app.inject({ method: 'GET', url: `${BASE}/signals?site=S1`, headers: as('admin') });
    expect(listing.json<SignalCountPage>().total).toBe(0);
  });

  it('imports a CSV by hash, replaces a late correction and serves the series', async () => {
    const csv = 'site,date,signal,count\nP1,2026-01-05,antipyretic_sales,9\nS1,2026-01-06,absence_fever,2\n';
    const upload = async (): Promise<SignalIngestResult> => {
      const body = multipartFiles([{ name: 'signals.csv', data: csv }]);
      const response = await t.app.inject({
        method: 'POST',
        url: `${BASE}/signals/import`,
        headers: { ...as('admin'), ...body.headers },
        payload: body.payload,
      });
      expect(response.statusCode).toBeLessThan(300);
      return response.json<SignalIngestResult>();
    };
    expect(await upload()).toMatchObject({ channel: 'csv', inserted: 1, replaced: 1, repeated: false });
    expect(await upload()).toMatchObject({ repeated: true });
    const series = await t.app.inject({
      method: 'GET',
      url: `${BASE}/signals/series?signal=antipyretic_sales&area=${COUNTY}&from=2026-01-04&to=2026-01-05`,
      headers: as('admin'),
    });
    expect(series.json<SignalSeries>().points).toEqual([
      { date: '2026-01-04', count: 0 },
      { date: '2026-01-05', count: 9 },
    ]);
  });

  it('keeps a township user to its township', async () => {
    const sites = await t.app.inject({ method: 'GET', url: `${BASE}/sites`, headers: as('chengguan-thc') });
    expect(sites.json<SurveillanceSiteView[]>().map((s) => s.code)).toEqual(['L1', 'P1']);
    const manual = await t.app.inject({
      method: 'POST',
      url: `${BASE}/signals`,
      headers: as('chengguan-thc'),
      payload: { site: 'S1', date: '2026-01-07', signal: 'absence_other', count: 1 },
    });
    expect(manual.statusCode).toBe(422);
    const own = await t.app.inject({
      method: 'POST',
      url: `${BASE}/signals`,
      headers: as('chengguan-thc'),
      payload: { site: 'P1', date: '2026-01-07', signal: 'antidiarrhoeal_sales', count: 1 },
    });
    expect(own.statusCode).toBe(201);
    const series = await t.app.inject({
      method: 'GET',
      url: `${BASE}/signals/series?signal=absence_fever&area=${OTHER}&from=2026-01-06&to=2026-01-06`,
      headers: as('chengguan-thc'),
    });
    expect(series.statusCode).toBe(403);
  });
});
