/**
 * The registers of the default demo: every county with a 2020 population in data/demo/counties.json gets
 * synthetic registers for the plans' baseline and monitoring years, at a fraction of its population so
 * that the prebuilt first-start database stays small (docs/PERFORMANCE.md). Per-1,000 rates do not depend
 * on the fraction; `chp demo --county <code>` without `--scale` generates a county at full size.
 */
import type { Db } from '../connection.js';
import { RESIDENT_CHANGE_PER_YEAR } from './registers/demography.js';
import { FIGURES_YEAR, generateRegisterDemo, readCountyFigures } from './registers/index.js';
import type { RegisterDemoOptions } from './registers/index.js';

/** 2016–2020 is the 十三五 period ending at the plans' baseline; 2021–2025 are the monitoring years. */
export const DEMO_REGISTER_YEARS = { from: 2016, to: 2025 } as const;
/** Share of the 2020 resident population the demo registers hold. */
export const DEMO_REGISTER_SCALE = 0.05;

/**
 * The generator's options for a county, or null when counties.json gives no population for it. The
 * generator's population drifts from its first year, which is set so that 2020 holds the census figure.
 */
export function demoRegisterOptions(countyCode: string, seed: number): RegisterDemoOptions | null {
  const census = readCountyFigures(countyCode).residents2020?.value;
  if (census === undefined) return null;
  const drift = (1 + RESIDENT_CHANGE_PER_YEAR) ** (FIGURES_YEAR - DEMO_REGISTER_YEARS.from);
  const residents = Math.round((census * DEMO_REGISTER_SCALE) / drift);
  return { countyCode, residents, seed, years: { ...DEMO_REGISTER_YEARS } };
}

/** Generates the demo registers of each county that has a population figure. */
export async function seedDemoRegisters(db: Db, countyCodes: readonly string[], seed: number): Promise<void> {
  for (const countyCode of countyCodes) {
    const options = demoRegisterOptions(countyCode, seed);
    if (options !== null) await generateRegisterDemo(db, options);
  }
}
