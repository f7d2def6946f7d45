import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounty } from '../org-units/load-county.js';
import { loadPlan } from '../plans/load-plan.js';
import { readPlanFile } from '../plans/plan-files.js';
import { auditLog, indicatorValue } from '../schema.js';
import { openTestDatabase, testDatabaseKinds } from '../testing.js';
import type { TestDatabase } from '../testing.js';
import { listAudit } from './audit.js';
import { approvedCountySeries } from './indicators.js';
import { AccessError } from './errors.js';
import { createUser } from './users.js';
import { indicatorValueHistoryOf, listValues } from './value-read.js';
import { approveValue, importValues, returnValue, saveValue, submitValue } from './values.js';
import type { ActorWithId, Authorize } from './values.js';

const anywhere: Authorize = () => undefined;

describe.each(testDatabaseKinds())('value workflow on %s', (kind) => {
  let database: TestDatabase;
  let enterer: ActorWithId;
  let approver: ActorWithId;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await addCounty(database.db, '640221');
    await loadPlan(database.db, readPlanFile('640221'));
    const system = { userId: null, username: 'system', ip: null };
    const make = async (username: string): Promise<ActorWithId> => {
      const user = await createUser(database.db, system, {
        username,
        displayName: username,
        passwordHash: 'x',
        mustChangePassword: false,
        roles: [{ role: 'planner', orgUnitCode: '640221' }],
      });
      return { userId: user.id, username, ip: '127.0.0.1' };
    };
    enterer = await make('enterer');
    approver = await make('checker');
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('walks draft → submitted → returned → submitted → approved with history and audit', async () => {
    const { db } = database;
    const draft = await saveValue(db, enterer, { indicatorId: '640221-T04', year: 2022, value: 3.4 }, anywhere);
    expect(draft).toMatchObject({ status: 'draft', version: 1, enteredBy: 'enterer', orgUnitName: '平罗县' });
    await submitValue(db, enterer, draft.id, anywhere);
    await expect(submitValue(db, enterer, draft.id, anywhere)).rejects.toMatchObject({ kind: 'conflict' });
    await returnValue(db, approver, draft.id, '请附来源', anywhere);
    const again = await saveValue(
      db,
      enterer,
      { indicatorId: '640221-T04', year: 2022, value: 3.3, submit: true },
      anywhere
    );
    expect(again).toMatchObject({ id: draft.id, status: 'submitted', version: 2 });
    await expect(approveValue(db, enterer, draft.id, anywhere)).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'self_approval',
    });
    const approved = await approveValue(db, approver, draft.id, anywhere);
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'checker', value: 3.3 });

    const history = await indicatorValueHistoryOf(db, '640221-T04');
    expect(history.map((h) => [h.action, h.status, h.actor])).toEqual([
      ['create', 'draft', 'enterer'],
      ['submit', 'submitted', 'enterer'],
      ['return', 'returned', 'checker'],
      ['update', 'draft', 'enterer'],
      ['submit', 'submitted', 'enterer'],
      ['approve', 'approved', 'checker'],
    ]);
    expect(history[2]?.reason).toBe('请附来源');
    const audit = await listAudit(db, { entity: 'indicator_value', limit: 50, offset: 0, scopes: ['640221'] });
    expect(audit.map((a) => a.action)).toEqual([
      'value.approve',
      'value.update',
      'value.return',
      'value.submit',
      'value.create',
    ]);
    expect(audit[0]).toMatchObject({
      before: { status: 'submitted' },
      after: { status: 'approved' },
      countyCode: '640221',
    });
    expect(await listAudit(db, { limit: 50, offset: 0, scopes: ['140423'] })).toEqual([]);
    expect((await approvedCountySeries(db, ['640221'])).get('640221-T04')).toEqual([{ year: 2022, value: 3.3 }]);
  });

  it('rolls back when the scope check refuses, and validates year, value and org unit', async () => {
    const { db } = database;
    const refuse: Authorize = () => {
      throw new AccessError('forbidden', 'scope', 'no');
    };
    await expect(saveValue(db, enterer, { indicatorId: '640221-T04', year: 2023, value: 3 }, refuse)).rejects.toThrow(
      'no'
    );
    await expect(
      saveValue(db, enterer, { indicatorId: '640221-T04', year: 2026, value: 3 }, anywhere)
    ).rejects.toMatchObject({ kind: 'invalid' });
    await expect(
      saveValue(db, enterer, { indicatorId: '640221-T08', year: 2023, value: 120 }, anywhere)
    ).rejects.toMatchObject({ kind: 'invalid' });
    await expect(
      saveValue(db, enterer, { indicatorId: '640221-T04', orgUnitCode: '140423100', year: 2023, value: 3 }, anywhere)
    ).rejects.toMatchObject({ code: 'org_unit_outside_county' });
    await expect(saveValue(db, enterer, { indicatorId: 'nope', year: 2023, value: 3 }, anywhere)).rejects.toMatchObject(
      { kind: 'not_found' }
    );
    const rows = await db.select().from(indicatorValue).where(eq(indicatorValue.year, 2023));
    expect(rows).toEqual([]);
  });

  it('imports rows as submitted with one audit row, updating existing values to a new version', async () => {
    const { db } = database;
    const township = '640221100';
    const ids = await importValues(
      db,
      enterer,
      '640221',
      [
        { indicatorId: '640221-T04', orgUnitCode: '640221', year: 2022, value: 3.25 },
        { indicatorId: '640221-T04', orgUnitCode: township, year: 2023, value: 2.9, note: '乡镇' },
      ],
      'import.xlsx'
    );
    expect(ids).toHaveLength(2);
    const values = await listValues(db, { countyCode: '640221', indicatorId: '640221-T04' });
    expect(values.map((v) => [v.orgUnitCode, v.year, v.value, v.status, v.version, v.sourceDocument])).toEqual([
      ['640221', 2022, 3.25, 'submitted', 3, 'import.xlsx'],
      [township, 2023, 2.9, 'submitted', 1, 'import.xlsx'],
    ]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'value.import'));
    expect(audit).toHaveLength(1);
    // The approved value left the approved series: it waits for approval again.
    expect((await approvedCountySeries(db, ['640221'])).get('640221-T04')).toBeUndefined();
  });
});
