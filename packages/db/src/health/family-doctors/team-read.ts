/** Family-doctor teams as the API shows them: members, the names of their areas, contract counts. */
import type { FamilyDoctorTeam, TeamMember, TeamMemberRole } from '@chp/core';
import { CONTRACT_EXPIRING_DAYS, TEAM_MEMBER_ROLES } from '@chp/core';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import {
  facility,
  familyDoctorContract,
  familyDoctorTeam as team,
  familyDoctorTeamMember as member,
} from '../../schema.js';
import type { ResidentScope } from '../resident-scope.js';
import { expiringOn, inForceOn } from './contract-sql.js';
import { countyAreas } from './county-areas.js';

export type TeamRow = typeof team.$inferSelect;

const PLATFORM = '00';
const TOWNSHIP_CODE_LENGTH = 9;

/**
 * Teams a scope sees: those of a township the scope reaches into (a village doctor sees the teams of
 * their township), and every team of the county for a county-level scope.
 */
export function teamVisibleIn(scope: ResidentScope): SQL {
  const areas = scope.map(({ orgUnitCode }) =>
    orgUnitCode === PLATFORM
      ? sql`true`
      : sql`${team.townshipCode} like ${`${orgUnitCode.slice(0, TOWNSHIP_CODE_LENGTH)}%`}`
  );
  return or(...areas) ?? sql`false`;
}

function toRole(role: string): TeamMemberRole {
  const known = TEAM_MEMBER_ROLES.find((r) => r === role);
  if (known === undefined) throw new Error(`unknown team member role ${role}`);
  return known;
}

/** The teams of the county the scope sees (all of them when `teamIds` is absent), by name. */
export async function readTeams(
  db: Db,
  countyCode: string,
  scope: ResidentScope,
  asOf: string,
  teamIds?: readonly number[]
): Promise<FamilyDoctorTeam[]> {
  const rows = await db
    .select({ team, facilityName: facility.name })
    .from(team)
    .leftJoin(facility, eq(facility.id, team.facilityId))
    .where(
      and(eq(team.countyCode, countyCode), teamVisibleIn(scope), teamIds ? inArray(team.id, [...teamIds]) : undefined)
    )
    .orderBy(asc(team.townshipCode), asc(team.name), asc(team.id));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.team.id);
  const [members, counts, areas] = await Promise.all([
    db.select().from(member).where(inArray(member.teamId, ids)).orderBy(asc(member.id)),
    db
      .select({
        teamId: familyDoctorContract.teamId,
        active: sql<number>`count(*) filter (where ${inForceOn(asOf)})::int`,
        expiring: sql<number>`count(*) filter (where ${expiringOn(asOf, CONTRACT_EXPIRING_DAYS)})::int`,
      })
      .from(familyDoctorContract)
      .where(and(eq(familyDoctorContract.countyCode, countyCode), inArray(familyDoctorContract.teamId, ids)))
      .groupBy(familyDoctorContract.teamId),
    countyAreas(
      db,
      countyCode,
      rows.flatMap((row) => [row.team.townshipCode, ...row.team.areaCodes])
    ),
  ]);
  const membersOf = new Map<number, TeamMember[]>();
  for (const row of members) {
    const list = membersOf.get(row.teamId) ?? [];
    list.push({
      id: row.id,
      name: row.name,
      role: toRole(row.role),
      healthWorkerId: row.healthWorkerId,
      userId: row.userId,
      phone: row.phone,
    });
    membersOf.set(row.teamId, list);
  }
  const countsOf = new Map(counts.map((row) => [row.teamId, row]));
  const area = (code: string): { code: string; name: string } => ({ code, name: areas.get(code)?.name ?? code });
  return rows.map(({ team: row, facilityName }) => ({
    id: row.id,
    countyCode: row.countyCode,
    name: row.name,
    facilityId: row.facilityId,
    facilityName,
    township: area(row.townshipCode),
    areas: row.areaCodes.map(area),
    members: membersOf.get(row.id) ?? [],
    activeContracts: countsOf.get(row.id)?.active ?? 0,
    expiringContracts: countsOf.get(row.id)?.expiring ?? 0,
  }));
}

/** One team of the county the scope sees, or null. */
export async function findTeam(
  db: Db,
  countyCode: string,
  scope: ResidentScope,
  teamId: number,
  asOf: string
): Promise<FamilyDoctorTeam | null> {
  const [found] = await readTeams(db, countyCode, scope, asOf, [teamId]);
  return found ?? null;
}
