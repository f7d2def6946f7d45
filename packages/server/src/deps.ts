/** What route modules share: the database, the plan cache and the security settings. */
import type { Db } from '@chp/db';
import type { HashCost } from './auth/passwords.js';
import type { PlanCache } from './evaluation/plan-cache.js';

export interface AppDeps {
  db: Db;
  cache: PlanCache;
  hashCost: HashCost | undefined;
}
