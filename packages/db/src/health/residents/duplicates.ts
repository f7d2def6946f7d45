/**
 * Possible duplicates: residents of the county sharing name, birth date and sex. Equal ID numbers cannot
 * occur (the keyed hash is unique per county), so these are entries with no number or different ones —
 * typically a person indexed once by 身份证 and once by 出生医学证明 or without a document.
 */
import type { DuplicateGroup, Sex } from '@chp/core';
import { and, asc, count, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { resident } from '../../schema.js';
import { residentInScope } from '../resident-scope.js';
import type { ResidentScope } from '../resident-scope.js';
import { listResidentSummaries } from './resident-summary.js';

export const DEFAULT_DUPLICATE_GROUPS = 100;

/** Groups of two or more unmerged residents in the scope, by name, birth date and sex. */
export async function listDuplicateGroups(
  db: Db,
  countyCode: string,
  scope: ResidentScope,
  page: { limit: number; offset: number } = { limit: DEFAULT_DUPLICATE_GROUPS, offset: 0 }
): Promise<DuplicateGroup[]> {
  const candidates = and(eq(resident.countyCode, countyCode), isNull(resident.mergedIntoId), residentInScope(scope));
  const groups = await db
    .select({ name: resident.name, birthDate: resident.birthDate, sex: resident.sex })
    .from(resident)
    .where(candidates)
    .groupBy(resident.name, resident.birthDate, resident.sex)
    .having(gt(count(), 1))
    .orderBy(asc(resident.name), asc(resident.birthDate), asc(resident.sex))
    .limit(page.limit)
    .offset(page.offset);
  if (groups.length === 0) return [];
  const members = await listResidentSummaries(
    db,
    and(
      candidates,
      or(
        ...groups.map((group) =>
          and(eq(resident.name, group.name), eq(resident.birthDate, group.birthDate), eq(resident.sex, group.sex))
        )
      )
    )
  );
  return groups.map((group) => ({
    ...group,
    sex: group.sex as Sex,
    residents: members.filter(
      (member) => member.name === group.name && member.birthDate === group.birthDate && member.sex === group.sex
    ),
  }));
}
