/** Session tokens: 32 random bytes in the cookie, only their SHA-256 in the database. */
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'chp_session';
/** Sliding idle timeout. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** Absolute lifetime of a session. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
export const TOUCH_INTERVAL_MS = 60 * 1000;
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
