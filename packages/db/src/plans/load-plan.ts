/**
 * Loads a county's transcribed plan into the database: the plan, its indicators and its projects.
 * Reloading refreshes what the plan file says and keeps what users recorded (values, project tracking,
 * computed-indicator definitions).
 */
import { and, eq, notExists, notInArray } from 'drizzle-orm';
import type { CountyPlan } from '@chp/core';
import type { Db } from '../connection.js';
import { county, indicator, indicatorValue, plan as planTable, project, projectMilestone } from '../schema.js';
import { batches, takeExcluded } from '../org-units/upsert.js';

/** Thrown when a plan is loaded for a county that has not been added (its org units are missing). */
export class CountyNotAddedError extends Error {
  constructor(readonly countyCode: string) {
    super(`县 ${countyCode} 尚未添加，请先添加该县（载入行政区划）再载入其规划`);
    this.name = 'CountyNotAddedError';
  }
}

export function planId(countyCode: string): string {
  return `${countyCode}-14th`;
}

const INDICATOR_PLAN_FIELDS = [
  'countyCode',
  'planId',
  'sortOrder',
  'seq',
  'name',
  'domain',
  'unit',
  'baseline',
  'baselineText',
  'baselineYear',
  'targetText',
  'comparator',
  'targetValue',
  'targetYear',
  'attribute',
  'source',
  'line',
  'quote',
  'standardCode',
  'note',
] as const;

const PROJECT_PLAN_FIELDS = [
  'countyCode',
  'planId',
  'sortOrder',
  'name',
  'columnTitle',
  'content',
  'investmentPlanned',
  'fundingSources',
  'responsibleUnit',
  'periodText',
  'line',
  'note',
] as const;

export async function loadPlan(db: Db, plan: CountyPlan): Promise<{ indicators: number; projects: number }> {
  const countyCode = plan.countyCode;
  const id = planId(countyCode);
  const indicatorRows = plan.indicators.map((i, sortOrder) => ({
    id: i.id,
    countyCode,
    planId: id,
    sortOrder,
    seq: i.seq,
    name: i.name,
    domain: i.domain,
    unit: i.unit,
    baseline: i.baseline,
    baselineText: i.baselineText,
    baselineYear: i.baselineYear,
    targetText: i.target,
    comparator: i.comparator,
    targetValue: i.targetValue,
    targetYear: i.targetYear,
    attribute: i.attribute,
    source: i.source,
    line: i.line,
    quote: i.quote,
    standardCode: i.standardCode,
    note: i.note ?? null,
    definitionType: 'entered',
  }));
  const projectRows = plan.projects.map((p, sortOrder) => ({
    id: p.id,
    countyCode,
    planId: id,
    sortOrder,
    name: p.name,
    columnTitle: p.column,
    content: p.content,
    investmentPlanned: p.investmentPlanned,
    fundingSources: p.fundingSources,
    responsibleUnit: p.responsibleUnit,
    periodText: p.period,
    line: p.line,
    note: p.note ?? null,
  }));

  await db.transaction(async (tx) => {
    const installed = await tx
      .select({ code: county.countyCode })
      .from(county)
      .where(eq(county.countyCode, countyCode));
    if (installed.length === 0) {
      throw new CountyNotAddedError(countyCode);
    }
    await tx
      .insert(planTable)
      .values({
        id,
        countyCode,
        title: plan.title,
        seedFile: plan.seedFile,
        periodStart: plan.period.start,
        periodEnd: plan.period.end,
        loadedAt: new Date(),
      })
      .onConflictDoUpdate({
        target: planTable.id,
        set: takeExcluded(planTable, ['title', 'seedFile', 'periodStart', 'periodEnd', 'loadedAt']),
      });
    for (const batch of batches(indicatorRows, 500)) {
      await tx
        .insert(indicator)
        .values(batch)
        .onConflictDoUpdate({ target: indicator.id, set: takeExcluded(indicator, INDICATOR_PLAN_FIELDS) });
    }
    for (const batch of batches(projectRows, 500)) {
      await tx
        .insert(project)
        .values(batch)
        .onConflictDoUpdate({ target: project.id, set: takeExcluded(project, PROJECT_PLAN_FIELDS) });
    }
    // Rows the plan file no longer has go, unless users have recorded something against them.
    await tx.delete(indicator).where(
      and(
        eq(indicator.planId, id),
        notInArray(
          indicator.id,
          indicatorRows.map((row) => row.id)
        ),
        notExists(tx.select().from(indicatorValue).where(eq(indicatorValue.indicatorId, indicator.id)))
      )
    );
    await tx.delete(project).where(
      and(
        eq(project.planId, id),
        eq(project.status, 'not_started'),
        notInArray(
          project.id,
          projectRows.map((row) => row.id)
        ),
        notExists(tx.select().from(projectMilestone).where(eq(projectMilestone.projectId, project.id)))
      )
    );
  });
  return { indicators: indicatorRows.length, projects: projectRows.length };
}
