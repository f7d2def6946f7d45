import { schema, testDatabaseKinds } from '@chp/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login } from '../test-support.js';
import type { TestApp } from '../test-support.js';

// 平罗县's prose target "全县人均预期寿命……达到全区平均水平" is measured against the region's average.
const INDICATOR = '640221-P002';

describe.each(testDatabaseKinds())('regional references on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('sets the 全区平均水平 a target refers to, and evaluation uses it', async () => {
    const planner = await login(t.app, 'planner');
    const put = (value: number): Promise<{ statusCode: number; json: () => unknown }> =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/indicators/${INDICATOR}/references/2023`,
        headers: { cookie: planner },
        payload: { value, sourceDocument: '宁夏卫生健康统计公报2023' },
      });
    expect((await put(76.9)).statusCode).toBe(200);
    expect((await put(77.1)).json()).toMatchObject({ indicatorId: INDICATOR, year: 2023, value: 77.1 });

    const detail = await t.app.inject({
      url: `/api/v1/indicators/${INDICATOR}?year=2023`,
      headers: { cookie: planner },
    });
    const body = detail.json<{
      regionalReferences: { year: number; value: number }[];
      indicator: { evaluation: { resolvedTarget: number | null } };
    }>();
    expect(body.regionalReferences).toEqual([{ year: 2023, value: 77.1, sourceDocument: '宁夏卫生健康统计公报2023' }]);
    expect(body.indicator.evaluation.resolvedTarget).toBe(77.1);

    const audit = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entity, 'regional_reference'), eq(schema.auditLog.entityId, `${INDICATOR}/2023`)));
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [null, { value: 76.9, sourceDocument: '宁夏卫生健康统计公报2023' }],
      [
        { value: 76.9, sourceDocument: '宁夏卫生健康统计公报2023' },
        { value: 77.1, sourceDocument: '宁夏卫生健康统计公报2023' },
      ],
    ]);
  });

  it('refuses users without value.enter on the county, and unknown indicators', async () => {
    const approver = await login(t.app, 'approver');
    const refused = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/indicators/${INDICATOR}/references/2023`,
      headers: { cookie: approver },
      payload: { value: 1 },
    });
    expect(refused.statusCode).toBe(403);
    const planner = await login(t.app, 'planner');
    const otherCounty = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/indicators/140423-T01/references/2023',
      headers: { cookie: planner },
      payload: { value: 1 },
    });
    expect(otherCounty.statusCode).toBe(403);
    const unknown = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/indicators/640221-X99/references/2023',
      headers: { cookie: planner },
      payload: { value: 1 },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
