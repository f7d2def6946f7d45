import type { ApiError, TownshipBoundariesResponse, TownshipBoundaryReport, TownshipRef } from '@chp/core';
import { MAX_BOUNDARY_BYTES, syntheticTownshipBoundaries } from '@chp/core';
import { listAudit, listCountyOrgUnits, testDatabaseKinds } from '@chp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, createTestApp, login } from '../test-support.js';
import type { TestApp } from '../test-support.js';

const COUNTY = '640221';
const URL = `/api/v1/counties/${COUNTY}/township-boundaries`;

describe.each(testDatabaseKinds())('township boundaries API on %s', (kind) => {
  let t: TestApp;
  let townships: TownshipRef[];
  let countyAdmin: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    townships = (await listCountyOrgUnits(t.database.db, COUNTY, 4))
      .filter((unit) => unit.level === 4)
      .map(({ code, name }) => ({ code, name }));
    countyAdmin = await addTestUser(t, 'county-admin', 'admin', COUNTY);
  });
  afterAll(async () => {
    await t.close();
  });

  const put = (cookie: string, body: string, url = URL, contentType = 'application/geo+json') =>
    t.app.inject({ method: 'PUT', url, headers: { cookie, 'content-type': contentType }, payload: body });

  it('answers 204 without a body before an upload, and 404 outside the user scope', async () => {
    const approver = await login(t.app, 'approver');
    const response = await t.app.inject({ url: URL, headers: { cookie: approver } });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    const elsewhere = await t.app.inject({
      url: '/api/v1/counties/140423/township-boundaries',
      headers: { cookie: approver },
    });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('lets the county administrator upload, reports townships without a boundary, and audits it', async () => {
    const [left, ...outlined] = townships;
    if (!left) throw new Error('no townships');
    const response = await put(countyAdmin, JSON.stringify(syntheticTownshipBoundaries(outlined)));
    expect(response.statusCode).toBe(200);
    const report = response.json<TownshipBoundaryReport>();
    expect(report).toMatchObject({ countyCode: COUNTY, uploadedBy: 'county-admin', featureCount: outlined.length });
    expect(report.missing).toEqual([left]);
    expect(report.matches.map((m) => m.townshipCode)).toEqual(outlined.map((o) => o.code));

    const [audit] = await listAudit(t.database.db, { entity: 'township_boundary', limit: 5, offset: 0, scopes: null });
    expect(audit).toMatchObject({ action: 'boundaries.upload', username: 'county-admin', countyCode: COUNTY });
  });

  it('returns the file to every reader with each feature annotated by its township', async () => {
    const response = await t.app.inject({ url: URL, headers: { cookie: await login(t.app, 'planner') } });
    expect(response.statusCode).toBe(200);
    const body = response.json<TownshipBoundariesResponse>();
    expect(body.geojson.type).toBe('FeatureCollection');
    expect(body.geojson.features.map((f) => f.properties?.['townshipCode'])).toEqual(
      townships.slice(1).map((township) => township.code)
    );
    expect(body.geojson.features[0]?.properties).toMatchObject({
      name: townships[1]?.name,
      townshipName: townships[1]?.name,
    });
    expect(body.missing.map((m) => m.code)).toEqual([townships[0]?.code]);
  });

  it('refuses invalid JSON with the line and column, and writes nothing', async () => {
    const response = await put(
      countyAdmin,
      '{"type": "FeatureCollection",\n "features": [,]}',
      URL,
      'application/json'
    );
    expect(response.statusCode).toBe(400);
    const body = response.json<ApiError>();
    expect(body).toMatchObject({
      error: 'invalid_boundaries',
      message: '乡镇边界文件未保存：文件不是有效的 JSON：第 2 行第 15 列附近有语法错误',
    });
    const stored = await t.app.inject({ url: URL, headers: { cookie: countyAdmin } });
    expect(stored.json<TownshipBoundariesResponse>().featureCount).toBe(townships.length - 1);
  });

  it('lists each feature that matches no township of the county', async () => {
    const collection = syntheticTownshipBoundaries(townships.slice(0, 3), { identifyBy: 'name' });
    const third = collection.features[2];
    if (third) third.properties = { name: '石嘴山市大武口区' };
    const response = await put(countyAdmin, JSON.stringify(collection));
    expect(response.statusCode).toBe(400);
    const body = response.json<ApiError>();
    expect(body.details?.[0]).toMatchObject({ row: 3 });
    expect(body.details?.[0]?.reason).toContain('第 3 个要素（name=石嘴山市大武口区）：未能对应到本县乡镇');
    expect(body.message).toMatch(/^乡镇边界文件未保存：第 3 个要素/u);
  });

  it('refuses a file over the size limit with the limit in the message', async () => {
    const padding = ' '.repeat(MAX_BOUNDARY_BYTES);
    const response = await put(countyAdmin, `${JSON.stringify(syntheticTownshipBoundaries(townships))}${padding}`);
    expect(response.statusCode).toBe(413);
    expect(response.json<ApiError>()).toMatchObject({
      error: 'boundaries_too_large',
      message: '乡镇边界文件超过 20 MB 上限，请先简化边界（如用 mapshaper 抽稀）再上传',
    });
  });

  it('forbids the upload to users without county management and outside the administrator’s county', async () => {
    const body = JSON.stringify(syntheticTownshipBoundaries(townships));
    expect((await put(await login(t.app, 'planner'), body)).statusCode).toBe(403);
    const elsewhere = await put(countyAdmin, body, '/api/v1/counties/140423/township-boundaries');
    expect(elsewhere.statusCode).toBe(403);
    const deletion = await t.app.inject({
      method: 'DELETE',
      url: URL,
      headers: { cookie: await login(t.app, 'approver') },
    });
    expect(deletion.statusCode).toBe(403);
  });

  it('lets the platform administrator replace and delete the boundaries', async () => {
    const admin = await login(t.app, 'admin');
    const replaced = await put(admin, JSON.stringify(syntheticTownshipBoundaries(townships, { identifyBy: 'code' })));
    expect(replaced.json<TownshipBoundaryReport>().missing).toEqual([]);
    const deleted = await t.app.inject({ method: 'DELETE', url: URL, headers: { cookie: admin } });
    expect(deleted.statusCode).toBe(204);
    expect((await t.app.inject({ url: URL, headers: { cookie: admin } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: URL, headers: { cookie: admin } })).statusCode).toBe(404);
    const [audit] = await listAudit(t.database.db, { entity: 'township_boundary', limit: 1, offset: 0, scopes: null });
    expect(audit).toMatchObject({ action: 'boundaries.delete', username: 'admin' });
  });
});
