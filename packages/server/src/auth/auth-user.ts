/** The signed-in user of a request and the scope rules every route applies. */
import type { Permission, RoleAssignment } from '@chp/core';
import { isWithinScope, roleHasPermission } from '@chp/core';
import type { Actor } from '@chp/db';
import type { FastifyRequest } from 'fastify';
import { forbidden, notFound, unauthorized } from '../errors.js';

export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  roles: RoleAssignment[];
  tokenHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    authUser: AuthUser | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health). */
    public?: boolean;
    /** Looks the session up but also answers without one (the web UI's start-up check). */
    sessionOptional?: boolean;
    /** The permission the user must hold in at least one of their roles. */
    permission?: Permission;
  }
}

export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.authUser) {
    throw unauthorized();
  }
  return request.authUser;
}

export function actorOf(request: FastifyRequest): Actor & { userId: number } {
  const user = requireUser(request);
  return { userId: user.id, username: user.username, ip: request.ip };
}

/** Org-unit codes over which the user holds the permission. */
export function scopesWith(user: AuthUser, permission: Permission): string[] {
  return user.roles.filter((r) => roleHasPermission(r.role, permission)).map((r) => r.orgUnitCode);
}

export function hasPermission(user: AuthUser, permission: Permission): boolean {
  return scopesWith(user, permission).length > 0;
}

/** A county is visible when a scope covers it or lies inside it (a township user sees their county's plan). */
export function canSeeCounty(user: AuthUser, permission: Permission, countyCode: string): boolean {
  return scopesWith(user, permission).some((s) => isWithinScope(s, countyCode) || isWithinScope(countyCode, s));
}

export function canActOn(user: AuthUser, permission: Permission, orgUnitCode: string): boolean {
  return scopesWith(user, permission).some((s) => isWithinScope(s, orgUnitCode));
}

/** Reads outside the user's scope look like missing data (404), so they reveal nothing. */
export function assertCanRead(request: FastifyRequest, permission: Permission, countyCode: string): AuthUser {
  const user = requireUser(request);
  if (!canSeeCounty(user, permission, countyCode)) {
    throw notFound();
  }
  return user;
}

export function assertCanWrite(request: FastifyRequest, permission: Permission, orgUnitCode: string): AuthUser {
  const user = requireUser(request);
  if (!canActOn(user, permission, orgUnitCode)) {
    throw forbidden(`您没有对 ${orgUnitCode} 执行此操作的权限`);
  }
  return user;
}

/** The counties among `countyCodes` the user may see with the permission; null scopes mean all. */
export function visibleCounties(user: AuthUser, permission: Permission, countyCodes: string[]): string[] {
  return countyCodes.filter((code) => canSeeCounty(user, permission, code));
}
