import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounty } from '../../org-units/load-county.js';
import { openTestDatabase, testDatabaseKinds } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import { createSite, SiteError } from '../sites/sites.js';
import { listSignalCounts, signalSeries } from './series.js';
import { submitSignalBatch } from './submit.js';

const COUNTY = '640221';
const TOWNSHIP = '640221100';
const OTHER_TOWNSHIP = '640221101';
const actor = { userId: null, username: 'test', ip: null };
const options = { channel: 'api' as const, today: '2026-03-10', isDisease: (code: string) => code === 'covid19' };

describe.each(testDatabaseKinds())('signal ingest on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await addCounty(database.db, COUNTY);
    await createSite(database.db, COUNTY, { code: 'P1', name: '药店一', kind: 'pharmacy', townshipCode: TOWNSHIP });
    await createSite(database.db, COUNTY, { code: 'S1', name: '小学', kind: 'school', townshipCode: OTHER_TOWNSHIP });
    await createSite(database.db, COUNTY, { code: 'L1', name: '检验科', kind: 'laboratory', townshipCode: TOWNSHIP });
  });
  afterAll(async () => {
    await database.close();
  });

  it('rejects a duplicate site code and a township outside the county', async () => {
    await expect(
      createSite(database.db, COUNTY, { code: 'P1', name: 'x', kind: 'pharmacy', townshipCode: TOWNSHIP })
    ).rejects.toBeInstanceOf(SiteError);
    await expect(
      createSite(database.db, COUNTY, { code: 'P9', name: 'x', kind: 'pharmacy', townshipCode: '140423100' })
    ).rejects.toThrow('不属于本县');
  });

  it('ingests, repeats idempotently and replaces a late correction', async () => {
    const first = await submitSignalBatch(
      database.db,
      actor,
      COUNTY,
      {
        batchId: 'b1',
        rows: [
          { site: 'P1', date: '2026-03-01', signal: 'antipyretic_sales', count: 5 },
          { site: 'S1', date: '2026-03-01', signal: 'absence_fever', count: 2 },
          { site: 'L1', date: '2026-03-02', signal: 'covid19', count: 1 },
        ],
      },
      options
    );
    expect(first).toMatchObject({ ok: true, result: { inserted: 3, replaced: 0, unchanged: 0, repeated: false } });
    const again = await submitSignalBatch(
      database.db,
      actor,
      COUNTY,
      {
        batchId: 'b1',
        rows: [{ site: 'P1', date: '2026-03-01', signal: 'antipyretic_sales', count: 99 }],
      },
      options
    );
    expect(again).toMatchObject({ ok: true, result: { repeated: true, rowCount: 3 } });
    const late = await submitSignalBatch(
      database.db,
      actor,
      COUNTY,
      {
        batchId: 'b2',
        rows: [
          { site: 'P1', date: '2026-03-01', signal: 'antipyretic_sales', count: 7 },
          { site: 'S1', date: '2026-03-01', signal: 'absence_fever', count: 2 },
        ],
      },
      options
    );
    expect(late).toMatchObject({ ok: true, result: { inserted: 0, replaced: 1, unchanged: 1 } });
    const series = await signalSeries(database.db, COUNTY, {
      signal: 'antipyretic_sales',
      area: COUNTY,
      from: '2026-02-28',
      to: '2026-03-02',
    });
    expect(series.points).toEqual([
      { date: '2026-02-28', count: 0 },
      { date: '2026-03-01', count: 7 },
      { date: '2026-03-02', count: 0 },
    ]);
    const township = await signalSeries(database.db, COUNTY, {
      signal: 'absence_fever',
      area: TOWNSHIP,
      from: '2026-03-01',
      to: '2026-03-01',
    });
    expect(township.points).toEqual([{ date: '2026-03-01', count: 0 }]);
    const page = await listSignalCounts(database.db, COUNTY, { townships: [TOWNSHIP], page: 1, pageSize: 10 });
    expect(page.total).toBe(2);
    expect(page.rows[0]).toMatchObject({ siteCode: 'L1', date: '2026-03-02', batchId: 'b1' });
  });

  it('rejects the whole batch on one bad row and names every error', async () => {
    const outcome = await submitSignalBatch(
      database.db,
      actor,
      COUNTY,
      {
        batchId: 'b3',
        rows: [
          { site: 'P1', date: '2026-03-03', signal: 'antipyretic_sales', count: 1 },
          { site: 'P1', date: '2026-03-11', signal: 'absence_fever', count: -1 },
          { site: 'ZZ', date: '2026-03-03', signal: 'fever', count: 1.5 },
          { site: 'P1', date: '2026-03-03', signal: 'antipyretic_sales', count: 2 },
        ],
      },
      options
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => [e.row, e.field])).toEqual([
      [1, 'date'],
      [1, 'signal'],
      [1, 'count'],
      [2, 'site'],
      [2, 'count'],
      [3, 'signal'],
    ]);
    const page = await listSignalCounts(database.db, COUNTY, { from: '2026-03-03', page: 1, pageSize: 10 });
    expect(page.total).toBe(0);
  });

  it('treats sites outside the submitter townships as unknown', async () => {
    const outcome = await submitSignalBatch(
      database.db,
      actor,
      COUNTY,
      {
        batchId: 'b4',
        rows: [{ site: 'S1', date: '2026-03-04', signal: 'absence_other', count: 1 }],
      },
      { ...options, townships: [TOWNSHIP] }
    );
    expect(outcome).toMatchObject({ ok: false, errors: [{ row: 0, field: 'site' }] });
  });
});
