import { addFacilities, testDatabaseKinds } from '@chp/db';
import type { FacilityInput } from '@chp/db';
import type { FacilityOption } from '@chp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, createTestApp, login } from '../test-support.js';
import type { TestApp } from '../test-support.js';

const COUNTY = '640221';
const TOWNSHIP = '640221100';
const OTHER_TOWNSHIP = '640221101';

function facility(sourceRef: string, orgUnitCode: string, validTo: number | null = null): FacilityInput {
  return {
    orgUnitCode,
    sourceRef,
    name: `机构${sourceRef}`,
    facilityType: 'township_health_center',
    grade: null,
    ownership: 'public',
    consortium: null,
    validFrom: 2000,
    validTo,
  };
}

describe.each(testDatabaseKinds())('facility pick list on %s', (kind) => {
  let t: TestApp;
  const url = `/api/v1/counties/${COUNTY}/facilities`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { db } = t.database;
    const actor = { userId: null, username: 'test', ip: null };
    await addFacilities(db, actor, COUNTY, [
      facility('F1', COUNTY),
      facility('F2', TOWNSHIP),
      facility('F3', OTHER_TOWNSHIP),
      facility('F4', TOWNSHIP, 2010),
    ]);
    await addTestUser(t, 'thc', 'township_health_center', TOWNSHIP);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists open facilities: the county sees all, a township its own and the county-level ones', async () => {
    const get = async (username: string): Promise<string[]> => {
      const cookie = await login(t.app, username);
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      return res.json<FacilityOption[]>().map((f) => f.name);
    };
    expect(await get('admin')).toEqual(['机构F1', '机构F2', '机构F3']);
    expect(await get('thc')).toEqual(['机构F1', '机构F2']);
  });

  it('needs case.report', async () => {
    const cookie = await login(t.app, 'planner');
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie } })).statusCode).toBe(403);
  });
});
