/** What route modules share: the database, the plan cache and the security settings. */
import type { Db } from '@chp/db';
import type { HashCost } from './auth/passwords.js';
import type { SessionCache } from './auth/session-cache.js';
import type { DashboardCache } from './evaluation/dashboard-cache.js';
import type { PlanCache } from './evaluation/plan-cache.js';

export interface AppDeps {
  db: Db;
  cache: PlanCache;
  dashboards: DashboardCache;
  hashCost: HashCost | undefined;
  sessions: SessionCache;
}
