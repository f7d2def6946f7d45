import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounty } from '../org-units/load-county.js';
import { openTestDatabase, testDatabaseKinds } from '../testing.js';
import type { TestDatabase } from '../testing.js';
import { listAudit } from './audit.js';
import { endSession, findSession, startSession } from './sessions.js';
import {
  changePassword,
  createUser,
  getSessionUser,
  listUsers,
  recordLoginFailure,
  updateUser,
  findUserByUsername,
} from './users.js';

describe.each(testDatabaseKinds())('users and sessions on %s', (kind) => {
  let database: TestDatabase;
  const admin = { userId: null, username: 'root', ip: '10.0.0.1' };
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await addCounty(database.db, '640221');
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('creates users with scoped roles and refuses unknown org units and duplicate names', async () => {
    const { db } = database;
    const user = await createUser(db, admin, {
      username: 'zhang',
      displayName: '张三',
      passwordHash: 'h1',
      mustChangePassword: true,
      roles: [
        { role: 'planner', orgUnitCode: '640221' },
        { role: 'viewer', orgUnitCode: '640221100' },
        { role: 'admin', orgUnitCode: '00' },
      ],
    });
    expect(user.roles).toEqual([
      { role: 'planner', orgUnitCode: '640221', orgUnitName: '平罗县', countyCode: '640221' },
      { role: 'viewer', orgUnitCode: '640221100', orgUnitName: '城关镇', countyCode: '640221' },
      { role: 'admin', orgUnitCode: '00', orgUnitName: '全平台', countyCode: null },
    ]);
    await expect(
      createUser(db, admin, {
        username: 'zhang',
        displayName: 'x',
        passwordHash: 'h',
        mustChangePassword: true,
        roles: [],
      })
    ).rejects.toMatchObject({ kind: 'conflict' });
    await expect(
      createUser(db, admin, {
        username: 'li',
        displayName: 'x',
        passwordHash: 'h',
        mustChangePassword: true,
        roles: [{ role: 'planner', orgUnitCode: '999999' }],
      })
    ).rejects.toMatchObject({ code: 'unknown_org_unit' });
    expect((await listUsers(db)).map((u) => u.username)).toEqual(['zhang']);
  });

  it('locks, unlocks, changes passwords and ends the other sessions', async () => {
    const { db } = database;
    const row = (await findUserByUsername(db, 'zhang'))!;
    const actor = { userId: row.id, username: 'zhang', ip: '10.0.0.2' };
    await recordLoginFailure(db, actor, row, 0, new Date(Date.now() + 60_000));
    expect((await listUsers(db))[0]?.locked).toBe(true);
    await updateUser(db, admin, row.id, { unlock: true });
    expect((await listUsers(db))[0]?.locked).toBe(false);

    const future = new Date(Date.now() + 3_600_000);
    await startSession(db, actor, row.id, 'keep', future);
    await startSession(db, actor, row.id, 'other', future);
    await changePassword(db, actor, row.id, 'h2', 'keep');
    expect(await findSession(db, 'keep')).toBeDefined();
    expect(await findSession(db, 'other')).toBeUndefined();
    expect((await getSessionUser(db, row.id))?.mustChangePassword).toBe(false);
    await endSession(db, actor, 'keep');
    expect(await findSession(db, 'keep')).toBeUndefined();

    const actions = (await listAudit(db, { limit: 50, offset: 0, scopes: null })).map((a) => a.action);
    expect(actions).toEqual([
      'auth.logout',
      'auth.change_password',
      'auth.login',
      'auth.login',
      'user.update',
      'auth.lockout',
      'user.create',
    ]);
  });
});
