/** Daily signal counts per site and signal, one csv batch per site and year. */
import { addDays, daysBetween } from '@chp/core';
import type { Db } from '../../connection.js';
import { insertRows } from '../../registers/bulk-insert.js';
import { signalBatch, signalCount } from '../../schema.js';
import type { Random } from '../random.js';
import { poisson } from '../registers/sampling.js';
import { seasonal } from './seasons.js';
import { signalOutbreakExtra } from './outbreaks.js';
import { siteTownship } from './sites.js';
import type { DemoSite } from './sites.js';

type CountRow = Omit<typeof signalCount.$inferInsert, 'batchId'>;

/** Saturday or Sunday, or the summer and winter school holidays. */
function noSchool(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  const monthDay = date.slice(5);
  return (
    day === 0 || day === 6 || (monthDay >= '07-15' && monthDay < '09-01') || (monthDay >= '01-20' && monthDay < '02-20')
  );
}

export async function insertDemoSignals(
  db: Db,
  countyCode: string,
  sites: readonly DemoSite[],
  siteIds: ReadonlyMap<string, number>,
  townships: readonly string[],
  period: { from: string; to: string },
  random: Random
): Promise<number> {
  const days = daysBetween(period.from, period.to);
  const bySiteYear = new Map<string, CountRow[]>();
  for (const site of sites) {
    const siteId = siteIds.get(site.code);
    if (siteId === undefined) continue;
    const townshipCode = siteTownship(site, townships);
    for (let offset = 0; offset <= days; offset += 1) {
      const date = addDays(period.from, offset);
      for (const signal of site.signals) {
        if (signal.weekdaysOnly && noSchool(date)) continue;
        const mean =
          signal.mean * seasonal(date, signal.season) + signalOutbreakExtra(site.code, signal.signal, days - offset);
        const key = `${site.code}-${date.slice(0, 4)}`;
        const rows = bySiteYear.get(key) ?? [];
        rows.push({
          countyCode,
          siteId,
          townshipCode,
          signalDate: date,
          signal: signal.signal,
          count: poisson(random, mean),
        });
        bySiteYear.set(key, rows);
      }
    }
  }
  const batches = await db
    .insert(signalBatch)
    .values(
      [...bySiteYear].map(([key, rows]) => ({
        countyCode,
        batchId: `demo-${key}`,
        channel: 'csv',
        rowCount: rows.length,
        receivedAt: new Date(`${rows.at(-1)?.signalDate ?? period.to}T10:00:00+08:00`),
      }))
    )
    .returning({ id: signalBatch.id, batchId: signalBatch.batchId });
  const batchIds = new Map(batches.map((batch) => [batch.batchId, batch.id]));
  const counts = [...bySiteYear].flatMap(([key, rows]) => {
    const batchId = batchIds.get(`demo-${key}`);
    return batchId === undefined ? [] : rows.map((row) => ({ ...row, batchId }));
  });
  await insertRows(db, signalCount, counts);
  return counts.length;
}
