/**
 * Ingest of a signal batch in one transaction, all-or-nothing. A batch id already received for the county
 * returns the earlier batch flagged `repeated` and changes nothing; otherwise counts are upserted on
 * (county, site, date, signal) and a late count replaces the earlier one (a correction, never a sum).
 */
import type { SignalChannel, SignalIngestResult } from '@chp/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../access/audit.js';
import { writeAudit } from '../../access/audit.js';
import type { Db } from '../../connection.js';
import { queryRows } from '../../connection.js';
import { signalBatch } from '../../schema.js';
import { pgArrayLiteral } from './pg-array.js';

/** A validated row with its site resolved. */
export interface ResolvedSignalRow {
  siteId: number;
  townshipCode: string;
  date: string;
  signal: string;
  count: number;
}

export interface SignalBatchToIngest {
  batchId: string;
  channel: SignalChannel;
  rows: readonly ResolvedSignalRow[];
}

/** Rows per upsert statement: large enough to amortise round trips, small enough for PGlite's memory. */
const CHUNK_ROWS = 20_000;

interface ChunkOutcome {
  inserted: number;
  changed: number;
}

async function upsertChunk(
  db: Db,
  countyCode: string,
  batchRowId: number,
  rows: readonly ResolvedSignalRow[]
): Promise<ChunkOutcome> {
  const siteIds = pgArrayLiteral(rows.map((r) => r.siteId));
  const townships = pgArrayLiteral(rows.map((r) => r.townshipCode));
  const dates = pgArrayLiteral(rows.map((r) => r.date));
  const signals = pgArrayLiteral(rows.map((r) => r.signal));
  const counts = pgArrayLiteral(rows.map((r) => r.count));
  // xmax = 0 tells an inserted row from an updated one; unchanged rows are filtered by the WHERE and not returned.
  const [outcome] = await queryRows<{ inserted: number | string; changed: number | string }>(
    db,
    sql`with up as (
      insert into signal_count (county_code, site_id, township_code, signal_date, signal, count, batch_id)
      select ${countyCode}, s, t, d, g, c, ${batchRowId}
      from unnest(${siteIds}::int[], ${townships}::text[], ${dates}::date[], ${signals}::text[], ${counts}::int[])
        as u(s, t, d, g, c)
      on conflict (county_code, site_id, signal_date, signal) do update
        set count = excluded.count, township_code = excluded.township_code, batch_id = excluded.batch_id,
            updated_at = now()
        where signal_count.count is distinct from excluded.count
      returning (xmax = 0) as fresh
    )
    select count(*) filter (where fresh) as inserted, count(*) as changed from up`
  );
  return { inserted: Number(outcome?.inserted ?? 0), changed: Number(outcome?.changed ?? 0) };
}

type BatchRow = typeof signalBatch.$inferSelect;

function repeatedResult(row: BatchRow): SignalIngestResult {
  // The first result's split is not stored (signal_batch has only row_count); a repeat changed nothing.
  return {
    batchId: row.batchId,
    channel: row.channel as SignalChannel,
    rowCount: row.rowCount,
    inserted: 0,
    replaced: 0,
    unchanged: 0,
    receivedAt: row.receivedAt.toISOString(),
    repeated: true,
  };
}

export async function ingestSignalBatch(
  db: Db,
  actor: Actor,
  countyCode: string,
  batch: SignalBatchToIngest
): Promise<SignalIngestResult> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(signalBatch)
      .values({
        countyCode,
        batchId: batch.batchId,
        channel: batch.channel,
        rowCount: batch.rows.length,
        receivedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (created === undefined) {
      const [earlier] = await tx
        .select()
        .from(signalBatch)
        .where(and(eq(signalBatch.countyCode, countyCode), eq(signalBatch.batchId, batch.batchId)));
      if (earlier === undefined) throw new Error(`signal batch ${batch.batchId} conflicted but is absent`);
      return repeatedResult(earlier);
    }
    let inserted = 0;
    let changed = 0;
    for (let start = 0; start < batch.rows.length; start += CHUNK_ROWS) {
      const outcome = await upsertChunk(tx, countyCode, created.id, batch.rows.slice(start, start + CHUNK_ROWS));
      inserted += outcome.inserted;
      changed += outcome.changed;
    }
    const result: SignalIngestResult = {
      batchId: batch.batchId,
      channel: batch.channel,
      rowCount: batch.rows.length,
      inserted,
      replaced: changed - inserted,
      unchanged: batch.rows.length - changed,
      receivedAt: created.receivedAt.toISOString(),
      repeated: false,
    };
    await writeAudit(tx, actor, {
      action: 'signal.batch',
      entity: 'signal_batch',
      entityId: created.id,
      countyCode,
      after: result,
    });
    return result;
  });
}
