/**
 * Which alerts a user sees: county-level users the whole county (`townships` null); township users only
 * the alerts of their townships, not the county-wide ones (a county-wide aberration is the county CDC's).
 */
import { inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { alert } from '../../schema.js';

export interface AlertScope {
  readonly countyCode: string;
  readonly townships: readonly string[] | null;
}

export function alertInScope(scope: AlertScope): SQL {
  if (scope.townships === null) return sql`true`;
  return scope.townships.length === 0 ? sql`false` : inArray(alert.areaCode, [...scope.townships]);
}

export function areaInScope(scope: AlertScope, areaCode: string): boolean {
  return scope.townships === null || scope.townships.includes(areaCode);
}
