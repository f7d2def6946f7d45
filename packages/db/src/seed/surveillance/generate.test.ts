import { findDisease, isCardComplete, validateCaseReport } from '@chp/core';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounty } from '../../org-units/load-county.js';
import { caseReport, resident, signalBatch, signalCount, surveillanceSite } from '../../schema.js';
import { openTestDatabase, testDatabaseKinds, testIdCipher } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import { generateHealthRecordsDemo } from '../health/generate.js';
import { generateRegisterDemo } from '../registers/generate.js';
import { generateSurveillanceDemo } from './generate.js';
import type { SurveillanceDemoCounts } from './generate.js';

const COUNTY = '640221';
const YEARS = { from: 2023, to: 2025 };

describe.each(testDatabaseKinds())('generateSurveillanceDemo on %s', (kind) => {
  let database: TestDatabase;
  let counts: SurveillanceDemoCounts;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await addCounty(database.db, COUNTY);
    await generateRegisterDemo(database.db, { countyCode: COUNTY, residents: 2000, seed: 5, years: YEARS });
    await generateHealthRecordsDemo(database.db, {
      countyCode: COUNTY,
      residents: 1500,
      seed: 5,
      years: YEARS,
      idCipher: testIdCipher(),
    });
    counts = await generateSurveillanceDemo(database.db, { countyCode: COUNTY, seed: 5, endDate: '2025-12-31' });
  }, 300_000);
  afterAll(async () => {
    await database.close();
  });

  it('writes sites, a batch per site and year, and counts in range', async () => {
    const db = database.db;
    const [sites] = await db
      .select({ n: count() })
      .from(surveillanceSite)
      .where(eq(surveillanceSite.countyCode, COUNTY));
    const [batches] = await db.select({ n: count() }).from(signalBatch).where(eq(signalBatch.countyCode, COUNTY));
    const [signals] = await db.select({ n: count() }).from(signalCount).where(eq(signalCount.countyCode, COUNTY));
    expect(sites?.n).toBe(15);
    expect(counts.sites).toBe(15);
    expect(batches?.n).toBe(15 * 4);
    expect(signals?.n).toBe(counts.signalCounts);
    expect(counts.signalCounts).toBeGreaterThan(15_000);
    expect(counts.signalCounts).toBeLessThanOrEqual(40_000);
  });

  it('writes valid case cards, mostly of demo residents', async () => {
    const cards = await database.db.select().from(caseReport).where(eq(caseReport.countyCode, COUNTY));
    expect(cards.length).toBe(counts.cases);
    expect(cards.length).toBeGreaterThan(2000);
    expect(cards.length).toBeLessThanOrEqual(6000);
    const now = new Date('2026-01-10T00:00:00Z');
    for (const card of cards) {
      const errors = validateCaseReport(
        {
          patientName: card.patientName,
          diseaseCode: card.diseaseCode,
          classification: card.classification,
          onsetDate: card.onsetDate,
          diagnosedAt: card.diagnosedAt.toISOString(),
          reportedAt: card.reportedAt.toISOString(),
          reportingDoctor: card.reportingDoctor,
          birthDate: card.birthDate,
        },
        findDisease(card.diseaseCode),
        now
      );
      expect(errors, card.cardNumber).toEqual([]);
      expect(card.cardNumber).toMatch(/^640221\d{4}\d{6}$/);
    }
    // 完整率 is neither 0 nor 100 %: most cards carry ID number, phone and village, some do not.
    const complete = cards.filter(isCardComplete).length / cards.length;
    expect(complete).toBeGreaterThan(0.6);
    expect(complete).toBeLessThan(0.98);
    const linked = cards.filter((card) => card.residentId !== null);
    expect(linked.length / cards.length).toBeGreaterThan(0.8);
    const [one] = linked;
    const [person] = await database.db
      .select()
      .from(resident)
      .where(eq(resident.id, one?.residentId ?? 0));
    expect(one?.idNumberHash).toBe(person?.idNumberHash);
    expect(cards.some((card) => card.status === 'pending')).toBe(true);
  });

  it('runs detection, which raises alerts', () => {
    expect(counts.alerts).toBeGreaterThan(0);
  });
});
