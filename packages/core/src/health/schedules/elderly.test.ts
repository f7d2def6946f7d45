import { describe, expect, it } from 'vitest';
import { elderlyDueItems } from './elderly.js';
import { testSchedule } from './testing.js';
import type { VisitSpec } from './testing.js';

function check(birthDate: string, enrolledDate: string, visits: VisitSpec[], asOf: string) {
  const items = elderlyDueItems(testSchedule('elderly', { enrolledDate, asOf, visits, resident: { birthDate } }));
  expect(items.length).toBeLessThanOrEqual(1);
  return items[0];
}

describe('65+ health check schedule', () => {
  it('is due once a calendar year, from the 65th birthday (29 February → 1 March)', () => {
    expect(check('1960-02-29', '2025-01-10', [], '2025-03-02')).toEqual({
      program: 'elderly',
      kind: 'annual_check',
      label: '健康体检（含生活自理能力评估）',
      enrolmentId: 1,
      dueDate: '2025-03-01',
      overdueFrom: '2026-01-01',
      reason: '65岁及以上老年人每年1次健康体检（含生活自理能力评估）：2025年度（2025-03-01至2025-12-31）',
    });
  });

  it('asks for next year’s check once this year’s is done', () => {
    expect(check('1950-05-05', '2023-06-01', [['annual_check', '2023-07-01']], '2023-12-31')).toMatchObject({
      dueDate: '2024-01-01',
      overdueFrom: '2025-01-01',
    });
  });

  it('is overdue from 1 January when the past year had no check, until a check is made', () => {
    const visits: VisitSpec[] = [['annual_check', '2023-07-01']];
    expect(check('1950-05-05', '2023-06-01', visits, '2024-12-31')).toMatchObject({ dueDate: '2024-01-01' });
    const overdue = check('1950-05-05', '2023-06-01', visits, '2025-01-01');
    expect(overdue).toMatchObject({ dueDate: '2024-01-01', overdueFrom: '2025-01-01' });
    expect(overdue?.reason).toContain('2025年度到期；2024年度未做');
    const done = check('1950-05-05', '2023-06-01', [...visits, ['annual_check', '2025-03-03']], '2025-03-03');
    expect(done).toMatchObject({ dueDate: '2026-01-01' });
  });
});
