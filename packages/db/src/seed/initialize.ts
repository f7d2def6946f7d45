/**
 * First start of a new installation: adds the counties whose plans ship with the platform, loads their
 * plans and (optionally) demo data — monitoring values, projects, registers and one county's residents
 * with their health records — then records that this happened so later starts leave data alone.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../connection.js';
import type { IdCipher } from '../health/id-cipher.js';
import { addCounty } from '../org-units/load-county.js';
import { loadPlan } from '../plans/load-plan.js';
import { listPlanFiles, readPlanFile } from '../plans/plan-files.js';
import { setting } from '../schema.js';
import { seedDemoData } from './demo.js';
import { DEMO_HEALTH_COUNTY, DEMO_HEALTH_YEARS, seedDemoHealthRecords } from './demo-health-records.js';
import { seedDemoRegisters } from './demo-registers.js';
import { generateSurveillanceDemo } from './surveillance/generate.js';

export const INITIALIZED_SETTING = 'initialized';
/** The demo seed: fixed, so every fresh demo installation shows the same numbers. */
export const DEMO_SEED = 20211;

export interface InitializeOptions {
  demo: boolean;
  /** The administrator the server created; recorded as the one who entered and approved demo values. */
  adminUserId: number;
  /** Encrypts the demo residents' ID numbers (health/id-cipher.ts). */
  idCipher: IdCipher;
}

/** Returns the counties loaded by this call (none when the platform was already initialised). */
export async function initializePlatform(
  db: Db,
  options: InitializeOptions
): Promise<{ counties: string[]; seeded: boolean }> {
  const done = await db.select().from(setting).where(eq(setting.key, INITIALIZED_SETTING));
  if (done.length > 0) {
    return { counties: [], seeded: false };
  }
  const counties = listPlanFiles();
  // Read every file before writing anything, so a broken file stops the start-up with nothing half-loaded.
  const plans = counties.map((code) => readPlanFile(code));
  for (const plan of plans) {
    await addCounty(db, plan.countyCode);
    await loadPlan(db, plan);
  }
  if (options.demo) {
    await seedDemoData(db, {
      countyCodes: counties,
      seed: DEMO_SEED,
      enteredBy: options.adminUserId,
      approvedBy: options.adminUserId,
    });
    await seedDemoRegisters(db, counties, DEMO_SEED);
    const records = await seedDemoHealthRecords(db, options.idCipher, DEMO_SEED);
    // Surveillance cards are of the demo residents, so only where they were generated.
    if (records !== null) {
      await generateSurveillanceDemo(db, {
        countyCode: DEMO_HEALTH_COUNTY,
        seed: DEMO_SEED,
        endDate: `${String(DEMO_HEALTH_YEARS.to)}-12-31`,
      });
    }
  }
  await db
    .insert(setting)
    .values({ key: INITIALIZED_SETTING, value: { at: new Date().toISOString(), counties, demo: options.demo } })
    .onConflictDoNothing();
  return { counties, seeded: true };
}
