/** Major projects and their milestones: tracking state changes are audited. */
import type { Milestone, ProjectStatus, ProjectSummary, UpdateProjectRequest } from '@chp/core';
import { PROJECT_STATUSES } from '@chp/core';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { project, projectMilestone } from '../schema.js';
import { writeAudit } from './audit.js';
import type { Actor } from './audit.js';
import { AccessError } from './errors.js';

type ProjectRow = typeof project.$inferSelect;
type MilestoneRow = typeof projectMilestone.$inferSelect;

export async function listProjects(db: Db, countyCode: string): Promise<ProjectSummary[]> {
  const rows = await db
    .select()
    .from(project)
    .where(eq(project.countyCode, countyCode))
    .orderBy(asc(project.sortOrder));
  return withMilestones(db, rows);
}

export async function getProject(db: Db, id: string): Promise<ProjectSummary | undefined> {
  const rows = await db.select().from(project).where(eq(project.id, id));
  const [summary] = await withMilestones(db, rows);
  return summary;
}

/** The county an existing project or milestone belongs to (for the caller's scope check). */
export async function projectCounty(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ countyCode: project.countyCode }).from(project).where(eq(project.id, id));
  return row?.countyCode;
}

export async function milestoneCounty(db: Db, id: number): Promise<string | undefined> {
  const [row] = await db
    .select({ countyCode: projectMilestone.countyCode })
    .from(projectMilestone)
    .where(eq(projectMilestone.id, id));
  return row?.countyCode;
}

export async function updateProject(
  db: Db,
  actor: Actor,
  id: string,
  changes: UpdateProjectRequest
): Promise<ProjectSummary> {
  return db.transaction(async (tx) => {
    const before = await getProject(tx, id);
    if (!before) {
      throw new AccessError('not_found', 'project_not_found', '项目不存在');
    }
    await tx
      .update(project)
      .set({ ...definedOnly(changes), updatedAt: new Date() })
      .where(eq(project.id, id));
    const after = await getProject(tx, id);
    if (!after) {
      throw new Error(`project ${id} vanished`);
    }
    await writeAudit(tx, actor, {
      action: 'project.update',
      entity: 'project',
      entityId: id,
      countyCode: before.countyCode,
      before: tracking(before),
      after: tracking(after),
    });
    return after;
  });
}

export interface NewMilestone {
  name: string;
  dueDate?: string | undefined;
  note?: string | undefined;
}

export async function addMilestone(db: Db, actor: Actor, projectId: string, input: NewMilestone): Promise<Milestone> {
  return db.transaction(async (tx) => {
    const countyCode = await projectCounty(tx, projectId);
    if (countyCode === undefined) {
      throw new AccessError('not_found', 'project_not_found', '项目不存在');
    }
    const [row] = await tx
      .insert(projectMilestone)
      .values({ countyCode, projectId, name: input.name, dueDate: input.dueDate ?? null, note: input.note ?? null })
      .returning();
    if (!row) {
      throw new Error('insert into project_milestone returned no row');
    }
    await touchProject(tx, projectId);
    const milestone = toMilestone(row);
    await writeAudit(tx, actor, {
      action: 'milestone.create',
      entity: 'milestone',
      entityId: row.id,
      countyCode,
      after: milestone,
    });
    return milestone;
  });
}

export interface MilestoneChanges {
  doneDate?: string | null | undefined;
  note?: string | null | undefined;
}

export async function updateMilestone(db: Db, actor: Actor, id: number, changes: MilestoneChanges): Promise<Milestone> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(projectMilestone).where(eq(projectMilestone.id, id)).for('update');
    if (!before) {
      throw new AccessError('not_found', 'milestone_not_found', '里程碑不存在');
    }
    const [row] = await tx
      .update(projectMilestone)
      .set(definedOnly(changes))
      .where(eq(projectMilestone.id, id))
      .returning();
    if (!row) {
      throw new Error('update of project_milestone returned no row');
    }
    await touchProject(tx, row.projectId);
    const milestone = toMilestone(row);
    await writeAudit(tx, actor, {
      action: 'milestone.update',
      entity: 'milestone',
      entityId: id,
      countyCode: row.countyCode,
      before: toMilestone(before),
      after: milestone,
    });
    return milestone;
  });
}

async function touchProject(db: Db, id: string): Promise<void> {
  await db.update(project).set({ updatedAt: new Date() }).where(eq(project.id, id));
}

async function withMilestones(db: Db, rows: ProjectRow[]): Promise<ProjectSummary[]> {
  const ids = rows.map((r) => r.id);
  const milestones =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(projectMilestone)
          .where(inArray(projectMilestone.projectId, ids))
          .orderBy(asc(projectMilestone.id));
  const byProject = new Map<string, Milestone[]>();
  for (const row of milestones) {
    const list = byProject.get(row.projectId) ?? [];
    list.push(toMilestone(row));
    byProject.set(row.projectId, list);
  }
  return rows.map((row) => toProjectSummary(row, byProject.get(row.id) ?? []));
}

function toProjectSummary(row: ProjectRow, milestones: Milestone[]): ProjectSummary {
  const summary: ProjectSummary = {
    id: row.id,
    countyCode: row.countyCode,
    name: row.name,
    column: row.columnTitle,
    content: row.content,
    investmentPlanned: row.investmentPlanned,
    fundingSources: row.fundingSources,
    responsibleUnit: row.responsibleUnit,
    period: row.periodText,
    line: row.line,
    status: toProjectStatus(row.status),
    progressPct: row.progressPct,
    investmentToDate: row.investmentToDate,
    updatedAt: row.updatedAt.toISOString(),
    milestones,
  };
  if (row.note !== null) {
    summary.note = row.note;
  }
  return summary;
}

function toMilestone(row: MilestoneRow): Milestone {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    dueDate: row.dueDate,
    doneDate: row.doneDate,
    note: row.note,
  };
}

function tracking(summary: ProjectSummary): Pick<ProjectSummary, 'status' | 'progressPct' | 'investmentToDate'> {
  return { status: summary.status, progressPct: summary.progressPct, investmentToDate: summary.investmentToDate };
}

function toProjectStatus(value: string): ProjectStatus {
  return PROJECT_STATUSES.find((s) => s === value) ?? 'not_started';
}

/** Drops undefined fields so a PATCH only touches what it names. */
function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>;
}
