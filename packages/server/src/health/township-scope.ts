/** Township scope of surveillance data: a township user works on their township's records, county users on all. */
import type { Permission } from '@chp/core';
import type { FastifyRequest } from 'fastify';
import { requestResidentScope } from './resident-scope.js';

const TOWNSHIP_CODE_LENGTH = 9;

/** The user's townships for the permission, or undefined when a role covers the whole county. */
export function requestTownships(
  request: FastifyRequest,
  permission: Permission,
  countyCode: string
): string[] | undefined {
  const scope = requestResidentScope(request, permission, countyCode);
  if (scope.some((area) => area.orgUnitCode === countyCode)) return undefined;
  return [...new Set(scope.map((area) => area.orgUnitCode.slice(0, TOWNSHIP_CODE_LENGTH)))];
}
