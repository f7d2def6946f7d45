/**
 * Test fixtures for the server's tests: a real database with two counties and their plans, users in
 * typical roles, an app on it, and a login helper. Not used at runtime.
 */
import type { Role } from '@chp/core';
import { PLATFORM_SCOPE, addCounty, createUser, loadPlan, openTestDatabase, readPlanFile, testIdCipher } from '@chp/db';
import type { TestDatabase, TestDatabaseKind } from '@chp/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { hashPassword } from './auth/passwords.js';
import type { HashCost } from './auth/passwords.js';

/** Cheap hashes: the tests log in many times; production uses DEFAULT_HASH_COST. */
export const TEST_HASH_COST: HashCost = { memoryCost: 4096, timeCost: 1 };
export const TEST_PASSWORD = 'Chp-test-Passw0rd!';
export const TEST_COUNTIES = ['640221', '140423'] as const;
/** Two villages of 城关镇 (640221100), where the health tests put their residents. */
export const GUCHENG = '640221100001';
export const DONGYUAN = '640221100002';

const TEST_USERS: { username: string; roles: { role: Role; orgUnitCode: string }[]; mustChangePassword?: boolean }[] = [
  { username: 'admin', roles: [{ role: 'admin', orgUnitCode: PLATFORM_SCOPE }] },
  { username: 'planner', roles: [{ role: 'planner', orgUnitCode: '640221' }] },
  { username: 'approver', roles: [{ role: 'approver', orgUnitCode: '640221' }] },
  // Enters and approves: to show self-approval is refused.
  {
    username: 'both',
    roles: [
      { role: 'planner', orgUnitCode: '640221' },
      { role: 'approver', orgUnitCode: '640221' },
    ],
  },
  { username: 'newbie', roles: [{ role: 'viewer', orgUnitCode: '640221' }], mustChangePassword: true },
];

export interface TestApp {
  database: TestDatabase;
  app: FastifyInstance;
  userIds: Map<string, number>;
  close(): Promise<void>;
}

export async function createTestApp(kind: TestDatabaseKind): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const { db } = database;
  for (const code of TEST_COUNTIES) {
    await addCounty(db, code);
    await loadPlan(db, readPlanFile(code));
  }
  const passwordHash = await hashPassword(TEST_PASSWORD, TEST_HASH_COST);
  const userIds = new Map<string, number>();
  for (const user of TEST_USERS) {
    const created = await createUser(
      db,
      { userId: null, username: 'test', ip: null },
      {
        username: user.username,
        displayName: user.username,
        passwordHash,
        mustChangePassword: user.mustChangePassword ?? false,
        roles: user.roles,
      }
    );
    userIds.set(user.username, created.id);
  }
  const app = await buildApp({ db, idCipher: testIdCipher(), hashCost: TEST_HASH_COST });
  return {
    database,
    app,
    userIds,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}

/** Logs in and returns the Cookie header value of the session. */
export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) {
    throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  }
  const cookie = response.cookies.find((c) => c.name === 'chp_session');
  if (!cookie) {
    throw new Error('no session cookie');
  }
  return `chp_session=${cookie.value}`;
}

/** Adds a user with one role beyond the standard ones, logs in, and returns the Cookie header value. */
export async function addTestUser(t: TestApp, username: string, role: Role, orgUnitCode: string): Promise<string> {
  await createUser(
    t.database.db,
    { userId: null, username: 'test', ip: null },
    {
      username,
      displayName: username,
      passwordHash: await hashPassword(TEST_PASSWORD, TEST_HASH_COST),
      mustChangePassword: false,
      roles: [{ role, orgUnitCode }],
    }
  );
  return login(t.app, username);
}

/** A multipart/form-data body with one `file` field per file, as a browser sends it. */
export function multipartFiles(files: readonly { name: string; data: Buffer | string }[]): {
  payload: Buffer;
  headers: Record<string, string>;
} {
  const boundary = '----chp-test-boundary';
  const parts = files.flatMap((file) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n'
    ),
    Buffer.from(file.data),
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
