/**
 * Changes to family-doctor teams: create, change (members replaced when given), add and remove a member.
 * A team belongs to a township of its county and serves townships or villages of that county; every change
 * is audited. Who may manage which team is the caller's rule (record.manage over the team's township).
 */
import type { TeamInput, TeamMemberInput, TeamPatch } from '@chp/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import {
  appUser,
  facility,
  familyDoctorTeam as team,
  familyDoctorTeamMember as member,
  healthWorker,
} from '../../schema.js';
import { writeAudit } from '../../access/audit.js';
import type { Actor } from '../../access/audit.js';
import { AccessError } from '../../access/errors.js';
import { TOWNSHIP_LEVEL, countyAreas } from './county-areas.js';
import type { TeamRow } from './team-read.js';

function invalid(code: string, message: string): AccessError {
  return new AccessError('invalid', code, message);
}

async function checkAreas(
  db: Db,
  countyCode: string,
  townshipCode: string,
  areaCodes: readonly string[]
): Promise<void> {
  const known = await countyAreas(db, countyCode, [townshipCode, ...areaCodes]);
  if (known.get(townshipCode)?.level !== TOWNSHIP_LEVEL) {
    throw invalid('team_township_invalid', `团队所属乡镇“${townshipCode}”不是本县（区）${countyCode} 的乡镇（街道）`);
  }
  if (areaCodes.length === 0) {
    throw invalid('team_areas_missing', '团队须至少服务一个村（社区）或乡镇（街道）');
  }
  const unknown = areaCodes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw invalid(
      'team_areas_invalid',
      `服务区域 ${unknown.join('、')} 不是本县（区）${countyCode} 的村（社区）或乡镇（街道）`
    );
  }
}

async function checkFacility(db: Db, countyCode: string, facilityId: number | null | undefined): Promise<void> {
  if (facilityId === null || facilityId === undefined) return;
  const [found] = await db
    .select({ id: facility.id })
    .from(facility)
    .where(and(eq(facility.id, facilityId), eq(facility.countyCode, countyCode)));
  if (!found) throw invalid('team_facility_invalid', `机构 ${facilityId} 不是本县（区）${countyCode} 的医疗卫生机构`);
}

async function checkMembers(db: Db, countyCode: string, members: readonly TeamMemberInput[]): Promise<void> {
  const nameless = members.findIndex((m) => m.name.trim() === '');
  if (nameless >= 0) throw invalid('team_member_invalid', `第 ${nameless + 1} 名团队成员缺少姓名`);
  const workerIds = members.flatMap((m) => (m.healthWorkerId == null ? [] : [m.healthWorkerId]));
  const userIds = members.flatMap((m) => (m.userId == null ? [] : [m.userId]));
  const [workers, users] = await Promise.all([
    workerIds.length === 0
      ? []
      : db
          .select({ id: healthWorker.id })
          .from(healthWorker)
          .where(and(inArray(healthWorker.id, workerIds), eq(healthWorker.countyCode, countyCode))),
    userIds.length === 0 ? [] : db.select({ id: appUser.id }).from(appUser).where(inArray(appUser.id, userIds)),
  ]);
  const missingWorker = workerIds.find((id) => !workers.some((w) => w.id === id));
  if (missingWorker !== undefined) {
    throw invalid('team_member_invalid', `卫生人员 ${missingWorker} 不在本县（区）${countyCode} 的卫生人员登记中`);
  }
  const missingUser = userIds.find((id) => !users.some((u) => u.id === id));
  if (missingUser !== undefined) throw invalid('team_member_invalid', `平台用户 ${missingUser} 不存在`);
}

function memberRows(
  countyCode: string,
  teamId: number,
  members: readonly TeamMemberInput[]
): (typeof member.$inferInsert)[] {
  return members.map((m) => ({
    countyCode,
    teamId,
    name: m.name.trim(),
    role: m.role,
    healthWorkerId: m.healthWorkerId ?? null,
    userId: m.userId ?? null,
    phone: m.phone ?? null,
  }));
}

async function teamRow(db: Db, countyCode: string, teamId: number): Promise<TeamRow> {
  const [row] = await db
    .select()
    .from(team)
    .where(and(eq(team.id, teamId), eq(team.countyCode, countyCode)));
  if (!row) throw new AccessError('not_found', 'team_not_found', `本县（区）没有编号为 ${teamId} 的家庭医生团队`);
  return row;
}

