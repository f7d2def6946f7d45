/** Demo tracking for a few of a county's major projects: in progress, part invested, with milestones. */
import { and, asc, eq, notExists } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { project, projectMilestone } from '../schema.js';
import type { Random } from './random.js';

const PROJECTS_PER_COUNTY = 3;
const MILESTONES = [
  { name: '完成项目立项与可行性研究批复', dueDate: '2022-06-30', doneDate: '2022-06-20' },
  { name: '完成招标采购', dueDate: '2023-03-31', doneDate: '2023-04-12' },
  { name: '主体工程完工', dueDate: '2024-06-30', doneDate: null },
] as const;

/** Marks up to three untouched projects (those with a planned investment first) as in progress. */
export async function seedDemoProjects(db: Db, countyCode: string, random: Random): Promise<number> {
  const untouched = await db
    .select()
    .from(project)
    .where(
      and(
        eq(project.countyCode, countyCode),
        eq(project.status, 'not_started'),
        notExists(db.select().from(projectMilestone).where(eq(projectMilestone.projectId, project.id)))
      )
    )
    .orderBy(asc(project.sortOrder));
  const chosen = [
    ...untouched.filter((p) => p.investmentPlanned !== null),
    ...untouched.filter((p) => p.investmentPlanned === null),
  ].slice(0, PROJECTS_PER_COUNTY);

  for (const row of chosen) {
    const progressPct = Math.round(20 + 60 * random());
    // Spending runs a little behind or ahead of physical progress, never beyond the planned total.
    const investmentToDate =
      row.investmentPlanned === null
        ? Math.round(100 + 900 * random())
        : Math.min(
            row.investmentPlanned,
            Math.round((row.investmentPlanned * progressPct * (0.8 + 0.3 * random())) / 100)
          );
    await db
      .update(project)
      .set({ status: 'in_progress', progressPct, investmentToDate, updatedAt: new Date() })
      .where(eq(project.id, row.id));
    const milestones = MILESTONES.slice(0, random() < 0.5 ? 2 : 3);
    await db.insert(projectMilestone).values(
      milestones.map((m, index) => ({
        countyCode,
        projectId: row.id,
        name: m.name,
        dueDate: m.dueDate,
        // Later milestones are done only once the project is far enough along.
        doneDate: progressPct >= 30 * (index + 1) ? m.doneDate : null,
      }))
    );
  }
  return chosen.length;
}
