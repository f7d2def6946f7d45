import { schema, testDatabaseKinds, testIdCipher } from '@chp/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildApp } from '../app.js';
import { TEST_HASH_COST, TEST_PASSWORD, createTestApp, login } from '../test-support.js';
import type { TestApp } from '../test-support.js';
import { hashSessionToken } from './tokens.js';

describe.each(testDatabaseKinds())('auth on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers /health without a session and refuses the API without one', async () => {
    expect((await t.app.inject({ url: '/api/v1/health' })).json()).toEqual({ status: 'ok' });
    const response = await t.app.inject({ url: '/api/v1/counties' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('logs in with an httpOnly SameSite=Strict cookie whose token is stored only hashed', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'planner', password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      username: 'planner',
      mustChangePassword: false,
      roles: [{ role: 'planner', orgUnitCode: '640221', orgUnitName: '平罗县' }],
    });
    const cookie = response.cookies.find((c) => c.name === 'chp_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const token = cookie!.value;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const sessions = await t.database.db.select().from(schema.session);
    expect(sessions.map((s) => s.tokenHash)).toContain(hashSessionToken(token));
    expect(sessions.map((s) => s.tokenHash)).not.toContain(token);
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: `chp_session=${token}` } });
    expect(me.json()).toMatchObject({ username: 'planner' });
    const session = await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie: `chp_session=${token}` } });
    expect(session.json()).toMatchObject({ user: { username: 'planner' } });
  });

  it('answers /auth/session with user null and status 200 when signed out or with a stale cookie', async () => {
    for (const headers of [{}, { cookie: 'chp_session=not-a-session' }]) {
      const response = await t.app.inject({ url: '/api/v1/auth/session', headers });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ user: null });
    }
  });

  it('rejects a wrong password with 401 and a validation error with a Chinese message', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'approver', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: 'invalid_credentials' });
    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'approver' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ error: 'validation_error' });
    expect(invalid.json<{ message: string }>().message).toContain('password');
    // A later success resets the failure count.
    await login(t.app, 'approver');
    const [row] = await t.database.db.select().from(schema.appUser).where(eq(schema.appUser.username, 'approver'));
    expect(row?.failedAttempts).toBe(0);
  });

  it('locks an account for 15 minutes after 5 failures, even for the right password', async () => {
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'both', password } });
    for (let i = 0; i < 4; i++) {
      expect((await attempt('wrong-password')).statusCode).toBe(401);
    }
    const fifth = await attempt('wrong-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json<{ message: string }>().message).toMatch(/锁定至/);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(423);
    const [row] = await t.database.db.select().from(schema.appUser).where(eq(schema.appUser.username, 'both'));
    const lockMinutes = (row!.lockedUntil!.getTime() - Date.now()) / 60000;
    expect(lockMinutes).toBeGreaterThan(14);
    expect(lockMinutes).toBeLessThanOrEqual(15);
    // Once the lock has run out the right password works again.
    await t.database.db
      .update(schema.appUser)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(schema.appUser.username, 'both'));
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
    const audit = await t.database.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'auth.lockout'));
    expect(audit).toHaveLength(1);
  });

  it('ends a session after 30 idle minutes and after 12 hours', async () => {
    // Time is simulated by editing the session rows, so this app must not reuse session lookups.
    const app = await buildApp({
      db: t.database.db,
      idCipher: testIdCipher(),
      hashCost: TEST_HASH_COST,
      sessionCacheTtlMs: 0,
    });
    onTestFinished(() => app.close());
    const idle = await login(app, 'approver');
    const absolute = await login(app, 'approver');
    const hashOf = (cookie: string): string => hashSessionToken(cookie.slice('chp_session='.length));
    expect((await app.inject({ url: '/api/v1/counties', headers: { cookie: idle } })).statusCode).toBe(200);
    await t.database.db
      .update(schema.session)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60 * 1000) })
      .where(eq(schema.session.tokenHash, hashOf(idle)));
    expect((await app.inject({ url: '/api/v1/counties', headers: { cookie: idle } })).statusCode).toBe(401);
    await t.database.db
      .update(schema.session)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.session.tokenHash, hashOf(absolute)));
    expect((await app.inject({ url: '/api/v1/counties', headers: { cookie: absolute } })).statusCode).toBe(401);
    const left = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.session)
      .where(sql`${schema.session.tokenHash} in (${hashOf(idle)}, ${hashOf(absolute)})`);
    expect(left[0]?.n).toBe(0);
  });

  it('forces a password change before anything but /auth, and ends the other sessions', async () => {
    const first = await login(t.app, 'newbie');
    const second = await login(t.app, 'newbie');
    const blocked = await t.app.inject({ url: '/api/v1/counties', headers: { cookie: first } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ error: 'password_change_required' });
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: first } })).json()).toMatchObject({
      mustChangePassword: true,
    });

    const change = (newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/change-password',
        headers: { cookie: first },
        payload: { currentPassword: TEST_PASSWORD, newPassword },
      });
    const weak = await change('short');
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ error: 'weak_password' });
    expect((await change('A-much-Better-pass9')).statusCode).toBe(204);

    expect((await t.app.inject({ url: '/api/v1/counties', headers: { cookie: first } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/counties', headers: { cookie: second } })).statusCode).toBe(401);
    await login(t.app, 'newbie', 'A-much-Better-pass9');
  });

  it('logs out by deleting the session', async () => {
    const cookie = await login(t.app, 'planner');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(
      204
    );
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const actions = (await t.database.db.select().from(schema.auditLog)).map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.login', 'auth.login_failed', 'auth.logout', 'auth.change_password'])
    );
  });
});
