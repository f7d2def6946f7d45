import { describe, expect, it } from 'vitest';
import { chronicDiseaseDueItems } from './chronic-disease.js';
import { testSchedule } from './testing.js';
import type { VisitSpec } from './testing.js';

const controlled = { controlled: true };
const uncontrolled = { controlled: false };

function hypertension(visits: VisitSpec[], asOf: string) {
  return chronicDiseaseDueItems(testSchedule('hypertension', { enrolledDate: '2024-01-15', asOf, visits }), '血压');
}

function followUp(items: ReturnType<typeof hypertension>) {
  return items.find((item) => item.kind === 'follow_up');
}

describe('hypertension and type-2 diabetes schedule', () => {
  it('asks for the first follow-up a quarter after the enrolment, and the year’s health check', () => {
    const items = hypertension([], '2024-02-01');
    expect(items).toEqual([
      {
        program: 'hypertension',
        kind: 'follow_up',
        label: '随访',
        enrolmentId: 1,
        dueDate: '2024-04-15',
        overdueFrom: '2024-04-29',
        reason: '纳入管理后每季度至少面对面随访1次',
      },
      {
        program: 'hypertension',
        kind: 'annual_check',
        label: '年度健康检查',
        enrolmentId: 1,
        dueDate: '2024-01-15',
        overdueFrom: '2025-01-01',
        reason: '每年1次较全面的健康检查：2024年度（2024-01-15至2024-12-31）',
      },
    ]);
  });

  it('is due a quarter after a controlled follow-up, month ends rolling to the 1st', () => {
    const item = followUp(hypertension([['follow_up', '2024-11-30', controlled]], '2024-12-10'));
    expect(item).toMatchObject({ dueDate: '2025-03-01', overdueFrom: '2025-03-15' });
    expect(item?.reason).toBe('每季度至少面对面随访1次（上次随访2024-11-30）');
    expect(item?.referral).toBeUndefined();
  });

  it('rechecks within 2 weeks after an uncontrolled follow-up, across 29 February', () => {
    const item = followUp(hypertension([['follow_up', '2024-02-20', uncontrolled]], '2024-02-21'));
    expect(item).toMatchObject({ dueDate: '2024-03-05', overdueFrom: '2024-03-06' });
    expect(item?.reason).toBe('上次随访血压未控制，2周内复查');
    expect(item?.referral).toBeUndefined();
  });

  it('flags a referral after two consecutive uncontrolled follow-ups', () => {
    const visits: VisitSpec[] = [
      ['follow_up', '2024-03-01', uncontrolled],
      ['follow_up', '2024-03-14', uncontrolled],
    ];
    const item = followUp(hypertension(visits, '2024-03-15'));
    expect(item).toMatchObject({ dueDate: '2024-03-28', overdueFrom: '2024-03-29', referral: true });
    expect(item?.reason).toBe('连续两次随访血压控制不满意，建议转诊上级医院，2周内主动随访转诊情况');
    const referred: VisitSpec[] = [visits[0]!, ['follow_up', '2024-03-14', { controlled: false, referral: true }]];
    expect(followUp(hypertension(referred, '2024-03-15'))?.reason).toBe(
      '连续两次随访血压控制不满意，已转诊，2周内主动随访转诊情况'
    );
  });

  it('does not refer when an uncontrolled visit is followed by a controlled one', () => {
    const visits: VisitSpec[] = [
      ['follow_up', '2024-03-01', uncontrolled],
      ['follow_up', '2024-03-14', controlled],
      ['follow_up', '2024-04-01', uncontrolled],
    ];
    const item = followUp(hypertension(visits, '2024-04-02'));
    expect(item).toMatchObject({ dueDate: '2024-04-15', reason: '上次随访血压未控制，2周内复查' });
    expect(item?.referral).toBeUndefined();
  });

  it('follows up a referred patient within 2 weeks even when controlled', () => {
    const item = followUp(
      hypertension([['follow_up', '2024-05-10', { controlled: true, referral: true }]], '2024-05-10')
    );
    expect(item).toMatchObject({ dueDate: '2024-05-24', referral: true });
  });

  it('treats a follow-up without a judgement as controlled for timing', () => {
    const item = followUp(hypertension([['follow_up', '2024-05-10', { controlled: null }]], '2024-05-10'));
    expect(item).toMatchObject({ dueDate: '2024-08-10', overdueFrom: '2024-08-24' });
  });

  it('speaks of 血糖 for diabetes', () => {
    const schedule = testSchedule('diabetes', {
      enrolledDate: '2024-01-15',
      asOf: '2024-06-02',
      visits: [['follow_up', '2024-06-01', uncontrolled]],
    });
    const [item] = chronicDiseaseDueItems(schedule, '血糖');
    expect(item).toMatchObject({ program: 'diabetes', reason: '上次随访血糖未控制，2周内复查', dueDate: '2024-06-15' });
  });

  it('asks for next year’s check once this year’s is done, and reports a missed year', () => {
    const done = hypertension([['annual_check', '2024-05-01']], '2024-06-01');
    expect(done.find((item) => item.kind === 'annual_check')).toMatchObject({
      dueDate: '2025-01-01',
      overdueFrom: '2026-01-01',
    });
    const missed = hypertension([], '2025-02-01').find((item) => item.kind === 'annual_check');
    expect(missed).toMatchObject({ dueDate: '2024-01-15', overdueFrom: '2025-01-01' });
    expect(missed?.reason).toBe(
      '每年1次较全面的健康检查：2025年度到期；2024年度未做（应在2024-01-15至2024-12-31完成）'
    );
    const caughtUp = hypertension([['annual_check', '2025-01-20']], '2025-02-01');
    expect(caughtUp.find((item) => item.kind === 'annual_check')).toMatchObject({ dueDate: '2026-01-01' });
  });
});
