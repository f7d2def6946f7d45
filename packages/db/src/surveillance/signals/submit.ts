/** Validation against the county's sites followed by ingest: the path every channel (API, CSV, manual) takes. */
import { checkSignalBatch, firstRowNumber } from '@chp/core';
import type { SignalBatchError, SignalChannel, SignalIngestResult } from '@chp/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../access/audit.js';
import type { Db } from '../../connection.js';
import { surveillanceSite } from '../../schema.js';
import { ingestSignalBatch } from './ingest.js';

export interface SiteRef {
  id: number;
  kind: string;
  townshipCode: string;
}

/** Active sites by code; limited to some townships for a township user (other sites read as unknown). */
export async function loadSiteMap(db: Db, countyCode: string, townships?: string[]): Promise<Map<string, SiteRef>> {
  const conditions = [eq(surveillanceSite.countyCode, countyCode), eq(surveillanceSite.active, true)];
  if (townships !== undefined) conditions.push(inArray(surveillanceSite.townshipCode, townships));
  const rows = await db
    .select({
      code: surveillanceSite.code,
      id: surveillanceSite.id,
      kind: surveillanceSite.kind,
      townshipCode: surveillanceSite.townshipCode,
    })
    .from(surveillanceSite)
    .where(and(...conditions));
  return new Map(rows.map((row) => [row.code, { id: row.id, kind: row.kind, townshipCode: row.townshipCode }]));
}

export interface SubmitOptions {
  channel: SignalChannel;
  /** Beijing date (YYYY-MM-DD). */
  today: string;
  isDisease: (code: string) => boolean;
  /** The submitter's townships; undefined for the whole county. */
  townships?: string[] | undefined;
}

export type SubmitOutcome = { ok: true; result: SignalIngestResult } | { ok: false; errors: SignalBatchError[] };

export async function submitSignalBatch(
  db: Db,
  actor: Actor,
  countyCode: string,
  input: unknown,
  options: SubmitOptions
): Promise<SubmitOutcome> {
  const sites = await loadSiteMap(db, countyCode, options.townships);
  const kinds = new Map([...sites].map(([code, site]) => [code, site.kind]));
  const check = checkSignalBatch(input, {
    sites: kinds,
    today: options.today,
    isDisease: options.isDisease,
    firstRow: firstRowNumber(options.channel),
  });
  if (!check.ok) return check;
  const rows = check.batch.rows.map((row) => {
    const site = sites.get(row.site);
    if (site === undefined) throw new Error(`site ${row.site} vanished after validation`);
    return { siteId: site.id, townshipCode: site.townshipCode, date: row.date, signal: row.signal, count: row.count };
  });
  const result = await ingestSignalBatch(db, actor, countyCode, {
    batchId: check.batch.batchId,
    channel: options.channel,
    rows,
  });
  return { ok: true, result };
}
