/** /auth: login (with lockout), logout, the current user, and password change. */
import { checkPassword } from '@chp/core';
import type { Db } from '@chp/db';
import {
  changePassword,
  endSession,
  findUserById,
  findUserByUsername,
  getSessionUser,
  recordLoginFailure,
  startSession,
  writeAudit,
} from '@chp/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError, unauthorized } from '../errors.js';
import { requireUser } from './auth-user.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { HashCost } from './passwords.js';
import type { SessionCache } from './session-cache.js';
import {
  LOCKOUT_MS,
  MAX_FAILED_ATTEMPTS,
  SESSION_COOKIE,
  SESSION_LIFETIME_MS,
  hashSessionToken,
  newSessionToken,
} from './tokens.js';

export interface AuthRouteOptions {
  db: Db;
  sessions: SessionCache;
  secureCookies: boolean;
  hashCost: HashCost | undefined;
}

const WRONG_CREDENTIALS = '用户名或密码错误';

export function registerAuthRoutes(app: FastifyInstance, options: AuthRouteOptions): void {
  const { db } = options;
  /** A hash of a random secret, to spend the same time on unknown usernames as on known ones. */
  let dummyHash: Promise<string> | undefined;
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const actor = { userId: null, username, ip: request.ip };
      const user = await findUserByUsername(db, username);
      if (!user || user.disabled) {
        // Hash anyway so response time does not reveal whether the user exists.
        dummyHash ??= hashPassword(newSessionToken(), options.hashCost);
        await verifyPassword(await dummyHash, password);
        await writeAudit(db, actor, { action: 'auth.login_failed', entity: 'user', entityId: null, countyCode: null });
        throw new HttpError(401, 'invalid_credentials', WRONG_CREDENTIALS);
      }
      const now = Date.now();
      const locked = user.lockedUntil !== null && user.lockedUntil.getTime() > now;
      if (locked) {
        throw lockedError(user.lockedUntil ?? new Date(now));
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        // An expired lock starts a fresh count.
        const previous = user.lockedUntil === null ? user.failedAttempts : 0;
        const attempts = previous + 1;
        const lockUntil = attempts >= MAX_FAILED_ATTEMPTS ? new Date(now + LOCKOUT_MS) : null;
        await recordLoginFailure(db, { ...actor, userId: user.id }, user, lockUntil ? 0 : attempts, lockUntil);
        if (lockUntil) {
          throw lockedError(lockUntil);
        }
        const left = MAX_FAILED_ATTEMPTS - attempts;
        throw new HttpError(401, 'invalid_credentials', `${WRONG_CREDENTIALS}，再失败 ${left} 次账户将被锁定 15 分钟`);
      }
      const token = newSessionToken();
      await startSession(
        db,
        { ...actor, userId: user.id },
        user.id,
        hashSessionToken(token),
        new Date(now + SESSION_LIFETIME_MS)
      );
      void reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: options.secureCookies,
        path: '/',
        maxAge: SESSION_LIFETIME_MS / 1000,
      });
      return getSessionUser(db, user.id);
    }
  );

  routes.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (request, reply) => {
    const user = requireUser(request);
    await endSession(db, { userId: user.id, username: user.username, ip: request.ip }, user.tokenHash);
    options.sessions.forgetToken(user.tokenHash);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  routes.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户' } }, async (request) => {
    const user = requireUser(request);
    const sessionUser = await getSessionUser(db, user.id);
    if (!sessionUser) {
      throw unauthorized();
    }
    return sessionUser;
  });

  // Answers 200 whether or not anyone is signed in, so the UI's start-up check logs no failed request.
  routes.get(
    '/auth/session',
    { config: { sessionOptional: true }, schema: { tags: ['auth'], summary: '当前会话（未登录时 user 为 null）' } },
    async (request) => ({ user: request.authUser ? await getSessionUser(db, request.authUser.id) : null })
  );

  routes.post(
    '/auth/change-password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码',
        body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const stored = await findUserById(db, user.id);
      if (!stored || !(await verifyPassword(stored.passwordHash, request.body.currentPassword))) {
        throw new HttpError(400, 'wrong_password', '当前密码不正确');
      }
      const broken = checkPassword(request.body.newPassword, { username: user.username });
      if (request.body.newPassword === request.body.currentPassword) {
        broken.push('新密码不能与当前密码相同');
      }
      if (broken.length > 0) {
        throw new HttpError(400, 'weak_password', `新密码不符合要求：${broken.join('；')}`);
      }
      const hash = await hashPassword(request.body.newPassword, options.hashCost);
      await changePassword(
        db,
        { userId: user.id, username: user.username, ip: request.ip },
        user.id,
        hash,
        user.tokenHash
      );
      options.sessions.forgetUser(user.id);
      return reply.code(204).send();
    }
  );
}

function lockedError(until: Date): HttpError {
  const time = until.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return new HttpError(423, 'account_locked', `连续登录失败次数过多，账户已锁定至 ${time}（${until.toISOString()}）`);
}
