import { describe, expect, it } from 'vitest';
import { dueItems, isDueWithin, isEnrolmentOpen, isOverdue } from './due-items.js';
import type { DueItem, ScheduleEnrolment, ScheduleResident, ScheduleVisit } from './schedules/types.js';

const adult: ScheduleResident = { birthDate: '1958-04-10', sex: '1', deathDate: null };
const hypertension: ScheduleEnrolment = {
  id: 7,
  program: 'hypertension',
  enrolledDate: '2023-05-01',
  endedDate: null,
  details: {},
};

function visit(enrolmentId: number, visitDate: string, controlled: boolean | null): ScheduleVisit {
  return {
    enrolmentId,
    program: 'hypertension',
    kind: 'follow_up',
    visitDate,
    controlled,
    referral: false,
    values: {},
  };
}

function kinds(items: DueItem[]): string[] {
  return items.map((item) => `${item.program}:${item.kind}`);
}

describe('due items of a resident', () => {
  it('uses only the enrolment’s own visits up to the as-of date, in date order', () => {
    const visits = [
      visit(7, '2024-03-01', false),
      visit(7, '2024-01-10', true),
      visit(8, '2024-03-05', true),
      visit(7, '2024-04-01', true),
    ];
    const items = dueItems(adult, [hypertension], visits, [], '2024-03-02');
    expect(items.find((item) => item.kind === 'follow_up')).toMatchObject({
      enrolmentId: 7,
      dueDate: '2024-03-15',
      reason: '上次随访血压未控制，2周内复查',
    });
  });

  it('leaves out enrolments not open on the date, and everyone dead by then', () => {
    const ended = { ...hypertension, endedDate: '2024-01-01' };
    expect(dueItems(adult, [ended], [], [], '2024-01-01')).toEqual([]);
    expect(dueItems(adult, [ended], [], [], '2023-12-31').length).toBeGreaterThan(0);
    expect(dueItems(adult, [hypertension], [], [], '2023-04-30')).toEqual([]);
    expect(dueItems({ ...adult, deathDate: '2024-02-01' }, [hypertension], [], [], '2024-02-01')).toEqual([]);
    expect(isEnrolmentOpen(hypertension, '2023-05-01')).toBe(true);
    expect(isEnrolmentOpen(ended, '2023-12-31')).toBe(true);
  });

  it('adds a child’s vaccine doses to the programme visits, sorted by due date', () => {
    const child: ScheduleResident = { birthDate: '2024-02-29', sex: '2', deathDate: null };
    const enrolment: ScheduleEnrolment = { ...hypertension, id: 9, program: 'child', enrolledDate: '2024-02-29' };
    const given = [
      { vaccine: 'HepB', dose: 1, date: '2024-02-29' },
      { vaccine: 'BCG', dose: 1, date: '2024-03-01' },
    ];
    const items = dueItems(child, [enrolment], [], given, '2024-03-02');
    expect(kinds(items).slice(0, 4)).toEqual([
      'child:newborn_visit',
      'immunisation:HepB',
      'immunisation:IPV',
      'child:child_check',
    ]);
    expect(items.map((item) => item.dueDate)).toEqual([...items.map((item) => item.dueDate)].sort());
    expect(kinds(items)).not.toContain('immunisation:BCG');
    expect(kinds(dueItems(adult, [], [], [], '2024-03-02'))).toEqual([]);
  });
});

describe('overdue and due-soon', () => {
  const item: DueItem = {
    program: 'elderly',
    kind: 'annual_check',
    label: '健康体检（含生活自理能力评估）',
    dueDate: '2024-02-26',
    overdueFrom: '2024-03-01',
    reason: '',
  };

  it('is overdue from its overdue date', () => {
    expect(isOverdue(item, '2024-02-29')).toBe(false);
    expect(isOverdue(item, '2024-03-01')).toBe(true);
  });

  it('is due soon from the given days before its due date until it is overdue', () => {
    expect(isDueWithin(item, '2024-02-18', 7)).toBe(false);
    expect(isDueWithin(item, '2024-02-19', 7)).toBe(true);
    expect(isDueWithin(item, '2024-02-29', 7)).toBe(true);
    expect(isDueWithin(item, '2024-03-01', 7)).toBe(false);
  });
});
