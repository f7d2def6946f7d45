/**
 * A user's resident scope in a county, from the roles that hold a permission (docs/health-records.md §4),
 * and the lookup of one resident within it.
 */
import type { Permission } from '@chp/core';
import { isWithinScope, roleHasPermission } from '@chp/core';
import { findScopedResident } from '@chp/db';
import type { Db, ResidentRow, ResidentScope } from '@chp/db';
import type { FastifyRequest } from 'fastify';
import { assertCanRead } from '../auth/auth-user.js';
import type { AuthUser } from '../auth/auth-user.js';
import { notFound } from '../errors.js';

/**
 * The areas in the county where the user holds the permission: a role over the county or above it covers
 * the whole county, a role inside it its own area, a role elsewhere nothing. 妇幼 roles see only the
 * maternal and child population.
 */
export function residentScopeOf(user: AuthUser, permission: Permission, countyCode: string): ResidentScope {
  return user.roles.flatMap((assignment) => {
    if (!roleHasPermission(assignment.role, permission)) return [];
    const maternalChildOnly = assignment.role === 'maternal_child';
    if (isWithinScope(assignment.orgUnitCode, countyCode)) return [{ orgUnitCode: countyCode, maternalChildOnly }];
    if (isWithinScope(countyCode, assignment.orgUnitCode)) {
      return [{ orgUnitCode: assignment.orgUnitCode, maternalChildOnly }];
    }
    return [];
  });
}

/** The resident in the scope; anything else is a 404 that does not tell "absent" from "not yours". */
export async function findResidentInScope(
  db: Db,
  scope: ResidentScope,
  countyCode: string,
  residentId: number
): Promise<ResidentRow> {
  const row = await findScopedResident(db, scope, countyCode, residentId);
  if (row === null) throw notFound();
  return row;
}

/** The request's user's resident scope in the county with the permission; 404 when the county is not theirs. */
export function requestResidentScope(
  request: FastifyRequest,
  permission: Permission,
  countyCode: string
): ResidentScope {
  return residentScopeOf(assertCanRead(request, permission, countyCode), permission, countyCode);
}
