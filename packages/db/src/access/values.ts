/**
 * The monitoring-value workflow: draft → submitted → approved, or submitted → returned → submitted.
 * Approved values are never edited in place: saving a new value for the same indicator, org unit and
 * year sends it back to draft with version + 1, and the history keeps every earlier state.
 */
import type { MonitoringValue, ValueHistoryEntry } from '@chp/core';
import { checkMonitoringValue } from '@chp/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { indicator, indicatorValue, indicatorValueHistory, orgUnit, plan } from '../schema.js';
import { writeAudit } from './audit.js';
import type { Actor } from './audit.js';
import { AccessError } from './errors.js';
import { getValue } from './value-read.js';
import type { ValueRow } from './value-read.js';

/** Where a value lands; passed to the caller's scope check before anything is written. */
export interface ValueTarget {
  countyCode: string;
  orgUnitCode: string;
}

/** Throws when the actor may not touch the target (the server's scope rule). */
export type Authorize = (target: ValueTarget) => void;

export interface SaveValueInput {
  indicatorId: string;
  orgUnitCode?: string | undefined;
  year: number;
  value: number;
  sourceDocument?: string | undefined;
  note?: string | undefined;
  submit?: boolean | undefined;
}

interface IndicatorContext {
  id: string;
  name: string;
  unit: string | null;
  countyCode: string;
  firstYear: number;
  lastYear: number;
}

/** The indicators of a county with the years their values may have (baseline year to plan end). */
function selectContexts(db: Db, where: SQL): Promise<Parameters<typeof toContext>[0][]> {
  return db
    .select({
      id: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      countyCode: indicator.countyCode,
      baselineYear: indicator.baselineYear,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
    })
    .from(indicator)
    .innerJoin(plan, eq(plan.id, indicator.planId))
    .where(where);
}

export async function valueContexts(db: Db, countyCode: string): Promise<Map<string, IndicatorContext>> {
  const rows = await selectContexts(db, eq(indicator.countyCode, countyCode));
  return new Map(rows.map((row) => [row.id, toContext(row)]));
}

async function indicatorContext(db: Db, indicatorId: string): Promise<IndicatorContext> {
  const [row] = await selectContexts(db, eq(indicator.id, indicatorId));
  if (!row) {
    throw new AccessError('not_found', 'indicator_not_found', `指标 ${indicatorId} 不存在`);
  }
  return toContext(row);
}

function toContext(row: {
  id: string;
  name: string;
  unit: string | null;
  countyCode: string;
  baselineYear: number | null;
  periodStart: number;
  periodEnd: number;
}): IndicatorContext {
  // The baseline year (usually the year before the plan starts) may carry a value too.
  const firstYear = Math.min(row.periodStart - 1, row.baselineYear ?? row.periodStart - 1);
  return { id: row.id, name: row.name, unit: row.unit, countyCode: row.countyCode, firstYear, lastYear: row.periodEnd };
}

/** Why a value cannot be stored for this indicator and year, in Chinese; empty when it can. */
export function valueProblems(context: IndicatorContext, year: number, value: number): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(year) || year < context.firstYear || year > context.lastYear) {
    problems.push(`年份 ${year} 不在规划期内（${context.firstYear}—${context.lastYear}）`);
  }
  const valueProblem = checkMonitoringValue({ unit: context.unit, name: context.name }, value);
  if (valueProblem) {
    problems.push(valueProblem);
  }
  return problems;
}

/** The org units of a county by code (the county itself included). */
export async function countyOrgUnitCodes(db: Db, countyCode: string, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ code: orgUnit.code })
    .from(orgUnit)
    .where(and(eq(orgUnit.countyCode, countyCode), inArray(orgUnit.code, codes)));
  const found = new Set(rows.map((r) => r.code));
  if (codes.includes(countyCode)) {
    found.add(countyCode);
  }
  return found;
}

