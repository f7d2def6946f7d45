import { describe, expect, it } from 'vitest';
import type { EnrolmentDetails } from '../program-api.js';
import { testSchedule } from './testing.js';
import type { VisitSpec } from './testing.js';
import { tuberculosisDueItems } from './tuberculosis.js';

function items(visits: VisitSpec[], asOf: string, details: EnrolmentDetails = { treatmentStart: '2024-01-05' }) {
  return tuberculosisDueItems(testSchedule('tuberculosis', { enrolledDate: '2024-01-08', asOf, visits, details }));
}

describe('tuberculosis schedule', () => {
  it('visits within 72 hours of the notice, and plans the end-of-treatment evaluation at 6 months', () => {
    expect(items([], '2024-01-08')).toEqual([
      {
        program: 'tuberculosis',
        kind: 'follow_up',
        label: '督导随访',
        enrolmentId: 1,
        dueDate: '2024-01-11',
        overdueFrom: '2024-01-12',
        reason: '接到管理通知后72小时内第一次入户随访',
      },
      {
        program: 'tuberculosis',
        kind: 'treatment_end',
        label: '结案评估',
        enrolmentId: 1,
        dueDate: '2024-07-05',
        overdueFrom: '2024-07-19',
        reason: '疗程6个月（2024-01-05开始治疗）结束时结案评估',
      },
    ]);
  });

  it('follows up every 10 days in the intensive phase (first 2 months), across 29 February', () => {
    const [followUp] = items([['follow_up', '2024-02-22']], '2024-02-23');
    expect(followUp).toMatchObject({ dueDate: '2024-03-03', overdueFrom: '2024-03-04' });
    expect(followUp?.reason).toBe('强化期每10天随访1次（上次随访2024-02-22）');
  });

  it('follows up monthly in the continuation phase', () => {
    const [followUp] = items([['follow_up', '2024-03-05']], '2024-03-06');
    expect(followUp).toMatchObject({ dueDate: '2024-04-05', overdueFrom: '2024-04-12' });
    expect(followUp?.reason).toBe('继续期每月随访1次（上次随访2024-03-05）');
  });

  it('uses a recorded start of the continuation phase', () => {
    const details = { treatmentStart: '2024-01-05', continuationStart: '2024-03-20' };
    const [followUp] = items([['follow_up', '2024-03-10']], '2024-03-11', details);
    expect(followUp).toMatchObject({ dueDate: '2024-03-20' });
  });

  it('stops follow-ups at the end of treatment and everything after the evaluation', () => {
    const near = items([['follow_up', '2024-06-10']], '2024-06-11');
    expect(near.map((item) => item.kind)).toEqual(['treatment_end']);
    expect(items([['treatment_end', '2024-07-06']], '2024-07-10')).toEqual([]);
  });

  it('counts treatment from the enrolment when no start is recorded', () => {
    const [, end] = items([], '2024-01-08', {});
    expect(end).toMatchObject({ dueDate: '2024-07-08' });
  });
});
