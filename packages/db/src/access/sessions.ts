/** Server-side sessions: the table keeps only the SHA-256 of the cookie's token. */
import type { SessionUser } from '@chp/core';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { queryRows } from '../connection.js';
import { appUser, session } from '../schema.js';
import { writeAudit } from './audit.js';
import type { Actor } from './audit.js';
import { PLATFORM_SCOPE, toRole } from './users.js';

export type SessionRow = typeof session.$inferSelect;

/** Opens a session after a correct password: clears failed attempts and audits the login. */
export async function startSession(
  db: Db,
  actor: Actor,
  userId: number,
  tokenHash: string,
  expiresAt: Date
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(appUser).set({ failedAttempts: 0, lockedUntil: null }).where(eq(appUser.id, userId));
    await tx.insert(session).values({ tokenHash, userId, expiresAt });
    await writeAudit(tx, actor, { action: 'auth.login', entity: 'user', entityId: userId, countyCode: null });
  });
}

export async function findSession(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(session).where(eq(session.tokenHash, tokenHash));
  return row;
}

export interface SessionWithUser {
  tokenHash: string;
  expiresAt: Date;
  lastSeenAt: Date;
  user: SessionUser & { disabled: boolean };
}

interface SessionUserRow extends Record<string, unknown> {
  expires_at: Date | string;
  last_seen_at: Date | string;
  user_id: number;
  username: string;
  display_name: string;
  must_change_password: boolean;
  disabled: boolean;
  roles: { role: string; orgUnitCode: string; orgUnitName: string | null; countyCode: string | null }[];
}

/** The session, its user and the user's roles in one query: the hot path of every request. */
export async function findSessionWithUser(db: Db, tokenHash: string): Promise<SessionWithUser | undefined> {
  const [row] = await queryRows<SessionUserRow>(
    db,
    sql`select s.expires_at, s.last_seen_at, u.id as user_id, u.username, u.display_name, u.must_change_password, u.disabled,
        coalesce(json_agg(json_build_object('role', r.role, 'orgUnitCode', r.org_unit_code, 'orgUnitName', o.name,
          'countyCode', r.county_code) order by r.id) filter (where r.id is not null), '[]') as roles
      from session s
      join app_user u on u.id = s.user_id
      left join user_role r on r.user_id = u.id
      left join org_unit o on o.code = r.org_unit_code
      where s.token_hash = ${tokenHash}
      group by s.token_hash, u.id`
  );
  if (!row) {
    return undefined;
  }
  return {
    tokenHash,
    expiresAt: new Date(row.expires_at),
    lastSeenAt: new Date(row.last_seen_at),
    user: {
      id: row.user_id,
      username: row.username,
      displayName: row.display_name,
      mustChangePassword: row.must_change_password,
      disabled: row.disabled,
      roles: row.roles.map((r) => ({
        role: toRole(r.role),
        orgUnitCode: r.orgUnitCode,
        orgUnitName: r.orgUnitName ?? (r.orgUnitCode === PLATFORM_SCOPE ? '全平台' : r.orgUnitCode),
        countyCode: r.countyCode,
      })),
    },
  };
}

export async function touchSession(db: Db, tokenHash: string, at: Date): Promise<void> {
  await db.update(session).set({ lastSeenAt: at }).where(eq(session.tokenHash, tokenHash));
}

/** Removes an expired session without an audit row (nobody acted). */
export async function dropSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

export async function endSession(db: Db, actor: Actor, tokenHash: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(session).where(eq(session.tokenHash, tokenHash));
    await writeAudit(tx, actor, { action: 'auth.logout', entity: 'user', entityId: actor.userId, countyCode: null });
  });
}
