/** Reading monitoring values and their history in the API's shapes. */
import type { MonitoringValue, ValueHistoryEntry, ValueStatus } from '@chp/core';
import { VALUE_STATUSES } from '@chp/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../connection.js';
import { appUser, indicatorValue, indicatorValueHistory, orgUnit } from '../schema.js';

export type ValueRow = typeof indicatorValue.$inferSelect;

const enteredUser = alias(appUser, 'entered_user');
const approvedUser = alias(appUser, 'approved_user');

export interface ValueFilter {
  countyCode?: string | undefined;
  /** Several counties at once (e.g. every county in a user's scope). */
  countyCodes?: string[] | undefined;
  indicatorId?: string | undefined;
  year?: number | undefined;
  status?: ValueStatus | undefined;
  id?: number | undefined;
}

export async function listValues(db: Db, filter: ValueFilter): Promise<MonitoringValue[]> {
  const conditions: SQL[] = [];
  if (filter.countyCode !== undefined) {
    conditions.push(eq(indicatorValue.countyCode, filter.countyCode));
  }
  if (filter.countyCodes !== undefined) {
    if (filter.countyCodes.length === 0) {
      return [];
    }
    conditions.push(inArray(indicatorValue.countyCode, filter.countyCodes));
  }
  if (filter.indicatorId !== undefined) {
    conditions.push(eq(indicatorValue.indicatorId, filter.indicatorId));
  }
  if (filter.year !== undefined) {
    conditions.push(eq(indicatorValue.year, filter.year));
  }
  if (filter.status !== undefined) {
    conditions.push(eq(indicatorValue.status, filter.status));
  }
  if (filter.id !== undefined) {
    conditions.push(eq(indicatorValue.id, filter.id));
  }
  const rows = await db
    .select({
      value: indicatorValue,
      orgUnitName: orgUnit.name,
      enteredBy: enteredUser.username,
      approvedBy: approvedUser.username,
    })
    .from(indicatorValue)
    .leftJoin(orgUnit, eq(orgUnit.code, indicatorValue.orgUnitCode))
    .leftJoin(enteredUser, eq(enteredUser.id, indicatorValue.enteredBy))
    .leftJoin(approvedUser, eq(approvedUser.id, indicatorValue.approvedBy))
    .where(and(...conditions))
    .orderBy(asc(indicatorValue.indicatorId), asc(indicatorValue.year), asc(indicatorValue.orgUnitCode));
  return rows.map((row) => ({
    id: row.value.id,
    indicatorId: row.value.indicatorId,
    orgUnitCode: row.value.orgUnitCode,
    orgUnitName: row.orgUnitName ?? row.value.orgUnitCode,
    year: row.value.year,
    value: row.value.value,
    status: toValueStatus(row.value.status),
    sourceDocument: row.value.sourceDocument,
    note: row.value.note,
    enteredBy: row.enteredBy ?? String(row.value.enteredBy),
    enteredAt: row.value.enteredAt.toISOString(),
    submittedAt: row.value.submittedAt?.toISOString() ?? null,
    approvedBy: row.approvedBy,
    approvedAt: row.value.approvedAt?.toISOString() ?? null,
    returnReason: row.value.returnReason,
    version: row.value.version,
  }));
}

export async function getValue(db: Db, id: number): Promise<MonitoringValue | undefined> {
  const [value] = await listValues(db, { id });
  return value;
}

export async function getValueRow(db: Db, id: number): Promise<ValueRow | undefined> {
  const [row] = await db.select().from(indicatorValue).where(eq(indicatorValue.id, id));
  return row;
}

export type ValueHistoryRow = ValueHistoryEntry & { valueId: number; year: number; orgUnitCode: string };

/** The history of every value of one indicator, oldest first. */
export async function indicatorValueHistoryOf(db: Db, indicatorId: string): Promise<ValueHistoryRow[]> {
  const rows = await db
    .select({
      history: indicatorValueHistory,
      year: indicatorValue.year,
      orgUnitCode: indicatorValue.orgUnitCode,
      actor: appUser.username,
    })
    .from(indicatorValueHistory)
    .innerJoin(indicatorValue, eq(indicatorValue.id, indicatorValueHistory.valueId))
    .leftJoin(appUser, eq(appUser.id, indicatorValueHistory.actorId))
    .where(eq(indicatorValue.indicatorId, indicatorId))
    .orderBy(asc(indicatorValueHistory.id));
  return rows.map((row) => ({
    id: row.history.id,
    valueId: row.history.valueId,
    year: row.year,
    orgUnitCode: row.orgUnitCode,
    action: toHistoryAction(row.history.action),
    status: toValueStatus(row.history.status),
    value: row.history.value,
    sourceDocument: row.history.sourceDocument,
    note: row.history.note,
    reason: row.history.reason,
    actor: row.actor ?? String(row.history.actorId),
    at: row.history.at.toISOString(),
  }));
}

export function toValueStatus(value: string): ValueStatus {
  const status = VALUE_STATUSES.find((s) => s === value);
  if (!status) {
    throw new Error(`unknown value status: ${value}`);
  }
  return status;
}

const HISTORY_ACTIONS = ['create', 'update', 'submit', 'approve', 'return', 'import'] as const;

function toHistoryAction(value: string): ValueHistoryEntry['action'] {
  const action = HISTORY_ACTIONS.find((a) => a === value);
  if (!action) {
    throw new Error(`unknown value history action: ${value}`);
  }
  return action;
}