export async function saveValue(
  db: Db,
  actor: ActorWithId,
  input: SaveValueInput,
  authorize: Authorize
): Promise<MonitoringValue> {
  return db.transaction(async (tx) => {
    const context = await indicatorContext(tx, input.indicatorId);
    const orgUnitCode = input.orgUnitCode ?? context.countyCode;
    authorize({ countyCode: context.countyCode, orgUnitCode });
    const units = await countyOrgUnitCodes(tx, context.countyCode, [orgUnitCode]);
    if (!units.has(orgUnitCode)) {
      throw new AccessError('invalid', 'org_unit_outside_county', `机构/区划 ${orgUnitCode} 不属于该县`);
    }
    const problems = valueProblems(context, input.year, input.value);
    if (problems.length > 0) {
      throw new AccessError('invalid', 'invalid_value', problems.join('；'));
    }
    const [existing] = await tx
      .select()
      .from(indicatorValue)
      .where(
        and(
          eq(indicatorValue.indicatorId, input.indicatorId),
          eq(indicatorValue.orgUnitCode, orgUnitCode),
          eq(indicatorValue.year, input.year)
        )
      )
      .for('update');
    if (existing?.status === 'submitted') {
      throw new AccessError('conflict', 'value_submitted', '该数据已提交待审核，审核或退回前不能修改');
    }
    const now = new Date();
    const fields = {
      value: input.value,
      sourceDocument: input.sourceDocument ?? null,
      note: input.note ?? null,
      status: input.submit ? 'submitted' : 'draft',
      enteredBy: actor.userId,
      enteredAt: now,
      submittedBy: input.submit ? actor.userId : null,
      submittedAt: input.submit ? now : null,
      approvedBy: null,
      approvedAt: null,
      returnReason: null,
    };
    let row: ValueRow | undefined;
    if (existing) {
      [row] = await tx
        .update(indicatorValue)
        .set({ ...fields, version: existing.version + 1 })
        .where(eq(indicatorValue.id, existing.id))
        .returning();
    } else {
      [row] = await tx
        .insert(indicatorValue)
        .values({
          ...fields,
          countyCode: context.countyCode,
          indicatorId: input.indicatorId,
          orgUnitCode,
          year: input.year,
        })
        .returning();
    }
    if (!row) {
      throw new Error('saving indicator_value returned no row');
    }
    await addHistory(tx, actor, { ...row, status: 'draft' }, existing ? 'update' : 'create', null);
    if (input.submit) {
      await addHistory(tx, actor, row, 'submit', null);
    }
    return finish(tx, actor, existing ? 'value.update' : 'value.create', existing, row);
  });
}

export async function submitValue(
  db: Db,
  actor: ActorWithId,
  id: number,
  authorize: Authorize
): Promise<MonitoringValue> {
  return transition(db, actor, id, authorize, (before, now) => {
    if (before.status !== 'draft' && before.status !== 'returned') {
      throw new AccessError('conflict', 'not_submittable', `当前状态为“${statusName(before.status)}”，不能提交`);
    }
    return { status: 'submitted', submittedBy: actor.userId, submittedAt: now, action: 'submit', reason: null };
  });
}

export async function approveValue(
  db: Db,
  actor: ActorWithId,
  id: number,
  authorize: Authorize
): Promise<MonitoringValue> {
  return transition(db, actor, id, authorize, (before, now) => {
    if (before.status !== 'submitted') {
      throw new AccessError(
        'conflict',
        'not_submitted',
        `当前状态为“${statusName(before.status)}”，只能审核已提交的数据`
      );
    }
    if (before.enteredBy === actor.userId) {
      throw new AccessError('forbidden', 'self_approval', '不能审核自己录入的数据，请由其他审核人审核');
    }
    return { status: 'approved', approvedBy: actor.userId, approvedAt: now, action: 'approve', reason: null };
  });
}

export async function returnValue(
  db: Db,
  actor: ActorWithId,
  id: number,
  reason: string,
  authorize: Authorize
): Promise<MonitoringValue> {
  return transition(db, actor, id, authorize, (before) => {
    if (before.status !== 'submitted') {
      throw new AccessError(
        'conflict',
        'not_submitted',
        `当前状态为“${statusName(before.status)}”，只能退回已提交的数据`
      );
    }
    return { status: 'returned', returnReason: reason, action: 'return', reason };
  });
}

export interface ImportValueRow {
  indicatorId: string;
  orgUnitCode: string;
  year: number;
  value: number;
  sourceDocument?: string | null | undefined;
  note?: string | null | undefined;
}

/**
 * Writes imported rows as submitted values (history action 'import') in one transaction, with one
 * audit row listing them. The caller has validated the rows.
 */
