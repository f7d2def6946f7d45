import { roleHasPermission } from '@chp/core';
import type { Permission, SessionUser } from '@chp/core';

/** Decides which menus and buttons to show, by core's role rule; the server enforces the same rule. */
export function hasPermission(user: SessionUser | null, permission: Permission): boolean {
  return user?.roles.some((r) => roleHasPermission(r.role, permission)) ?? false;
}
