/**
 * Resolves the session cookie to a user on every request, enforces idle (30 min, sliding) and absolute
 * (12 h) timeouts, the forced password change, and the route's declared permission.
 */
import type { Db } from '@chp/db';
import { dropSession, findSession, findUserById, rolesOfUsers, touchSession } from '@chp/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError, forbidden, unauthorized } from '../errors.js';
import { hasPermission } from './auth-user.js';
import type { AuthUser } from './auth-user.js';
import { IDLE_TIMEOUT_MS, SESSION_COOKIE, TOUCH_INTERVAL_MS, hashSessionToken } from './tokens.js';

export function registerSessionHook(app: FastifyInstance, db: Db): void {
  app.decorateRequest('authUser', null);
  app.addHook('onRequest', async (request) => {
    request.authUser = await loadUser(db, request);
    const config = request.routeOptions.config;
    if (config.public || !isProtected(request.url)) {
      return;
    }
    const user = request.authUser;
    if (!user) {
      throw unauthorized('未登录或会话已过期，请重新登录');
    }
    if (user.mustChangePassword && !request.url.startsWith('/api/v1/auth/')) {
      throw new HttpError(403, 'password_change_required', '首次登录或密码已重置，请先修改密码');
    }
    if (config.permission && !hasPermission(user, config.permission)) {
      throw forbidden();
    }
  });
}

function isProtected(url: string): boolean {
  return url.startsWith('/api/v1/') || url.startsWith('/fhir');
}

async function loadUser(db: Db, request: FastifyRequest): Promise<AuthUser | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) {
    return null;
  }
  const tokenHash = hashSessionToken(token);
  const session = await findSession(db, tokenHash);
  if (!session) {
    return null;
  }
  const now = Date.now();
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + IDLE_TIMEOUT_MS <= now) {
    await dropSession(db, tokenHash);
    return null;
  }
  const user = await findUserById(db, session.userId);
  if (!user || user.disabled) {
    return null;
  }
  if (now - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await touchSession(db, tokenHash, new Date(now));
  }
  const roles = await rolesOfUsers(db, [user.id]);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    mustChangePassword: user.mustChangePassword,
    roles: roles.get(user.id) ?? [],
    tokenHash,
  };
}
