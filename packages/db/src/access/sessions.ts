/** Server-side sessions: the table keeps only the SHA-256 of the cookie's token. */
import { eq } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { appUser, session } from '../schema.js';
import { writeAudit } from './audit.js';
import type { Actor } from './audit.js';

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
