import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alert, appUser, auditLog, userRole } from '../../schema.js';
import { openTestDatabase, testDatabaseKinds } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import { alertDetail, alertResponseMetrics, listAlerts } from './alert-queries.js';
import type { AlertScope } from './alert-scope.js';
import { COUNTY, TOWN_A, TOWN_B, addResults } from './alert-testing.js';
import { addAlertNote, assignAlert, escalateAlert, transitionAlert } from './alert-workflow.js';
import { raiseAlertsForDate } from './raise-alerts.js';

const actor = { userId: 1, username: 'cdc', ip: null };
const county: AlertScope = { countyCode: COUNTY, townships: null };
const townA: AlertScope = { countyCode: COUNTY, townships: [TOWN_A] };
const raisedAt = new Date('2026-05-10T00:00:00Z');
const at = (minutes: number): Date => new Date(raisedAt.getTime() + minutes * 60_000);

describe.each(testDatabaseKinds())('working alerts on %s', (kind) => {
  let database: TestDatabase;
  let idA: number;
  let idB: number;
  let idCounty: number;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const { db } = database;
    await addResults(db, [
      { date: '2026-05-10', source: 'pharmacy' },
      { date: '2026-05-10', source: 'pharmacy', area: TOWN_B },
      { date: '2026-05-10', source: 'pharmacy', area: COUNTY },
    ]);
    await raiseAlertsForDate(db, COUNTY, '2026-05-10');
    await db.update(alert).set({ raisedAt });
    const ids = new Map((await db.select().from(alert)).map((a) => [a.areaCode, a.id]));
    [idA, idB, idCounty] = [ids.get(TOWN_A) ?? 0, ids.get(TOWN_B) ?? 0, ids.get(COUNTY) ?? 0];
    const user = { displayName: '用户', passwordHash: 'x' };
    await db.insert(appUser).values([
      { ...user, id: 1, username: 'cdc' },
      { ...user, id: 2, username: 'townB' },
      { ...user, id: 3, username: 'doctor' },
    ]);
    await db.insert(userRole).values([
      { userId: 1, role: 'cdc', orgUnitCode: COUNTY, countyCode: COUNTY },
      { userId: 2, role: 'cdc', orgUnitCode: TOWN_B, countyCode: COUNTY },
      { userId: 3, role: 'county_hospital', orgUnitCode: COUNTY, countyCode: COUNTY },
    ]);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('follows the workflow with timestamps and refuses illegal steps in Chinese', async () => {
    const { db } = database;
    await expect(transitionAlert(db, actor, county, idA, 'confirmed', null)).rejects.toMatchObject({
      kind: 'conflict',
      message: '预警状态不能从“新预警”变为“确认”',
    });
    await transitionAlert(db, actor, county, idA, 'verifying', null, at(10));
    await expect(transitionAlert(db, actor, county, idA, 'excluded', '')).rejects.toMatchObject({ kind: 'invalid' });
    await transitionAlert(db, actor, county, idA, 'confirmed', '核实为聚集性疫情', at(40));
    await transitionAlert(db, actor, county, idA, 'investigating', null, at(50));
    const closed = await transitionAlert(db, actor, county, idA, 'closed', '已控制', at(100));
    expect(closed).toMatchObject({ status: 'closed', verifyingAt: at(10), verifiedAt: at(40), closedAt: at(100) });
    await transitionAlert(db, actor, county, idB, 'verifying', null, at(30));
    await transitionAlert(db, actor, county, idB, 'excluded', '药店促销', at(60));
    const audits = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(idA)));
    expect(audits.filter((a) => a.action === 'status')).toHaveLength(4);
  });

  it('measures response times on the timestamps', async () => {
    const metrics = await alertResponseMetrics(database.db, county, '2026-05-10', '2026-05-10');
    expect(metrics.overall).toMatchObject({
      alerts: 3,
      toVerifying: { count: 2, medianMinutes: 20, p90Minutes: 28 },
      toVerified: { count: 2, medianMinutes: 50, p90Minutes: 58 },
      toClosed: { count: 2, medianMinutes: 80, p90Minutes: 96 },
    });
    expect(metrics.byTownship.map((r) => r.key)).toEqual([COUNTY, TOWN_A, TOWN_B]);
    const empty = await alertResponseMetrics(database.db, county, '2026-05-11', '2026-05-12');
    expect(empty.overall.alerts).toBe(0);
  });

  it('assigns only users who may manage alerts in the area, and keeps notes', async () => {
    const { db } = database;
    await expect(assignAlert(db, actor, county, idCounty, 2)).rejects.toMatchObject({ kind: 'invalid' });
    await expect(assignAlert(db, actor, county, idCounty, 3)).rejects.toMatchObject({ kind: 'invalid' });
    expect(await assignAlert(db, actor, county, idCounty, 1)).toMatchObject({ assigneeId: 1 });
    await addAlertNote(db, actor, county, idCounty, '已电话联系药店');
    const detail = await alertDetail(db, county, idCounty);
    expect(detail.events.map((e) => e.action)).toEqual(['raised', 'assign', 'note']);
    expect(detail.results).toEqual([
      { assessedDate: '2026-05-10', source: 'pharmacy', method: 'ears-c1', observed: 9, upperbound: 4, alarm: true },
    ]);
  });

  it('escalates a confirmed alert once', async () => {
    const { db } = database;
    await expect(escalateAlert(db, actor, county, idCounty, null)).rejects.toMatchObject({ kind: 'conflict' });
    await transitionAlert(db, actor, county, idCounty, 'verifying', null);
    await transitionAlert(db, actor, county, idCounty, 'confirmed', null);
    const event = await escalateAlert(db, actor, county, idCounty, '某药店退热药销售聚集');
    expect(event).toMatchObject({ alertId: idCounty, title: '某药店退热药销售聚集', status: 'open' });
    await expect(escalateAlert(db, actor, county, idCounty, null)).rejects.toMatchObject({ kind: 'conflict' });
    expect((await alertDetail(db, county, idCounty)).emergencyEventId).toBe(event.id);
  });

  it('shows a township user only its township, not county-wide alerts', async () => {
    const { db } = database;
    const list = await listAlerts(db, townA, { page: 1, pageSize: 10 });
    expect(list.alerts.map((a) => a.id)).toEqual([idA]);
    await expect(alertDetail(db, townA, idCounty)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(transitionAlert(db, actor, townA, idB, 'closed', 'x')).rejects.toMatchObject({ kind: 'not_found' });
    const filtered = await listAlerts(db, county, { status: 'excluded', page: 1, pageSize: 10 });
    expect(filtered).toMatchObject({ total: 1, alerts: [{ id: idB }] });
    expect((await listAlerts(db, county, { page: 2, pageSize: 2 })).alerts).toHaveLength(1);
  });
});
