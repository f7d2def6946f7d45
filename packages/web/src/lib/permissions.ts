import type { Permission, Role, SessionUser } from '@chp/core';

/**
 * UI-side copy of the role → permission rule in packages/core/src/roles.ts (the web bundle imports only
 * types from core). It only decides which menus and buttons to show; the server enforces the rule.
 */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    'plan.read',
    'value.enter',
    'value.approve',
    'project.update',
    'report.download',
    'county.manage',
    'user.manage',
    'audit.read',
  ],
  planner: ['plan.read', 'value.enter', 'project.update', 'report.download'],
  approver: ['plan.read', 'value.approve', 'report.download'],
  viewer: ['plan.read', 'report.download'],
  cdc: ['plan.read', 'value.enter', 'report.download'],
  county_hospital: ['plan.read'],
  township_health_center: ['plan.read'],
  village_doctor: [],
  maternal_child: ['plan.read', 'value.enter'],
  supervision: ['plan.read'],
};

export const ROLE_LIST = Object.keys(ROLE_PERMISSIONS) as Role[];

export function hasPermission(user: SessionUser | null, permission: Permission): boolean {
  return user?.roles.some((r) => ROLE_PERMISSIONS[r.role].includes(permission)) ?? false;
}
