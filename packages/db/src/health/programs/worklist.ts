/**
 * The worklist of a user's area (docs/health-records.md §3): the due items of the residents in scope, split
 * by core into "today" and "overdue". A village of 3,000 residents is four queries — the candidates through
 * resident_area_idx, their enrolments, visits and doses by resident id — and one place-name lookup.
 */
import type { WorklistItem, WorklistResponse, WorklistView } from '@chp/core';
import { buildWorklist } from '@chp/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { orgUnit } from '../../schema.js';
import { dueCandidates, showsItem, worklistResident } from './due-candidates.js';
import type { DueArea, DueCandidate } from './due-candidates.js';
import { loadScheduleRecords } from './schedule-inputs.js';

export interface WorklistQuery extends DueArea {
  /** Only this list; both when omitted. */
  view?: WorklistView | undefined;
}

async function placeNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: orgUnit.code, name: orgUnit.name })
    .from(orgUnit)
    .where(sql`${orgUnit.code} = any(${sql.param([...new Set(codes)])}::text[])`);
  return new Map(rows.map((row) => [row.code, row.name]));
}

export async function worklistOf(db: Db, query: WorklistQuery): Promise<WorklistResponse> {
  const { asOf, program } = query;
  const candidates = await dueCandidates(db, query);
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  const records = await loadScheduleRecords(db, query.countyCode, [...byId.keys()], asOf);
  const residents = candidates.flatMap((candidate) => {
    const own = records.get(candidate.id);
    return own === undefined ? [] : [worklistResident(candidate, own, program)];
  });
  const lists = buildWorklist(residents, asOf);
  const placeOf = (candidate: DueCandidate): string => candidate.villageCode ?? candidate.townshipCode;
  const names = await placeNames(db, candidates.map(placeOf));
  const items = (view: WorklistView): WorklistItem[] => {
    if (query.view !== undefined && query.view !== view) return [];
    return lists[view].flatMap((item) => {
      const candidate = byId.get(item.residentId);
      if (candidate === undefined || !showsItem(candidate, item, program)) return [];
      return [
        {
          ...item,
          residentName: candidate.name,
          idNumberMasked: candidate.idNumberMasked,
          townshipCode: candidate.townshipCode,
          villageCode: candidate.villageCode,
          placeName: names.get(placeOf(candidate)) ?? placeOf(candidate),
        },
      ];
    });
  };
  return { asOf, today: items('today'), overdue: items('overdue') };
}
