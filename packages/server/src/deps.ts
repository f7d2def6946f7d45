/** What route modules share: the database, the plan cache and the security settings. */
import type { Db, IdCipher } from '@chp/db';
import type { HashCost } from './auth/passwords.js';
import type { SessionCache } from './auth/session-cache.js';
import type { ComputedCache } from './evaluation/computed-values.js';
import type { DashboardCache } from './evaluation/dashboard-cache.js';
import type { PlanCache } from './evaluation/plan-cache.js';

export interface AppDeps {
  db: Db;
  idCipher: IdCipher;
  cache: PlanCache;
  /** The registers' computed indicators per county and year, kept a few seconds. */
  computed: ComputedCache;
  dashboards: DashboardCache;
  hashCost: HashCost | undefined;
  sessions: SessionCache;
}
