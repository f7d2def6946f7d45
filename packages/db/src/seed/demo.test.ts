import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounty } from '../org-units/load-county.js';
import { loadPlan } from '../plans/load-plan.js';
import { readPlanFile } from '../plans/plan-files.js';
import { indicator, indicatorValue, indicatorValueHistory, project, projectMilestone } from '../schema.js';
import { openTestDatabase, testDatabaseKinds } from '../testing.js';
import type { TestDatabase } from '../testing.js';
import { seedDemoData } from './demo.js';

const OPTIONS = { countyCodes: ['640221'], seed: 7, enteredBy: 11, approvedBy: 12 };

describe.each(testDatabaseKinds())('seedDemoData on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await addCounty(database.db, '640221');
    await loadPlan(database.db, readPlanFile('640221'));
  });
  afterAll(async () => {
    await database.destroy();
  });

  async function snapshot(): Promise<unknown[]> {
    return database.db
      .select({
        indicatorId: indicatorValue.indicatorId,
        year: indicatorValue.year,
        value: indicatorValue.value,
        status: indicatorValue.status,
      })
      .from(indicatorValue)
      .orderBy(asc(indicatorValue.indicatorId), asc(indicatorValue.year));
  }

  async function clear(): Promise<void> {
    const { db } = database;
    await db.delete(indicatorValueHistory);
    await db.delete(indicatorValue);
    await db.delete(projectMilestone);
    await db.update(project).set({ status: 'not_started', progressPct: 0, investmentToDate: 0 });
  }

  it('writes plausible county values for 2021–2023 with their approval history', async () => {
    const { db } = database;
    const { values } = await seedDemoData(db, OPTIONS);
    const rows = await db.select().from(indicatorValue);
    expect(rows).toHaveLength(values);

    const definitions = new Map((await db.select().from(indicator)).map((i) => [i.id, i]));
    const numeric = [...definitions.values()].filter((i) => i.baseline !== null || i.targetValue !== null);
    const byYear = (year: number): typeof rows => rows.filter((r) => r.year === year);
    // Every numeric indicator gets 2021 and 2022 (only relative targets without a baseline cannot be seeded).
    expect(byYear(2021).length).toBeGreaterThan(numeric.length * 0.9);
    expect(byYear(2021).length).toBeLessThanOrEqual(numeric.length);
    expect(byYear(2022)).toHaveLength(byYear(2021).length);
    expect(byYear(2023).length).toBeLessThan(byYear(2021).length * 0.9);
    expect(byYear(2023).length).toBeGreaterThan(byYear(2021).length * 0.4);

    for (const row of rows) {
      const definition = definitions.get(row.indicatorId)!;
      expect(definition.baseline !== null || definition.targetValue !== null).toBe(true);
      expect(row).toMatchObject({ countyCode: '640221', orgUnitCode: '640221', enteredBy: 11 });
      expect(row.value).toBeGreaterThanOrEqual(0);
      if (definition.unit === '%') {
        expect(row.value).toBeLessThanOrEqual(100);
      }
      if (row.year < 2023) {
        expect(row).toMatchObject({ status: 'approved', submittedBy: 11, approvedBy: 12, version: 3 });
      } else {
        expect(['submitted', 'draft']).toContain(row.status);
        expect(row.approvedBy).toBeNull();
      }
    }
    const statuses2023 = new Set(byYear(2023).map((r) => r.status));
    expect(statuses2023).toEqual(new Set(['submitted', 'draft']));

    const history = await db.select().from(indicatorValueHistory);
    for (const row of rows) {
      const steps = history.filter((h) => h.valueId === row.id).sort((a, b) => a.at.getTime() - b.at.getTime());
      const expected = {
        approved: ['create', 'submit', 'approve'],
        submitted: ['create', 'submit'],
        draft: ['create'],
      };
      expect(steps.map((h) => h.action)).toEqual(expected[row.status as keyof typeof expected]);
      expect(steps.at(-1)?.status).toBe(row.status);
      expect(steps.every((h) => h.countyCode === '640221' && h.value === row.value)).toBe(true);
    }
  });

  it('tracks a few projects with milestones, within their planned investment', async () => {
    const { db } = database;
    const started = await db.select().from(project).where(eq(project.status, 'in_progress'));
    expect(started.length).toBeGreaterThanOrEqual(1);
    expect(started.length).toBeLessThanOrEqual(3);
    const milestones = await db
      .select()
      .from(projectMilestone)
      .where(
        inArray(
          projectMilestone.projectId,
          started.map((p) => p.id)
        )
      );
    for (const p of started) {
      expect(p.progressPct).toBeGreaterThan(0);
      expect(p.progressPct).toBeLessThan(100);
      expect(p.investmentToDate).toBeGreaterThan(0);
      if (p.investmentPlanned !== null) {
        expect(p.investmentToDate).toBeLessThanOrEqual(p.investmentPlanned);
      }
      const own = milestones.filter((m) => m.projectId === p.id);
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(own.length).toBeLessThanOrEqual(3);
      expect(own.every((m) => m.countyCode === '640221')).toBe(true);
    }
  });

  it('adds nothing when run again', async () => {
    const before = await snapshot();
    expect(await seedDemoData(database.db, OPTIONS)).toEqual({ values: 0 });
    expect(await snapshot()).toEqual(before);
    expect(await database.db.select().from(project).where(eq(project.status, 'in_progress'))).toHaveLength(
      (await database.db.selectDistinct({ id: projectMilestone.projectId }).from(projectMilestone)).length
    );
  });

  it('is deterministic: the same seed gives the same values, another seed others', async () => {
    const first = await snapshot();
    await clear();
    await seedDemoData(database.db, OPTIONS);
    expect(await snapshot()).toEqual(first);
    await clear();
    await seedDemoData(database.db, { ...OPTIONS, seed: 8 });
    expect(await snapshot()).not.toEqual(first);
  });
});
