/**
 * Synthetic monitoring data for demonstrations and trials: county-level values for 2021–2023 that follow
 * each indicator's baseline → target line with noise. 2021 and 2022 are approved; 2023 is partly
 * submitted, partly draft and partly missing, so users have something to enter and approve.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { indicator, indicatorValue, indicatorValueHistory } from '../schema.js';
import { seedDemoProjects } from './demo-projects.js';
import { deriveSeed, mulberry32 } from './random.js';
import type { Random } from './random.js';
import { syntheticValues } from './synthetic-values.js';

export interface DemoOptions {
  countyCodes: string[];
  seed: number;
  enteredBy: number;
  approvedBy: number;
}

type Status = 'draft' | 'submitted' | 'approved';

const YEARS = [2021, 2022, 2023] as const;
const STEPS: Record<Status, readonly ('create' | 'submit' | 'approve')[]> = {
  draft: ['create'],
  submitted: ['create', 'submit'],
  approved: ['create', 'submit', 'approve'],
};
const STATUS_AFTER = { create: 'draft', submit: 'submitted', approve: 'approved' } as const;

/** 2023 is the year in progress: about a third missing, a third awaiting approval, the rest draft. */
function statusFor(year: number, random: Random): Status | null {
  if (year < 2023) {
    return 'approved';
  }
  const draw = random();
  return draw < 0.35 ? null : draw < 0.7 ? 'submitted' : 'draft';
}

/** Fixed dates per reporting year (the annual report is compiled early the next year). */
function stepTimes(year: number): Record<'create' | 'submit' | 'approve', Date> {
  return {
    create: new Date(`${year + 1}-01-15T09:00:00+08:00`),
    submit: new Date(`${year + 1}-01-20T15:00:00+08:00`),
    approve: new Date(`${year + 1}-02-05T10:00:00+08:00`),
  };
}

async function seedCounty(db: Db, countyCode: string, options: DemoOptions): Promise<number> {
  const random = mulberry32(deriveSeed(options.seed, countyCode));
  const indicators = await db
    .select()
    .from(indicator)
    .where(eq(indicator.countyCode, countyCode))
    .orderBy(asc(indicator.sortOrder));

  const rows: (typeof indicatorValue.$inferInsert)[] = [];
  for (const definition of indicators) {
    const values = syntheticValues(definition, YEARS, random);
    if (values === null) {
      continue;
    }
    YEARS.forEach((year, index) => {
      const status = statusFor(year, random);
      const value = values[index];
      if (status === null || value === undefined) {
        return;
      }
      const times = stepTimes(year);
      const submitted = status !== 'draft';
      const approved = status === 'approved';
      rows.push({
        countyCode,
        indicatorId: definition.id,
        orgUnitCode: countyCode,
        year,
        value,
        status,
        sourceDocument: `${year}年卫生健康统计年报（演示数据）`,
        enteredBy: options.enteredBy,
        enteredAt: times.create,
        submittedBy: submitted ? options.enteredBy : null,
        submittedAt: submitted ? times.submit : null,
        approvedBy: approved ? options.approvedBy : null,
        approvedAt: approved ? times.approve : null,
        version: STEPS[status].length,
      });
    });
  }

  return db.transaction(async (tx) => {
    // Values someone already entered stay as they are (and get no demo history).
    const inserted =
      rows.length === 0 ? [] : await tx.insert(indicatorValue).values(rows).onConflictDoNothing().returning();
    const history = inserted.flatMap((row) =>
      STEPS[row.status as Status].map((action) => ({
        countyCode,
        valueId: row.id,
        action,
        status: STATUS_AFTER[action],
        value: row.value,
        sourceDocument: row.sourceDocument,
        actorId: action === 'approve' ? options.approvedBy : options.enteredBy,
        at: stepTimes(row.year)[action],
      }))
    );
    if (history.length > 0) {
      await tx.insert(indicatorValueHistory).values(history);
    }
    await seedDemoProjects(tx, countyCode, random);
    return inserted.length;
  });
}

export async function seedDemoData(db: Db, options: DemoOptions): Promise<{ values: number }> {
  let values = 0;
  for (const countyCode of options.countyCodes) {
    values += await seedCounty(db, countyCode, options);
  }
  return { values };
}
