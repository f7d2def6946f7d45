import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounty } from '../org-units/load-county.js';
import { indicator, indicatorValue, plan, project } from '../schema.js';
import { openTestDatabase, testDatabaseKinds } from '../testing.js';
import type { TestDatabase } from '../testing.js';
import { CountyNotAddedError, loadPlan } from './load-plan.js';
import { readPlanFile } from './plan-files.js';

describe.each(testDatabaseKinds())('loadPlan on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('refuses a county that has not been added, writing nothing', async () => {
    await expect(loadPlan(database.db, readPlanFile('640221'))).rejects.toThrow(CountyNotAddedError);
    await expect(loadPlan(database.db, readPlanFile('640221'))).rejects.toThrow('县 640221 尚未添加');
    expect(await database.db.select().from(plan)).toEqual([]);
    expect(await database.db.select().from(indicator)).toEqual([]);
  });

  it('loads 平罗县 plan, indicators in table order and projects', async () => {
    const { db } = database;
    const source = readPlanFile('640221');
    await addCounty(db, '640221');
    expect(await loadPlan(db, source)).toEqual({
      indicators: source.indicators.length,
      projects: source.projects.length,
    });

    expect(await db.select().from(plan)).toEqual([
      expect.objectContaining({
        id: '640221-14th',
        countyCode: '640221',
        title: source.title,
        periodStart: 2021,
        periodEnd: 2025,
      }),
    ]);
    const indicators = await db.select().from(indicator).orderBy(asc(indicator.sortOrder));
    expect(indicators.map((i) => i.id)).toEqual(source.indicators.map((i) => i.id));
    expect(indicators[0]).toEqual({
      id: '640221-T01',
      countyCode: '640221',
      planId: '640221-14th',
      sortOrder: 0,
      seq: '1',
      name: '人均预期寿命',
      domain: '健康水平',
      unit: '岁',
      baseline: 76.46,
      baselineText: '76.46',
      baselineYear: 2020,
      targetText: '78.2',
      comparator: 'eq',
      targetValue: 78.2,
      targetYear: 2025,
      attribute: '预期性',
      source: 'table',
      line: 72,
      quote: '78.2',
      standardCode: 'LIFE_EXPECTANCY',
      note: null,
      definitionType: 'entered',
      computedSource: null,
      factor: null,
    });
    expect(indicators[1]?.note).toBe(source.indicators[1]?.note);

    const projects = await db.select().from(project).orderBy(asc(project.sortOrder));
    expect(projects).toHaveLength(source.projects.length);
    expect(projects[0]).toMatchObject({
      id: '640221-J01',
      name: source.projects[0]?.name,
      columnTitle: source.projects[0]?.column,
      fundingSources: source.projects[0]?.fundingSources,
      status: 'not_started',
      progressPct: 0,
      investmentToDate: 0,
    });
  });

  it('reloads: refreshes plan fields, keeps tracking and values, drops only unused removed rows', async () => {
    const { db } = database;
    const source = readPlanFile('640221');
    await db
      .update(project)
      .set({ status: 'in_progress', progressPct: 40, investmentToDate: 120 })
      .where(eq(project.id, '640221-J01'));
    await db.update(indicator).set({ name: '手工改过的名字' }).where(eq(indicator.id, '640221-T01'));
    const [removedWithValue, removedUnused] = [source.indicators[2]!, source.indicators[3]!];
    await db.insert(indicatorValue).values({
      countyCode: '640221',
      indicatorId: removedWithValue.id,
      orgUnitCode: '640221',
      year: 2021,
      value: 12.5,
      enteredBy: 1,
    });

    const edited = {
      ...source,
      title: `${source.title}（修订）`,
      indicators: source.indicators.filter((i) => i !== removedWithValue && i !== removedUnused),
      projects: source.projects.map((p, index) => (index === 0 ? { ...p, name: `${p.name}（更名）` } : p)),
    };
    expect(await loadPlan(db, edited)).toEqual({
      indicators: source.indicators.length - 2,
      projects: source.projects.length,
    });

    const [reloadedPlan] = await db.select().from(plan);
    expect(reloadedPlan?.title).toBe(edited.title);
    const ids = (await db.select({ id: indicator.id }).from(indicator)).map((row) => row.id);
    expect(ids).toContain(removedWithValue.id);
    expect(ids).not.toContain(removedUnused.id);
    expect(ids).toHaveLength(source.indicators.length - 1);
    const [first] = await db.select().from(indicator).where(eq(indicator.id, '640221-T01'));
    expect(first?.name).toBe('人均预期寿命');
    expect(await db.select({ value: indicatorValue.value }).from(indicatorValue)).toEqual([{ value: 12.5 }]);

    const [tracked] = await db.select().from(project).where(eq(project.id, '640221-J01'));
    expect(tracked).toMatchObject({
      name: `${source.projects[0]?.name ?? ''}（更名）`,
      status: 'in_progress',
      progressPct: 40,
      investmentToDate: 120,
    });
    expect(await db.select().from(project)).toHaveLength(source.projects.length);
  });
});
