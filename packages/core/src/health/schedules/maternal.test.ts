import { describe, expect, it } from 'vitest';
import type { EnrolmentDetails } from '../program-api.js';
import { maternalDueItems } from './maternal.js';
import { testSchedule } from './testing.js';
import type { VisitSpec } from './testing.js';

// 末次月经 2023-12-01: 13 weeks on 2024-03-01, 16 weeks 2024-03-22, 预产期 2024-09-06, 42 weeks 2024-09-20.
const lmp = '2023-12-01';

function items(visits: VisitSpec[], asOf: string, details: EnrolmentDetails = { lmp }, enrolledDate = '2024-01-20') {
  return maternalDueItems(
    testSchedule('maternal', { enrolledDate, asOf, visits, details, resident: { birthDate: '1995-03-03', sex: '2' } })
  );
}

function byKind(list: ReturnType<typeof items>, kind: string) {
  return list.find((item) => item.kind === kind);
}

describe('maternal schedule', () => {
  it('asks for the booking before 13 weeks, the first antenatal window and the delivery at 预产期', () => {
    const list = items([], '2024-01-20');
    expect(list.map((item) => [item.kind, item.dueDate, item.overdueFrom])).toEqual([
      ['booking', '2024-01-20', '2024-03-01'],
      ['antenatal', '2024-03-22', '2024-04-26'],
      ['delivery', '2024-09-06', '2024-09-20'],
    ]);
    expect(byKind(list, 'booking')?.reason).toBe('孕13周前建册并进行第1次产前检查（2024-03-01前）');
    expect(byKind(list, 'antenatal')?.reason).toBe('第2次产前检查（孕16–20周）（2024-03-22至2024-04-25）');
    expect(byKind(list, 'delivery')?.label).toBe('分娩');
  });

  it('makes a booking after 13 weeks overdue at once', () => {
    const booking = byKind(items([], '2024-04-02', { lmp }, '2024-04-01'), 'booking');
    expect(booking).toMatchObject({ dueDate: '2024-04-01', overdueFrom: '2024-04-02' });
  });

  it('moves to the next window after each check (the booking included), not owing windows closed before the enrolment', () => {
    const visits: VisitSpec[] = [
      ['booking', '2024-02-10'],
      ['antenatal', '2024-04-01'],
    ];
    expect(byKind(items(visits, '2024-04-02'), 'antenatal')).toMatchObject({
      dueDate: '2024-04-26',
      overdueFrom: '2024-05-24',
      reason: '第3次产前检查（孕21–24周）（2024-04-26至2024-05-23）',
    });
    const late = items([['booking', '2024-05-30']], '2024-05-30', { lmp }, '2024-05-30');
    expect(byKind(late, 'antenatal')).toMatchObject({ dueDate: '2024-06-14', overdueFrom: '2024-08-16' });
    const bookedInWindow = items([['booking', '2024-06-15']], '2024-06-15', { lmp }, '2024-06-15');
    expect(byKind(bookedInWindow, 'antenatal')).toMatchObject({ dueDate: '2024-08-16', overdueFrom: '2024-09-13' });
  });

  it('keeps a missed window overdue until a later check catches up', () => {
    const visits: VisitSpec[] = [['booking', '2024-02-10']];
    const missed = byKind(items(visits, '2024-05-01'), 'antenatal');
    expect(missed).toMatchObject({ dueDate: '2024-03-22', overdueFrom: '2024-04-26' });
    expect(missed?.reason).toBe(
      '第3次产前检查（孕21–24周）到期；第2次产前检查（孕16–20周）未做（应在2024-03-22至2024-04-25完成）'
    );
    const caughtUp = byKind(items([...visits, ['antenatal', '2024-05-02']], '2024-05-03'), 'antenatal');
    expect(caughtUp).toMatchObject({ dueDate: '2024-06-14', overdueFrom: '2024-08-16' });
  });

  it('derives the lmp from 预产期, and books within 2 weeks when neither is recorded', () => {
    const fromEdd = items([], '2024-01-20', { edd: '2024-09-06' });
    expect(byKind(fromEdd, 'booking')).toMatchObject({ overdueFrom: '2024-03-01' });
    const unknown = items([], '2024-01-20', {});
    expect(unknown.map((item) => item.kind)).toEqual(['booking']);
    expect(unknown[0]).toMatchObject({ dueDate: '2024-01-20', overdueFrom: '2024-02-03' });
  });

  it('after the delivery asks for the postpartum visit within a week of discharge and the 42-day check', () => {
    const details = { lmp, deliveryDate: '2024-08-30', dischargeDate: '2024-09-02' };
    const list = items([['booking', '2024-02-10']], '2024-09-03', details);
    expect(list).toEqual([
      {
        program: 'maternal',
        kind: 'postpartum',
        label: '产后访视',
        enrolmentId: 1,
        dueDate: '2024-09-05',
        overdueFrom: '2024-09-10',
        reason: '出院（2024-09-02）后1周内产后访视',
      },
      {
        program: 'maternal',
        kind: 'postpartum_42',
        label: '产后42天健康检查',
        enrolmentId: 1,
        dueDate: '2024-10-11',
        overdueFrom: '2024-10-26',
        reason: '分娩（2024-08-30）后42天健康检查',
      },
    ]);
  });

  it('takes the delivery from a delivery visit, and drops the postpartum visit once the 42-day check is due', () => {
    const visits: VisitSpec[] = [['delivery', '2024-02-28']];
    const early = items(visits, '2024-02-29', { lmp: '2023-05-20' }, '2023-07-01');
    expect(byKind(early, 'postpartum')).toMatchObject({ dueDate: '2024-03-02', overdueFrom: '2024-03-07' });
    const late = items(visits, '2024-04-10', { lmp: '2023-05-20' }, '2023-07-01');
    expect(late.map((item) => item.kind)).toEqual(['postpartum_42']);
    const done = items([...visits, ['postpartum_42', '2024-04-10']], '2024-04-10', { lmp: '2023-05-20' }, '2023-07-01');
    expect(done).toEqual([]);
  });
});
