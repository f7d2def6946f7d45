import { describe, expect, it } from 'vitest';
import { childDueItems } from './child.js';
import { testSchedule } from './testing.js';
import type { VisitSpec } from './testing.js';

// Born 2023-12-31: 3 months old on 2024-03-31, 6 months on 2024-07-01 (June has no 31st), 8 on 2024-08-31,
// 18 on 2025-07-01.
const birthDate = '2023-12-31';

function items(visits: VisitSpec[], asOf: string, options: { enrolledDate?: string; dischargeDate?: string } = {}) {
  const details = options.dischargeDate === undefined ? {} : { dischargeDate: options.dischargeDate };
  const enrolledDate = options.enrolledDate ?? birthDate;
  return childDueItems(testSchedule('child', { enrolledDate, asOf, visits, details, resident: { birthDate } }));
}

function check(visits: VisitSpec[], asOf: string, enrolledDate?: string) {
  return items(visits, asOf, enrolledDate === undefined ? {} : { enrolledDate }).find(
    (item) => item.kind === 'child_check'
  );
}

describe('child 0–6 schedule', () => {
  it('asks for the newborn visit within 7 days of discharge, and the 3-month check', () => {
    expect(items([], '2024-01-03', { dischargeDate: '2024-01-02' })).toEqual([
      {
        program: 'child',
        kind: 'newborn_visit',
        label: '新生儿家庭访视',
        enrolmentId: 1,
        dueDate: '2024-01-02',
        overdueFrom: '2024-01-10',
        reason: '出院（2024-01-02）后1周内新生儿家庭访视',
      },
      {
        program: 'child',
        kind: 'child_check',
        label: '儿童健康检查',
        enrolmentId: 1,
        dueDate: '2024-03-31',
        overdueFrom: '2024-05-01',
        reason: '3月龄健康检查（2024-03-31至2024-04-30）',
      },
    ]);
  });

  it('counts the newborn visit from the birth without a discharge date, and not past 28 days', () => {
    expect(items([], '2024-01-01')[0]).toMatchObject({ dueDate: '2023-12-31', overdueFrom: '2024-01-08' });
    expect(items([], '2024-01-27').map((item) => item.kind)).toEqual(['newborn_visit', 'child_check']);
    expect(items([], '2024-01-28').map((item) => item.kind)).toEqual(['child_check']);
    expect(items([['newborn_visit', '2024-01-05']], '2024-01-06').map((item) => item.kind)).toEqual(['child_check']);
  });

  it('moves through the month checks with month-end ages', () => {
    expect(check([['child_check', '2024-04-02']], '2024-04-02')).toMatchObject({
      dueDate: '2024-07-01',
      overdueFrom: '2024-07-31',
      reason: '6月龄健康检查（2024-07-01至2024-07-30）',
    });
    expect(check([['child_check', '2024-07-05']], '2024-07-05')).toMatchObject({
      dueDate: '2024-08-31',
      overdueFrom: '2024-10-01',
    });
  });

  it('does not count a check made before the window opens', () => {
    expect(check([['child_check', '2024-03-30']], '2024-04-01')).toMatchObject({ dueDate: '2024-03-31' });
  });

  it('keeps a missed check overdue, and lets one late check settle it with the current one', () => {
    const missed = check([['child_check', '2024-04-02']], '2024-08-31');
    expect(missed).toMatchObject({ dueDate: '2024-07-01', overdueFrom: '2024-07-31' });
    expect(missed?.reason).toBe('8月龄健康检查到期；6月龄健康检查未做（应在2024-07-01至2024-07-30完成）');
    expect(check([['child_check', '2024-09-01']], '2024-09-01')).toMatchObject({ dueDate: '2024-12-31' });
  });

  it('checks yearly from 4 to 6, overdue at the next birthday, and ends at 7', () => {
    const visits: VisitSpec[] = [['child_check', '2026-12-31']];
    expect(check(visits, '2027-01-02')).toMatchObject({ dueDate: '2027-12-31', overdueFrom: '2028-12-31' });
    expect(check([], '2030-12-30')).toMatchObject({ overdueFrom: '2024-05-01' });
    expect(check([['child_check', '2029-12-31']], '2030-01-01')).toBeUndefined();
    expect(items([], '2030-12-31')).toEqual([]);
  });

  it('does not owe checks whose window closed before the enrolment (a child who moved in)', () => {
    expect(check([], '2025-07-01', '2025-07-01')).toMatchObject({ dueDate: '2025-07-01', overdueFrom: '2025-07-31' });
  });
});
