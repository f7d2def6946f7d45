import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alert, alertEvent, caseReport } from '../../schema.js';
import { openTestDatabase, testDatabaseKinds } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import { saveAlertRules } from './alert-rules-setting.js';
import { COUNTY, TOWN_A, TOWN_B, addResults } from './alert-testing.js';
import { raiseAlertsForDate } from './raise-alerts.js';

const actor = { userId: 1, username: 'cdc', ip: null };

describe.each(testDatabaseKinds())('raising alerts on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.destroy();
  });

  async function alertsOf(subject: string): Promise<(typeof alert.$inferSelect)[]> {
    return database.db
      .select()
      .from(alert)
      .where(and(eq(alert.countyCode, COUNTY), eq(alert.subject, subject)));
  }

  it('grades combined sources per area, county-wide apart, and a re-run changes nothing', async () => {
    const { db } = database;
    await addResults(db, [
      { date: '2026-05-08', source: 'case' },
      { date: '2026-05-09', source: 'pharmacy' },
      { date: '2026-05-10', source: 'fever_clinic' },
      { date: '2026-05-10', source: 'fever_clinic', method: 'cusum' },
      { date: '2026-05-10', source: 'pharmacy', area: TOWN_B },
      { date: '2026-05-10', source: 'school', area: TOWN_B, alarm: false },
      { date: '2026-05-10', source: 'case', area: COUNTY },
    ]);
    expect(await raiseAlertsForDate(db, COUNTY, '2026-05-10')).toEqual({ raised: 3, updated: 0 });
    const grades = (await alertsOf('fever')).map((a) => [a.areaCode, a.grade, a.firstDate]).sort();
    expect(grades).toEqual([
      [COUNTY, 'blue', '2026-05-10'],
      [TOWN_A, 'orange', '2026-05-08'],
      [TOWN_B, 'blue', '2026-05-10'],
    ]);
    expect(await raiseAlertsForDate(db, COUNTY, '2026-05-10')).toEqual({ raised: 0, updated: 0 });
    expect(await alertsOf('fever')).toHaveLength(3);
  });

  it('updates the open alert, raising its grade, never lowering it', async () => {
    const { db } = database;
    await addResults(db, [
      { date: '2026-05-11', source: 'pharmacy', area: TOWN_B },
      { date: '2026-05-11', source: 'case', area: TOWN_B },
      { date: '2026-05-12', source: 'pharmacy' },
    ]);
    expect(await raiseAlertsForDate(db, COUNTY, '2026-05-11')).toEqual({ raised: 0, updated: 1 });
    expect(await raiseAlertsForDate(db, COUNTY, '2026-05-12')).toEqual({ raised: 0, updated: 1 });
    const byArea = new Map((await alertsOf('fever')).map((a) => [a.areaCode, a]));
    expect(byArea.get(TOWN_B)).toMatchObject({ grade: 'yellow', lastDate: '2026-05-11' });
    // One source on the 12th: still orange, its last date moves on.
    expect(byArea.get(TOWN_A)).toMatchObject({ grade: 'orange', lastDate: '2026-05-12' });
    const events = await db
      .select()
      .from(alertEvent)
      .where(eq(alertEvent.alertId, byArea.get(TOWN_B)?.id ?? 0));
    expect(events.map((e) => [e.action, e.detail?.['toGrade'] ?? null])).toEqual([
      ['raised', null],
      ['updated', 'yellow'],
    ]);
  });

  it('raises red on an immediate case and records the first card facility', async () => {
    const { db } = database;
    const card = {
      countyCode: COUNTY,
      patientName: '张三',
      sex: '1',
      townshipCode: TOWN_A,
      diseaseCode: 'cholera',
      classification: 'confirmed',
      onsetDate: '2026-05-19',
      diagnosedAt: new Date('2026-05-20T02:00:00Z'),
      reportingDoctor: '李医生',
    };
    await db.insert(caseReport).values([
      { ...card, cardNumber: 'C2', facilityId: 22, reportedAt: new Date('2026-05-20T05:00:00Z') },
      { ...card, cardNumber: 'C1', facilityId: 11, reportedAt: new Date('2026-05-20T03:00:00Z') },
    ]);
    await addResults(db, [{ date: '2026-05-20', subject: 'cholera', source: 'case', method: 'immediate' }]);
    expect(await raiseAlertsForDate(db, COUNTY, '2026-05-20')).toEqual({ raised: 1, updated: 0 });
    const [red] = await alertsOf('cholera');
    expect(red).toMatchObject({ grade: 'red', status: 'new', evidence: { rule: 'immediate', facilityId: 11 } });
  });

  it('grades by the county rules stored in settings', async () => {
    const { db } = database;
    await saveAlertRules(db, actor, COUNTY, {
      windowDays: 1,
      immediateMethods: ['immediate'],
      sourceRules: [{ grade: 'yellow', minSources: 2 }],
    });
    await addResults(db, [
      { date: '2026-06-01', subject: 'rash', source: 'school' },
      { date: '2026-06-02', subject: 'rash', source: 'pharmacy' },
    ]);
    // One source in a one-day window grades nothing under these rules.
    expect(await raiseAlertsForDate(db, COUNTY, '2026-06-02')).toEqual({ raised: 0, updated: 0 });
    await expect(saveAlertRules(db, actor, COUNTY, { windowDays: 0 })).rejects.toThrow('windowDays');
  });
});
