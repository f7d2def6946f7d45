/**
 * Resolves the session cookie to a user on every request, enforces idle (30 min, sliding) and absolute
 * (12 h) timeouts, the forced password change, and the route's declared permission.
 */
import type { Db } from '@chp/db';
import { dropSession, touchSession } from '@chp/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError, forbidden, unauthorized } from '../errors.js';
import { hasPermission } from './auth-user.js';
import type { AuthUser } from './auth-user.js';
import type { SessionCache } from './session-cache.js';
import { IDLE_TIMEOUT_MS, SESSION_COOKIE, TOUCH_INTERVAL_MS, hashSessionToken } from './tokens.js';

export function registerSessionHook(app: FastifyInstance, db: Db, sessions: SessionCache): void {
  app.decorateRequest('authUser', null);
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    // Static files and public routes (health, login) need no session lookup.
    if (config.public || !isProtected(request.url)) {
      return;
    }
    const user = await loadUser(db, sessions, request);
    request.authUser = user;
    if (!user && config.sessionOptional) {
      return;
    }
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

async function loadUser(db: Db, sessions: SessionCache, request: FastifyRequest): Promise<AuthUser | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) {
    return null;
  }
  const tokenHash = hashSessionToken(token);
  const now = Date.now();
  const found = await sessions.find(tokenHash, now);
  if (!found) {
    return null;
  }
  if (found.expiresAt.getTime() <= now || found.lastSeenAt.getTime() + IDLE_TIMEOUT_MS <= now) {
    sessions.forgetToken(tokenHash);
    await dropSession(db, tokenHash);
    return null;
  }
  if (found.user.disabled) {
    return null;
  }
  if (now - found.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    found.lastSeenAt = new Date(now);
    await touchSession(db, tokenHash, found.lastSeenAt);
  }
  const { id, username, displayName, mustChangePassword, roles } = found.user;
  return { id, username, displayName, mustChangePassword, roles, tokenHash };
}
