/**
 * The serialised dashboard of a county and year, reused while the county's evaluation digest (approved
 * values and regional references) is unchanged: a repeated dashboard costs no re-evaluation and no
 * re-serialisation of every indicator. The values computed from the registers are not in the digest: the
 * caller passes their `computedAt` as a stamp, and a body built on other figures is rebuilt. The digest itself is remembered for a second; writes through this
 * server forget it at once, so only changes made by another process (the CLI) can take that second.
 * Requests arriving while a body is being built wait for that build instead of evaluating again.
 */
import type { Db } from '@chp/db';
import { countyEvaluationDigest } from '@chp/db';

const MAX_ENTRIES = 1000;
const DIGEST_TTL_MS = 1000;

export class DashboardCache {
  private readonly db: Db;
  private readonly bodies = new Map<string, { digest: string; body: Promise<string> }>();
  private readonly digests = new Map<string, { digest: Promise<string>; at: number }>();

  constructor(db: Db) {
    this.db = db;
  }

  /**
   * The cached body for the county and year, or a freshly built one (stored for next time). `stamp` names
   * whatever else the body was built on (the registers' computation).
   */
  async get(countyCode: string, year: number, stamp: string, build: () => Promise<unknown>): Promise<string> {
    const key = `${countyCode}|${year}`;
    const digest = `${await this.digest(countyCode)}|${stamp}`;
    const cached = this.bodies.get(key);
    if (cached?.digest === digest) {
      return cached.body;
    }
    const body = build().then((result) => JSON.stringify(result));
    if (this.bodies.size >= MAX_ENTRIES) {
      this.bodies.clear();
    }
    const entry = { digest, body };
    this.bodies.set(key, entry);
    body.catch(() => {
      if (this.bodies.get(key) === entry) {
        this.bodies.delete(key);
      }
    });
    return body;
  }

  /** A county's values changed through this server: look at the database again next time. */
  changed(countyCode: string): void {
    this.digests.delete(countyCode);
  }

  /** Forget a county entirely (its plan or installation changed). */
  invalidate(countyCode: string): void {
    this.changed(countyCode);
    for (const key of this.bodies.keys()) {
      if (key.startsWith(`${countyCode}|`)) {
        this.bodies.delete(key);
      }
    }
  }

  private digest(countyCode: string): Promise<string> {
    const now = Date.now();
    const memo = this.digests.get(countyCode);
    if (memo && now - memo.at < DIGEST_TTL_MS) {
      return memo.digest;
    }
    const digest = countyEvaluationDigest(this.db, countyCode);
    this.digests.set(countyCode, { digest, at: now });
    digest.catch(() => this.digests.delete(countyCode));
    return digest;
  }
}
