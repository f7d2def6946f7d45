import type { WorklistItem } from '@chp/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgUnit, resident } from '../../schema.js';
import { testDatabaseKinds } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import type { ResidentScope } from '../resident-scope.js';
import { enrol } from './enrolments.js';
import { recordFollowUp } from './follow-ups.js';
import { programSummary } from './program-summary.js';
import type { ProgramResident } from './program-resident.js';
import {
  PROGRAM_COUNTY,
  VILLAGE_A,
  VILLAGE_B,
  addTestResident,
  openProgramDatabase,
  programActor as actor,
} from './program-testing.js';
import { worklistOf } from './worklist.js';

const TODAY = '2025-06-30';
const CHENGGUAN = VILLAGE_A.slice(0, 9);
const villageDoctor: ResidentScope = [{ orgUnitCode: VILLAGE_A, maternalChildOnly: false }];
const maternalChild: ResidentScope = [{ orgUnitCode: CHENGGUAN, maternalChildOnly: true }];
const county: ResidentScope = [{ orgUnitCode: PROGRAM_COUNTY, maternalChildOnly: false }];

const who = (items: WorklistItem[]): string[] =>
  items.map((item) => `${item.residentName} ${item.program} ${item.kind}`);

describe.each(testDatabaseKinds())('worklist and programme summary on %s', (kind) => {
  let database: TestDatabase;
  let wang: ProgramResident;
  let villageName: string;
  beforeAll(async () => {
    database = await openProgramDatabase(kind);
    const { db } = database;
    wang = await addTestResident(db, {
      name: '王建国',
      sex: '1',
      birthDate: '1960-02-01',
      idNumberMasked: '640221********0011',
    });
    const qian = await addTestResident(db, {
      name: '钱卫东',
      sex: '1',
      birthDate: '1962-05-01',
      villageCode: VILLAGE_B,
    });
    const mother = await addTestResident(db, { name: '李秀梅', sex: '2', birthDate: '1996-08-20' });
    await addTestResident(db, { name: '刘小宝', sex: '1', birthDate: '2025-01-10' });
    const moved = await addTestResident(db, { name: '周迁', sex: '1', birthDate: '1958-01-01' });
    for (const person of [wang, qian, moved]) {
      await enrol(db, actor, person, { program: 'hypertension', enrolledDate: '2024-01-15' }, TODAY);
      await recordFollowUp(
        db,
        actor,
        person,
        { program: 'hypertension', kind: 'follow_up', visitDate: '2024-12-01', values: { sbp: 132, dbp: 84 } },
        TODAY
      );
    }
    await recordFollowUp(
      db,
      actor,
      qian,
      { program: 'hypertension', kind: 'follow_up', visitDate: '2025-03-01', values: { sbp: 130, dbp: 82 } },
      TODAY
    );
    await db.update(resident).set({ recordStatus: 'moved', statusDate: '2025-02-01' }).where(eq(resident.id, moved.id));
    await enrol(
      db,
      actor,
      mother,
      { program: 'maternal', enrolledDate: '2025-06-20', details: { lmp: '2025-05-01' } },
      TODAY
    );
    const [village] = await db.select({ name: orgUnit.name }).from(orgUnit).where(eq(orgUnit.code, VILLAGE_A));
    villageName = village?.name ?? '';
  });
  afterAll(async () => {
    await database.destroy();
  });

  it("lists only the village's active residents, with the overdue hypertension follow-up", async () => {
    const list = await worklistOf(database.db, { countyCode: PROGRAM_COUNTY, scope: villageDoctor, asOf: TODAY });
    const names = new Set([...list.today, ...list.overdue].map((item) => item.residentName));
    expect([...names].sort()).toEqual(['刘小宝', '李秀梅', '王建国'].sort());
    const followUp = list.overdue.find((item) => item.residentName === '王建国' && item.kind === 'follow_up');
    expect(followUp).toMatchObject({
      residentId: wang.id,
      idNumberMasked: '640221********0011',
      townshipCode: CHENGGUAN,
      villageCode: VILLAGE_A,
      placeName: villageName,
      program: 'hypertension',
      label: '随访',
      dueDate: '2025-03-01',
      overdueFrom: '2025-03-15',
    });
    expect(villageName).not.toBe('');
  });

  it('filters by programme and view', async () => {
    const list = await worklistOf(database.db, {
      countyCode: PROGRAM_COUNTY,
      scope: county,
      asOf: TODAY,
      program: 'hypertension',
      view: 'overdue',
    });
    expect(list.today).toEqual([]);
    expect(new Set(list.overdue.map((item) => item.program))).toEqual(new Set(['hypertension']));
    expect(new Set(list.overdue.map((item) => item.residentName))).toEqual(new Set(['王建国', '钱卫东']));
  });

  it('shows 妇幼 staff only maternal, child and immunisation items', async () => {
    const list = await worklistOf(database.db, { countyCode: PROGRAM_COUNTY, scope: maternalChild, asOf: TODAY });
    const items = [...list.today, ...list.overdue];
    expect(new Set(items.map((item) => item.program))).toEqual(new Set(['maternal', 'immunisation']));
    expect(who(items)).toContain('李秀梅 maternal booking');
  });

  it('sums the programmes by township for the year', async () => {
    const summary = await programSummary(database.db, {
      countyCode: PROGRAM_COUNTY,
      scope: county,
      year: 2025,
      asOf: TODAY,
    });
    const row = (program: string) =>
      summary.rows.find((entry) => entry.program === program && entry.townshipCode === CHENGGUAN);
    // The moved resident was enrolled in the year; only the two active ones owe visits now: each a quarterly
    // follow-up and the 2024 yearly check.
    expect(row('hypertension')).toMatchObject({ enrolled: 3, visits: 1, due: 0, overdue: 4 });
    expect(row('maternal')).toMatchObject({ enrolled: 1, visits: 0 });
    expect(row('immunisation')).toMatchObject({ enrolled: 1, visits: 0 });
    expect(row('immunisation')?.overdue).toBeGreaterThan(0);
    const village = await programSummary(database.db, {
      countyCode: PROGRAM_COUNTY,
      scope: maternalChild,
      year: 2025,
      asOf: TODAY,
    });
    expect(new Set(village.rows.map((entry) => entry.program))).toEqual(new Set(['maternal', 'child', 'immunisation']));
  });
});