async function teamMembers(db: Db, teamId: number): Promise<(typeof member.$inferSelect)[]> {
  return db.select().from(member).where(eq(member.teamId, teamId));
}

export async function createTeam(db: Db, actor: Actor, countyCode: string, input: TeamInput): Promise<number> {
  const members = input.members ?? [];
  await Promise.all([
    checkAreas(db, countyCode, input.townshipCode, input.areaCodes),
    checkFacility(db, countyCode, input.facilityId),
    checkMembers(db, countyCode, members),
  ]);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(team)
      .values({
        countyCode,
        name: input.name.trim(),
        facilityId: input.facilityId ?? null,
        townshipCode: input.townshipCode,
        areaCodes: [...new Set(input.areaCodes)],
      })
      .returning();
    if (!created) throw new Error('family doctor team not created');
    const createdMembers =
      members.length === 0
        ? []
        : await tx
            .insert(member)
            .values(memberRows(countyCode, created.id, members))
            .returning();
    await writeAudit(tx, actor, {
      action: 'family_doctor_team.create',
      entity: 'family_doctor_team',
      entityId: created.id,
      countyCode,
      after: { ...created, members: createdMembers },
    });
    return created.id;
  });
}

/** Changes the given fields; `members`, when given, replaces the member list. */
export async function updateTeam(
  db: Db,
  actor: Actor,
  countyCode: string,
  teamId: number,
  patch: TeamPatch
): Promise<void> {
  const before = await teamRow(db, countyCode, teamId);
  const townshipCode = patch.townshipCode ?? before.townshipCode;
  const areaCodes = patch.areaCodes ?? before.areaCodes;
  await Promise.all([
    checkAreas(db, countyCode, townshipCode, areaCodes),
    checkFacility(db, countyCode, patch.facilityId),
    checkMembers(db, countyCode, patch.members ?? []),
  ]);
  await db.transaction(async (tx) => {
    const membersBefore = await teamMembers(tx, teamId);
    const [after] = await tx
      .update(team)
      .set({
        name: patch.name?.trim() ?? before.name,
        facilityId: patch.facilityId === undefined ? before.facilityId : patch.facilityId,
        townshipCode,
        areaCodes: [...new Set(areaCodes)],
      })
      .where(eq(team.id, teamId))
      .returning();
    let membersAfter = membersBefore;
    if (patch.members) {
      await tx.delete(member).where(eq(member.teamId, teamId));
      membersAfter =
        patch.members.length === 0
          ? []
          : await tx
              .insert(member)
              .values(memberRows(countyCode, teamId, patch.members))
              .returning();
    }
    await writeAudit(tx, actor, {
      action: 'family_doctor_team.update',
      entity: 'family_doctor_team',
      entityId: teamId,
      countyCode,
      before: { ...before, members: membersBefore },
      after: { ...after, members: membersAfter },
    });
  });
}

export async function addTeamMember(
  db: Db,
  actor: Actor,
  countyCode: string,
  teamId: number,
  input: TeamMemberInput
): Promise<number> {
  await teamRow(db, countyCode, teamId);
  await checkMembers(db, countyCode, [input]);
  return db.transaction(async (tx) => {
    const [added] = await tx
      .insert(member)
      .values(memberRows(countyCode, teamId, [input]))
      .returning();
    if (!added) throw new Error('team member not added');
    await writeAudit(tx, actor, {
      action: 'family_doctor_team.member_add',
      entity: 'family_doctor_team',
      entityId: teamId,
      countyCode,
      after: added,
    });
    return added.id;
  });
}

export async function removeTeamMember(
  db: Db,
  actor: Actor,
  countyCode: string,
  teamId: number,
  memberId: number
): Promise<void> {
  await teamRow(db, countyCode, teamId);
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(member)
      .where(and(eq(member.id, memberId), eq(member.teamId, teamId)))
      .returning();
    if (!removed) {
      throw new AccessError('not_found', 'team_member_not_found', `团队 ${teamId} 没有编号为 ${memberId} 的成员`);
    }
    await writeAudit(tx, actor, {
      action: 'family_doctor_team.member_remove',
      entity: 'family_doctor_team',
      entityId: teamId,
      countyCode,
      before: removed,
    });
  });
}
