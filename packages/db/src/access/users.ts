/** Platform users and the roles they hold over org units. */
import type { Role, RoleAssignment, SessionUser, UserSummary } from '@chp/core';
import { ROLES } from '@chp/core';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { appUser, orgUnit, session, userRole } from '../schema.js';
import { writeAudit } from './audit.js';
import type { Actor } from './audit.js';
import { AccessError } from './errors.js';

/** The scope code that stands for the whole platform (see core isWithinScope). */
export const PLATFORM_SCOPE = '00';

export type UserRow = typeof appUser.$inferSelect;

export interface RoleInput {
  role: Role;
  orgUnitCode: string;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(appUser);
  return row?.n ?? 0;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(appUser).where(eq(appUser.username, username));
  return row;
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(appUser).where(eq(appUser.id, id));
  return row;
}

/** Roles of the given users with their org units' names, by user id. */
export async function rolesOfUsers(db: Db, userIds: number[]): Promise<Map<number, RoleAssignment[]>> {
  const byUser = new Map<number, RoleAssignment[]>();
  if (userIds.length === 0) {
    return byUser;
  }
  const rows = await db
    .select({
      userId: userRole.userId,
      role: userRole.role,
      orgUnitCode: userRole.orgUnitCode,
      countyCode: userRole.countyCode,
      orgUnitName: orgUnit.name,
    })
    .from(userRole)
    .leftJoin(orgUnit, eq(orgUnit.code, userRole.orgUnitCode))
    .where(inArray(userRole.userId, userIds))
    .orderBy(asc(userRole.id));
  for (const row of rows) {
    const list = byUser.get(row.userId) ?? [];
    list.push({
      role: toRole(row.role),
      orgUnitCode: row.orgUnitCode,
      orgUnitName: row.orgUnitName ?? (row.orgUnitCode === PLATFORM_SCOPE ? '全平台' : row.orgUnitCode),
      countyCode: row.countyCode,
    });
    byUser.set(row.userId, list);
  }
  return byUser;
}

export function toSessionUser(user: UserRow, roles: RoleAssignment[]): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    mustChangePassword: user.mustChangePassword,
    roles,
  };
}

export async function getSessionUser(db: Db, userId: number): Promise<SessionUser | undefined> {
  const user = await findUserById(db, userId);
  if (!user) {
    return undefined;
  }
  const roles = await rolesOfUsers(db, [user.id]);
  return toSessionUser(user, roles.get(user.id) ?? []);
}

export async function listUsers(db: Db, now: Date = new Date()): Promise<UserSummary[]> {
  const users = await db.select().from(appUser).orderBy(asc(appUser.id));
  const roles = await rolesOfUsers(
    db,
    users.map((u) => u.id)
  );
  return users.map((user) => toUserSummary(user, roles.get(user.id) ?? [], now));
}

export async function getUserSummary(db: Db, id: number, now: Date = new Date()): Promise<UserSummary> {
  const user = await findUserById(db, id);
  if (!user) {
    throw new AccessError('not_found', 'user_not_found', '用户不存在');
  }
  const roles = await rolesOfUsers(db, [id]);
  return toUserSummary(user, roles.get(id) ?? [], now);
}

function toUserSummary(user: UserRow, roles: RoleAssignment[], now: Date): UserSummary {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    disabled: user.disabled,
    locked: user.lockedUntil !== null && user.lockedUntil > now,
    mustChangePassword: user.mustChangePassword,
    roles,
    createdAt: user.createdAt.toISOString(),
  };
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  passwordHash: string;
  mustChangePassword: boolean;
  roles: RoleInput[];
}

export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<UserSummary> {
  return db.transaction(async (tx) => {
    if (await findUserByUsername(tx, input.username)) {
      throw new AccessError('conflict', 'username_taken', `用户名“${input.username}”已存在`);
    }
    const [row] = await tx
      .insert(appUser)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash: input.passwordHash,
        mustChangePassword: input.mustChangePassword,
      })
      .returning({ id: appUser.id });
    if (!row) {
      throw new Error('insert into app_user returned no row');
    }
    await replaceRoles(tx, row.id, input.roles);
    const created = await getUserSummary(tx, row.id);
    await writeAudit(tx, actor, {
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      countyCode: null,
      after: created,
    });
    return created;
  });
}

