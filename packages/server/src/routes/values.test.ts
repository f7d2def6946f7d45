import type { DashboardResponse, IndicatorDetailResponse, MonitoringValue } from '@chp/core';
import { schema, testDatabaseKinds } from '@chp/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login } from '../test-support.js';
import type { TestApp } from '../test-support.js';

const INFANT_MORTALITY = '640221-T04';

describe.each(testDatabaseKinds())('values workflow on %s', (kind) => {
  let t: TestApp;
  let planner: string;
  let approver: string;
  let both: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    [planner, approver, both] = await Promise.all([
      login(t.app, 'planner'),
      login(t.app, 'approver'),
      login(t.app, 'both'),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (cookie: string, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  const get = (cookie: string, url: string) => t.app.inject({ url: `/api/v1${url}`, headers: { cookie } });

  it('keeps a planner of 平罗县 out of 襄垣县: 404 on reads, 403 on writes', async () => {
    expect((await get(planner, '/counties')).json<{ countyCode: string }[]>().map((c) => c.countyCode)).toEqual([
      '640221',
    ]);
    expect((await get(planner, '/counties/140423/dashboard')).statusCode).toBe(404);
    expect((await get(planner, '/indicators/140423-T01')).statusCode).toBe(404);
    expect((await get(planner, '/counties/140423/findings')).statusCode).toBe(404);
    const write = await post(planner, '/values', { indicatorId: '140423-T01', year: 2023, value: 78 });
    expect(write.statusCode).toBe(403);
    expect(await t.database.db.select().from(schema.indicatorValue)).toHaveLength(0);
    // Approving needs value.approve: a planner is refused before any lookup.
    expect((await post(planner, '/values/1/approve')).statusCode).toBe(403);
  });

  it('enters, submits and approves a 2023 value; the dashboard then shows it and its status', async () => {
    const before = (await get(planner, '/counties/640221/dashboard?year=2023')).json<DashboardResponse>();
    expect(before.indicators.find((i) => i.id === INFANT_MORTALITY)?.evaluation.status).toBe('no_data');

    const saved = await post(planner, '/values', {
      indicatorId: INFANT_MORTALITY,
      year: 2023,
      value: 3.1,
      sourceDocument: '2023年卫生统计年报',
    });
    expect(saved.statusCode).toBe(200);
    const draft = saved.json<MonitoringValue>();
    expect(draft).toMatchObject({
      status: 'draft',
      version: 1,
      orgUnitCode: '640221',
      orgUnitName: '平罗县',
      enteredBy: 'planner',
    });

    const edited = (
      await post(planner, '/values', { indicatorId: INFANT_MORTALITY, year: 2023, value: 3.2 })
    ).json<MonitoringValue>();
    expect(edited).toMatchObject({ id: draft.id, status: 'draft', version: 2, value: 3.2 });

    // Approval is for submitted values only.
    expect((await post(approver, `/values/${draft.id}/approve`)).statusCode).toBe(409);
    expect((await post(planner, `/values/${draft.id}/submit`)).json<MonitoringValue>().status).toBe('submitted');
    const queue = (await get(approver, '/approvals')).json<MonitoringValue[]>();
    expect(queue.map((v) => v.id)).toEqual([draft.id]);

    const approved = await post(approver, `/values/${draft.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json<MonitoringValue>()).toMatchObject({ status: 'approved', approvedBy: 'approver', value: 3.2 });

    const dashboard = (await get(planner, '/counties/640221/dashboard?year=2023')).json<DashboardResponse>();
    const summary = dashboard.indicators.find((i) => i.id === INFANT_MORTALITY)!;
    expect(summary.series).toEqual([{ year: 2023, value: 3.2 }]);
    expect(summary.evaluation).toMatchObject({ year: 2023, value: 3.2, valueYear: 2023 });
    expect(summary.evaluation.status).not.toBe('no_data');
    expect(dashboard.statusCounts[summary.evaluation.status]).toBeGreaterThan(0);
    expect(Object.values(dashboard.statusCounts).reduce((a, b) => a + b, 0)).toBe(dashboard.indicators.length);
    expect(dashboard.county).toMatchObject({ countyCode: '640221', name: '平罗县', hasPlan: true });

    const detail = (await get(planner, `/indicators/${INFANT_MORTALITY}`)).json<IndicatorDetailResponse>();
    expect(detail.history.map((h) => h.action)).toEqual(['create', 'update', 'submit', 'approve']);
    expect(detail.trajectory.length).toBeGreaterThan(0);
    expect(detail.evaluations.map((e) => e.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it('refuses self-approval with a clear 403 and lets another approver return with a reason', async () => {
    const value = (
      await post(both, '/values', { indicatorId: '640221-T03', year: 2022, value: 20, submit: true })
    ).json<MonitoringValue>();
    expect(value.status).toBe('submitted');
    const self = await post(both, `/values/${value.id}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ error: 'self_approval' });
    expect(self.json<{ message: string }>().message).toContain('不能审核自己录入的数据');

    expect((await post(approver, `/values/${value.id}/return`, { reason: ' ' })).statusCode).toBe(400);
    const returned = (
      await post(approver, `/values/${value.id}/return`, { reason: '与年报不一致' })
    ).json<MonitoringValue>();
    expect(returned).toMatchObject({ status: 'returned', returnReason: '与年报不一致' });
    const resubmitted = (
      await post(both, '/values', { indicatorId: '640221-T03', year: 2022, value: 19, submit: true })
    ).json<MonitoringValue>();
    expect(resubmitted).toMatchObject({ id: value.id, status: 'submitted', version: 2, returnReason: null });
  });

  it('rejects implausible values, years outside the plan and org units outside the county', async () => {
    const percent = await post(planner, '/values', { indicatorId: '640221-T08', year: 2023, value: 140 });
    expect(percent.statusCode).toBe(400);
    const year = await post(planner, '/values', { indicatorId: INFANT_MORTALITY, year: 2019, value: 3 });
    expect(year.statusCode).toBe(400);
    expect(year.json<{ message: string }>().message).toContain('2019');
    const unit = await post(planner, '/values', {
      indicatorId: INFANT_MORTALITY,
      orgUnitCode: '140423100',
      year: 2023,
      value: 3,
    });
    expect(unit.statusCode).toBe(403);
  });

  it('sends an approved value back to draft as a new version when it is entered again', async () => {
    const [row] = await t.database.db
      .select()
      .from(schema.indicatorValue)
      .where(eq(schema.indicatorValue.indicatorId, INFANT_MORTALITY));
    const again = (
      await post(planner, '/values', { indicatorId: INFANT_MORTALITY, year: 2023, value: 3.0 })
    ).json<MonitoringValue>();
    expect(again).toMatchObject({ id: row!.id, status: 'draft', version: row!.version + 1, approvedBy: null });
    const history = await t.database.db
      .select()
      .from(schema.indicatorValueHistory)
      .where(eq(schema.indicatorValueHistory.valueId, row!.id));
    expect(history.filter((h) => h.action === 'approve').map((h) => h.value)).toEqual([3.2]);
  });

  it('writes audit rows with before and after for every step, readable by admins only', async () => {
    const rows = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entity, 'indicator_value'), eq(schema.auditLog.action, 'value.approve')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      username: 'approver',
      countyCode: '640221',
      before: { status: 'submitted' },
      after: { status: 'approved' },
    });
    expect(rows[0]!.ip).toBeTruthy();
    expect((await get(planner, '/audit')).statusCode).toBe(403);
    const admin = await login(t.app, 'admin');
    const entries = (await get(admin, '/audit?entity=indicator_value&limit=100')).json<{ action: string }[]>();
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['value.create', 'value.update', 'value.submit', 'value.approve', 'value.return'])
    );
  });
});
