import { describe, expect, it } from 'vitest';
import { riskGradeOf, severeMentalDueItems } from './severe-mental.js';
import { testSchedule } from './testing.js';
import type { VisitSpec } from './testing.js';

function grade(riskGrade: number | string): VisitSpec[2] {
  return { values: { riskGrade } };
}

function next(visits: VisitSpec[], asOf = '2024-12-31') {
  const items = severeMentalDueItems(testSchedule('severe_mental', { enrolledDate: '2024-01-10', asOf, visits }));
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe('severe mental disorder schedule', () => {
  it('asks for the first follow-up 3 months after the enrolment', () => {
    expect(next([], '2024-01-10')).toMatchObject({
      kind: 'follow_up',
      label: '随访',
      dueDate: '2024-04-10',
      overdueFrom: '2024-04-24',
    });
  });

  it('follows a stable patient (risk grade 0) every 3 months', () => {
    expect(next([['follow_up', '2024-05-31', grade(0)]])).toMatchObject({
      dueDate: '2024-08-31',
      overdueFrom: '2024-09-14',
      reason: '病情稳定，每3个月随访1次（上次随访2024-05-31）',
    });
  });

  it('follows an unstable patient (grade 3–5) within 2 weeks and flags a referral', () => {
    const item = next([['follow_up', '2024-02-22', grade(4)]]);
    expect(item).toMatchObject({ dueDate: '2024-03-07', overdueFrom: '2024-03-08', referral: true });
    expect(item.reason).toBe('上次随访危险性评估4级（病情不稳定），建议转诊，2周内随访');
  });

  it('observes a newly basically-stable patient (grade 1–2) for 2 weeks, then monthly while not stable', () => {
    const first = next([
      ['follow_up', '2024-03-01', grade(0)],
      ['follow_up', '2024-06-01', grade(2)],
    ]);
    expect(first).toMatchObject({ dueDate: '2024-06-15', overdueFrom: '2024-06-16' });
    expect(first.referral).toBeUndefined();
    const still = next([
      ['follow_up', '2024-06-01', grade(2)],
      ['follow_up', '2024-06-15', grade(1)],
    ]);
    expect(still).toMatchObject({ dueDate: '2024-07-15', overdueFrom: '2024-07-22' });
    expect(still.reason).toBe('连续两次随访危险性评估≥1级（病情未达到稳定），1个月时随访');
    const stabilised = next([
      ['follow_up', '2024-06-01', grade(2)],
      ['follow_up', '2024-06-15', grade(0)],
    ]);
    expect(stabilised).toMatchObject({ dueDate: '2024-09-15' });
  });

  it('reads the risk grade as recorded, ignoring values that are not a grade', () => {
    const visit = (values: Record<string, unknown>) => ({
      enrolmentId: 1,
      program: 'severe_mental' as const,
      kind: 'follow_up',
      visitDate: '2024-01-01',
      controlled: null,
      referral: false,
      values,
    });
    expect(riskGradeOf(visit({ riskGrade: 3 }))).toBe(3);
    expect(riskGradeOf(visit({ riskGrade: '2' }))).toBe(2);
    expect(riskGradeOf(visit({ riskGrade: 7 }))).toBeNull();
    expect(riskGradeOf(visit({ riskGrade: '' }))).toBeNull();
    expect(riskGradeOf(visit({}))).toBeNull();
    expect(riskGradeOf(undefined)).toBeNull();
    expect(next([['follow_up', '2024-05-31', grade('高')]])).toMatchObject({ dueDate: '2024-08-31' });
  });
});