export interface UpdateUserInput {
  displayName?: string | undefined;
  disabled?: boolean | undefined;
  unlock?: boolean | undefined;
  /** A new hash when the password is reset; the user must change it at next login. */
  passwordHash?: string | undefined;
  roles?: RoleInput[] | undefined;
}

export async function updateUser(db: Db, actor: Actor, id: number, input: UpdateUserInput): Promise<UserSummary> {
  return db.transaction(async (tx) => {
    const before = await getUserSummary(tx, id);
    const changes: Partial<typeof appUser.$inferInsert> = {};
    if (input.displayName !== undefined) {
      changes.displayName = input.displayName;
    }
    if (input.disabled !== undefined) {
      changes.disabled = input.disabled;
    }
    if (input.unlock) {
      changes.failedAttempts = 0;
      changes.lockedUntil = null;
    }
    if (input.passwordHash !== undefined) {
      changes.passwordHash = input.passwordHash;
      changes.mustChangePassword = true;
      changes.passwordChangedAt = new Date();
    }
    if (Object.keys(changes).length > 0) {
      await tx.update(appUser).set(changes).where(eq(appUser.id, id));
    }
    if (input.roles) {
      await replaceRoles(tx, id, input.roles);
    }
    if (input.passwordHash !== undefined || input.disabled) {
      await tx.delete(session).where(eq(session.userId, id));
    }
    const after = await getUserSummary(tx, id);
    await writeAudit(tx, actor, {
      action: input.passwordHash === undefined ? 'user.update' : 'user.reset_password',
      entity: 'user',
      entityId: id,
      countyCode: null,
      before,
      after,
    });
    return after;
  });
}

/** Records a wrong password; locks the account until `lockUntil` when given. */
export async function recordLoginFailure(
  db: Db,
  actor: Actor,
  user: UserRow,
  failedAttempts: number,
  lockUntil: Date | null
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(appUser).set({ failedAttempts, lockedUntil: lockUntil }).where(eq(appUser.id, user.id));
    await writeAudit(tx, actor, {
      action: lockUntil ? 'auth.lockout' : 'auth.login_failed',
      entity: 'user',
      entityId: user.id,
      countyCode: null,
      before: { failedAttempts: user.failedAttempts },
      after: { failedAttempts, lockedUntil: lockUntil },
    });
  });
}

/**
 * Sets a user's own new password and ends every other session of theirs (a stolen session must not
 * survive a password change).
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  userId: number,
  passwordHash: string,
  keepTokenHash: string
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findUserById(tx, userId);
    await tx
      .update(appUser)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() })
      .where(eq(appUser.id, userId));
    await tx.delete(session).where(and(eq(session.userId, userId), ne(session.tokenHash, keepTokenHash)));
    await writeAudit(tx, actor, {
      action: 'auth.change_password',
      entity: 'user',
      entityId: userId,
      countyCode: null,
      before: { mustChangePassword: before?.mustChangePassword, passwordChangedAt: before?.passwordChangedAt },
      after: { mustChangePassword: false },
    });
  });
}

async function replaceRoles(db: Db, userId: number, roles: RoleInput[]): Promise<void> {
  await db.delete(userRole).where(eq(userRole.userId, userId));
  if (roles.length === 0) {
    return;
  }
  const codes = roles.map((r) => r.orgUnitCode).filter((code) => code !== PLATFORM_SCOPE);
  const units =
    codes.length === 0
      ? []
      : await db
          .select({ code: orgUnit.code, countyCode: orgUnit.countyCode })
          .from(orgUnit)
          .where(inArray(orgUnit.code, codes));
  const countyOf = new Map(units.map((u) => [u.code, u.countyCode]));
  for (const code of codes) {
    if (!countyOf.has(code)) {
      throw new AccessError('invalid', 'unknown_org_unit', `机构/区划代码 ${code} 不存在`);
    }
  }
  await db.insert(userRole).values(
    roles.map((r) => ({
      userId,
      role: r.role,
      orgUnitCode: r.orgUnitCode,
      countyCode: countyOf.get(r.orgUnitCode) ?? null,
    }))
  );
}

export function toRole(value: string): Role {
  const role = ROLES.find((r) => r === value);
  if (!role) {
    throw new Error(`unknown role in user_role: ${value}`);
  }
  return role;
}
