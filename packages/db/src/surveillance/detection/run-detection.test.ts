import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows } from '../../registers/bulk-insert.js';
import {
  alert,
  caseReport,
  detectionResult,
  detectionRun,
  signalBatch,
  signalCount,
  surveillanceSite,
} from '../../schema.js';
import { openTestDatabase, testDatabaseKinds } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import { addDays } from '@chp/core';
import { runDetection } from './run-detection.js';

const COUNTY = '640221';
const TOWN_A = '640221100';
const TOWN_B = '640221101';
const DATE = '2026-03-10';
const FIRST = '2022-01-01';

type CaseRow = typeof caseReport.$inferInsert;

let cardNumber = 0;
function card(diseaseCode: string, townshipCode: string, onsetDate: string, extra: Partial<CaseRow> = {}): CaseRow {
  cardNumber += 1;
  return {
    countyCode: COUNTY,
    cardNumber: `C${String(cardNumber)}`,
    patientName: '测试',
    sex: '1',
    townshipCode,
    diseaseCode,
    classification: 'confirmed',
    onsetDate,
    diagnosedAt: new Date(`${onsetDate}T08:00:00Z`),
    reportedAt: new Date(`${onsetDate}T10:00:00Z`),
    facilityId: 1,
    reportingDoctor: '医生',
    status: 'pending',
    duplicateOfId: null,
    deletedReason: null,
    ...extra,
  };
}

/** 0, 1 or 2 cases a day of D_ENDEMIC in town A up to the day before DATE, then an outbreak of 12 on DATE. */
function endemicCases(): CaseRow[] {
  const rows: CaseRow[] = [];
  for (let day = FIRST, index = 0; day < DATE; day = addDays(day, 1), index += 1) {
    for (let n = 0; n < index % 3; n += 1) rows.push(card('D_ENDEMIC', TOWN_A, day));
  }
  for (let n = 0; n < 12; n += 1) rows.push(card('D_ENDEMIC', TOWN_A, DATE));
  return rows;
}

async function results(database: TestDatabase, subject: string): Promise<(typeof detectionResult.$inferSelect)[]> {
  return database.db
    .select()
    .from(detectionResult)
    .where(and(eq(detectionResult.assessedDate, DATE), eq(detectionResult.subject, subject)))
    .orderBy(detectionResult.areaCode, detectionResult.method);
}

describe.each(testDatabaseKinds())('daily detection run on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await insertRows(database.db, caseReport, [
      ...endemicCases(),
      card('cholera', TOWN_B, DATE),
      card('cholera', TOWN_A, DATE),
      card('cholera', TOWN_A, DATE, { status: 'deleted', deletedReason: '误报' }),
      card('cholera', TOWN_A, DATE, { duplicateOfId: 1 }),
    ]);
    const [site] = await database.db
      .insert(surveillanceSite)
      .values({ countyCode: COUNTY, code: 'S1', name: '第一小学', kind: 'school', townshipCode: TOWN_B })
      .returning();
    const [batch] = await database.db
      .insert(signalBatch)
      .values({ countyCode: COUNTY, batchId: 'b1', channel: 'api', rowCount: 3 })
      .returning();
    await insertRows(
      database.db,
      signalCount,
      [2, 1, 0].map((back) => ({
        countyCode: COUNTY,
        siteId: site!.id,
        townshipCode: TOWN_B,
        signalDate: addDays(DATE, -back),
        signal: 'absence_fever',
        count: 2,
        batchId: batch!.id,
      }))
    );
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('signals an immediate disease from one case, per township and county, without deleted or duplicate cards', async () => {
    const summary = await runDetection(database.db, COUNTY, DATE, 'manual', 7);
    expect(summary.settingErrors).toEqual([]);
    const rows = await results(database, 'cholera');
    expect(rows.map((row) => [row.areaCode, row.method, row.observed, row.alarm])).toEqual([
      [COUNTY, 'immediate', 2, true],
      [TOWN_A, 'immediate', 1, true],
      [TOWN_B, 'immediate', 1, true],
    ]);
  });

  it('detects the outbreak with the default methods of a disease, the county observing the sum of its townships', async () => {
    const rows = await results(database, 'D_ENDEMIC');
    const town = rows.filter((row) => row.areaCode === TOWN_A);
    expect(town.map((row) => row.method).sort()).toEqual(
      ['cusum', 'ears-c1', 'ears-c2', 'ears-c3', 'farrington', 'moving-percentile'].sort()
    );
    // C3's bound adds the assessed day's own count (as R's earsC does), so a one-day spike does not alarm it.
    const alarming = town.filter((row) => row.alarm).map((row) => row.method);
    expect(alarming.sort()).toEqual(['cusum', 'ears-c1', 'ears-c2', 'farrington', 'moving-percentile']);
    const county = rows.filter((row) => row.areaCode === COUNTY);
    expect(county.map((row) => [row.method, row.observed])).toEqual(town.map((row) => [row.method, row.observed]));
    expect(town.find((row) => row.method === 'ears-c1')?.observed).toBe(12);
  });

  it('applies the school cluster rule to absences at one school', async () => {
    const rows = await results(database, 'absence_fever');
    const cluster = rows.filter((row) => row.method === 'cluster');
    expect(cluster.map((row) => [row.source, row.areaCode, row.observed, row.upperbound])).toEqual([
      ['school', TOWN_B, 6, 5],
    ]);
  });

  it('replaces the results of the date on a re-run and records each run', async () => {
    const before = await database.db.select().from(detectionResult);
    const summary = await runDetection(database.db, COUNTY, DATE, 'daily', null);
    const after = await database.db.select().from(detectionResult);
    expect(after).toHaveLength(before.length);
    expect(summary.resultCount).toBe(before.length);
    expect(new Set(after.map((row) => row.runId))).toEqual(new Set([summary.runId]));
    const runs = await database.db.select().from(detectionRun).orderBy(detectionRun.id);
    expect(runs.map((run) => [run.trigger, run.startedBy, run.finishedAt !== null])).toEqual([
      ['manual', 7, true],
      ['daily', null, true],
    ]);
    // The first run raised the alerts; the re-run updates them, never opening a second one per subject and area.
    expect(runs[0]!.alertCount).toBeGreaterThan(0);
    const open = await database.db.select().from(alert);
    expect(open).toHaveLength(runs[0]!.alertCount!);
  });
});