export async function importValues(
  db: Db,
  actor: ActorWithId,
  countyCode: string,
  rows: ImportValueRow[],
  fileName: string
): Promise<number[]> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const ids: number[] = [];
    const before: ValueRow[] = [];
    for (const input of rows) {
      const [existing] = await tx
        .select()
        .from(indicatorValue)
        .where(
          and(
            eq(indicatorValue.indicatorId, input.indicatorId),
            eq(indicatorValue.orgUnitCode, input.orgUnitCode),
            eq(indicatorValue.year, input.year)
          )
        )
        .for('update');
      const fields = {
        value: input.value,
        sourceDocument: input.sourceDocument ?? fileName,
        note: input.note ?? null,
        status: 'submitted',
        enteredBy: actor.userId,
        enteredAt: now,
        submittedBy: actor.userId,
        submittedAt: now,
        approvedBy: null,
        approvedAt: null,
        returnReason: null,
      };
      const [row] = existing
        ? await tx
            .update(indicatorValue)
            .set({ ...fields, version: existing.version + 1 })
            .where(eq(indicatorValue.id, existing.id))
            .returning()
        : await tx
            .insert(indicatorValue)
            .values({
              ...fields,
              countyCode,
              indicatorId: input.indicatorId,
              orgUnitCode: input.orgUnitCode,
              year: input.year,
            })
            .returning();
      if (!row) {
        throw new Error('importing indicator_value returned no row');
      }
      if (existing) {
        before.push(existing);
      }
      ids.push(row.id);
      await addHistory(tx, actor, row, 'import', null);
    }
    await writeAudit(tx, actor, {
      action: 'value.import',
      entity: 'indicator_value',
      entityId: null,
      countyCode,
      before,
      after: { file: fileName, ids, rows },
    });
    return ids;
  });
}

/** An actor who is a signed-in user (values always record who entered them). */
export type ActorWithId = Actor & { userId: number };

interface Transition {
  status: 'submitted' | 'approved' | 'returned';
  action: ValueHistoryEntry['action'];
  reason: string | null;
  submittedBy?: number;
  submittedAt?: Date;
  approvedBy?: number;
  approvedAt?: Date;
  returnReason?: string;
}

async function transition(
  db: Db,
  actor: ActorWithId,
  id: number,
  authorize: Authorize,
  decide: (before: ValueRow, now: Date) => Transition
): Promise<MonitoringValue> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(indicatorValue).where(eq(indicatorValue.id, id)).for('update');
    if (!before) {
      throw new AccessError('not_found', 'value_not_found', '数据不存在');
    }
    authorize({ countyCode: before.countyCode, orgUnitCode: before.orgUnitCode });
    const { action, reason, ...changes } = decide(before, new Date());
    const [row] = await tx.update(indicatorValue).set(changes).where(eq(indicatorValue.id, id)).returning();
    if (!row) {
      throw new Error('updating indicator_value returned no row');
    }
    await addHistory(tx, actor, row, action, reason);
    return finish(tx, actor, `value.${action}`, before, row);
  });
}

async function addHistory(
  db: Db,
  actor: ActorWithId,
  row: ValueRow,
  action: ValueHistoryEntry['action'],
  reason: string | null
): Promise<void> {
  await db.insert(indicatorValueHistory).values({
    countyCode: row.countyCode,
    valueId: row.id,
    action,
    status: row.status,
    value: row.value,
    sourceDocument: row.sourceDocument,
    note: row.note,
    reason,
    actorId: actor.userId,
  });
}

async function finish(
  db: Db,
  actor: ActorWithId,
  action: string,
  before: ValueRow | undefined,
  after: ValueRow
): Promise<MonitoringValue> {
  await writeAudit(db, actor, {
    action,
    entity: 'indicator_value',
    entityId: after.id,
    countyCode: after.countyCode,
    before: before ?? null,
    after,
  });
  const value = await getValue(db, after.id);
  if (!value) {
    throw new Error(`indicator_value ${after.id} vanished`);
  }
  return value;
}

const STATUS_NAMES: Record<string, string> = {
  draft: '草稿',
  submitted: '已提交',
  approved: '已审核',
  returned: '已退回',
};

function statusName(status: string): string {
  return STATUS_NAMES[status] ?? status;
}
