/**
 * Session lookups remembered for two seconds, so a busy dashboard does not cost a database round trip per
 * request. Logout, password changes and user updates made through this server forget the entries at once;
 * a change made by another process (the CLI, a second server) takes effect within the two seconds.
 */
import type { Db, SessionWithUser } from '@chp/db';
import { findSessionWithUser } from '@chp/db';

export const SESSION_CACHE_TTL_MS = 2000;
const MAX_ENTRIES = 10_000;

export class SessionCache {
  private readonly db: Db;
  private readonly ttlMs: number;
  private readonly entries = new Map<string, { session: SessionWithUser | undefined; at: number }>();

  constructor(db: Db, ttlMs: number = SESSION_CACHE_TTL_MS) {
    this.db = db;
    this.ttlMs = ttlMs;
  }

  async find(tokenHash: string, now: number): Promise<SessionWithUser | undefined> {
    const entry = this.entries.get(tokenHash);
    if (entry && now - entry.at < this.ttlMs) {
      return entry.session;
    }
    const session = await findSessionWithUser(this.db, tokenHash);
    if (this.entries.size >= MAX_ENTRIES) {
      this.entries.clear();
    }
    // Unknown tokens are not remembered: a fresh login must work at once.
    if (session) {
      this.entries.set(tokenHash, { session, at: now });
    }
    return session;
  }

  forgetToken(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  forgetUser(userId: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.session?.user.id === userId) {
        this.entries.delete(key);
      }
    }
  }
}
