/**
 * Plan indicators linked to the indicators computed from the registers (by standard code, in a compatible
 * unit), and the computations themselves, kept for a few seconds per county and year so that a dashboard
 * under load reads the registers at most once per county, year and TTL. Registers imported by another
 * process or request show after the TTL and one read (docs/evaluation.md §7).
 */
import type { RegisterValue, YearValue } from '@chp/core';
import { computedUnitFactor } from '@chp/core';
import type { ComputedIndicator, Db, IndicatorRecord } from '@chp/db';
import { computeIndicators } from '@chp/db';

export const COMPUTED_TTL_MS = 5000;
const MAX_ENTRIES = 1000;

/** What the registers gave for a county and year, and when they were read. */
export interface RegisterComputation {
  computedAt: string;
  indicators: ComputedIndicator[];
}

/** A plan indicator's computed values without the comparison with entered values. */
export type UncomparedValue = Omit<RegisterValue, 'difference'>;

/** The county's computed value of a plan indicator and each township's. */
export interface LinkedComputation {
  county: UncomparedValue;
  townships: UncomparedValue[];
}

function sameFigures(a: ComputedIndicator[], b: ComputedIndicator[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

interface CacheEntry {
  /** The read under way or done. */
  computation: Promise<RegisterComputation>;
  at: number;
  /** The latest figures read, served while a newer read is under way. */
  settled?: RegisterComputation;
}

export class ComputedCache {
  private readonly db: Db;
  private readonly ttlMs: number;
  private readonly entries = new Map<string, CacheEntry>();

  constructor(db: Db, ttlMs: number = COMPUTED_TTL_MS) {
    this.db = db;
    this.ttlMs = ttlMs;
  }

  /**
   * The registers' indicators for a county and year. Once the TTL has passed the registers are read again
   * while the figures held are served, so only the first request for a county and year waits for a read.
   * Figures that have not changed keep their earlier `computedAt`, so a dashboard built on them stays valid.
   */
  get(countyCode: string, year: number): Promise<RegisterComputation> {
    const key = `${countyCode}|${year}`;
    const now = Date.now();
    let entry = this.entries.get(key);
    if (!entry || now - entry.at >= this.ttlMs) entry = this.read(key, countyCode, year, now, entry?.settled);
    return entry.settled ? Promise.resolve(entry.settled) : entry.computation;
  }

  /** Forgets a county's figures, so the next request reads its registers again (after an import here). */
  invalidate(countyCode: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${countyCode}|`)) this.entries.delete(key);
  }

  private read(
    key: string,
    countyCode: string,
    year: number,
    now: number,
    previous: RegisterComputation | undefined
  ): CacheEntry {
    const computedAt = new Date(now).toISOString();
    const computation = computeIndicators(this.db, countyCode, year).then((indicators) => {
      // Compared with what is held when the read ends too: reads may overlap when one is slow.
      const held = [this.entries.get(key)?.settled, previous].find(
        (candidate) => candidate !== undefined && sameFigures(candidate.indicators, indicators)
      );
      return held ?? { computedAt, indicators };
    });
    const entry: CacheEntry = previous ? { computation, at: now, settled: previous } : { computation, at: now };
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, entry);
    void computation.then(
      (result) => {
        entry.settled = result;
      },
      // A failed read is not kept: the next request reads again.
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      }
    );
    return entry;
  }
}

/** Rounds away the floating-point noise of unit conversions and differences (0.30000000000000004). */
function clean(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

function inPlanUnit(row: ComputedIndicator, factor: number, unit: string, computedAt: string): UncomparedValue {
  const scale = (value: number): number => (factor === 1 ? value : clean(value * factor));
  return {
    value: row.value === null ? null : scale(row.value),
    numerator: row.numerator,
    denominator: row.denominator,
    unit,
    computedAt,
    orgUnit: row.orgUnit,
    orgUnitName: row.orgUnitName,
    ...(row.ciLower === undefined ? {} : { ciLower: scale(row.ciLower) }),
    ...(row.ciUpper === undefined ? {} : { ciUpper: scale(row.ciUpper) }),
    ...(row.warnings === undefined ? {} : { warnings: row.warnings }),
  };
}

/**
 * The computed values of each plan indicator whose standard code the registers compute, by indicator
 * id. An indicator stated in a unit that is not a scale of the computed one is not linked.
 */
export function linkComputed(
  indicators: readonly IndicatorRecord[],
  computation: RegisterComputation,
  countyCode: string
): Map<string, LinkedComputation> {
  const byCode = new Map<string, ComputedIndicator[]>();
  for (const row of computation.indicators) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
  const linked = new Map<string, LinkedComputation>();
  for (const indicator of indicators) {
    const rows = indicator.standardCode === null ? undefined : byCode.get(indicator.standardCode);
    const county = rows?.find((row) => row.orgUnit === countyCode);
    if (rows === undefined || county === undefined) continue;
    const factor = computedUnitFactor(indicator.unit, county.unit);
    if (factor === null) continue;
    const unit = indicator.unit === null || indicator.unit.trim() === '' ? county.unit : indicator.unit;
    linked.set(indicator.id, {
      county: inPlanUnit(county, factor, unit, computation.computedAt),
      townships: rows
        .filter((row) => row !== county)
        .map((row) => inPlanUnit(row, factor, unit, computation.computedAt)),
    });
  }
  return linked;
}

/** The computed value beside the approved entered value of the same org unit and year (or none). */
export function compareWithEntered(computed: UncomparedValue, entered: number | null): RegisterValue {
  const difference = computed.value === null || entered === null ? null : clean(computed.value - entered);
  return { ...computed, difference };
}

/** The entered value of exactly `year` in an approved series. */
export function enteredInYear(series: readonly YearValue[], year: number): number | null {
  return series.find((point) => point.year === year)?.value ?? null;
}
