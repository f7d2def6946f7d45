import { describe, expect, it } from 'vitest';
import type { WorklistResident } from './worklist.js';
import { buildWorklist, splitWorklist } from './worklist.js';

function elderly(
  residentId: number,
  enrolledDate: string,
  checks: string[],
  birthDate = '1950-01-01'
): WorklistResident {
  return {
    residentId,
    resident: { birthDate, sex: '2', deathDate: null },
    enrolments: [{ id: residentId * 10, program: 'elderly', enrolledDate, endedDate: null, details: {} }],
    visits: checks.map((visitDate) => ({
      enrolmentId: residentId * 10,
      program: 'elderly',
      kind: 'annual_check',
      visitDate,
      controlled: null,
      referral: false,
      values: {},
    })),
    vaccinations: [],
  };
}

describe('worklist', () => {
  it('splits residents’ items into due within 7 days and overdue, each sorted by date', () => {
    const residents = [
      elderly(3, '2023-03-01', ['2023-04-01']), // 2024 check due since 2024-01-01, not overdue
      elderly(1, '2022-01-01', []), // 2022 check overdue since 2023-01-01
      elderly(2, '2023-02-01', []), // 2023 check overdue since 2024-01-01
      elderly(4, '2024-02-01', [], '1959-03-08'), // 65 on 2024-03-08, within 7 days
      elderly(5, '2024-02-01', [], '1959-03-09'), // 65 on 2024-03-09, too far ahead
      elderly(6, '2023-01-01', ['2024-01-02']), // done this year
    ];
    const { today, overdue } = buildWorklist(residents, '2024-03-01');
    expect(today.map((item) => [item.residentId, item.dueDate])).toEqual([
      [3, '2024-01-01'],
      [4, '2024-03-08'],
    ]);
    expect(overdue.map((item) => [item.residentId, item.overdueFrom])).toEqual([
      [1, '2023-01-01'],
      [2, '2024-01-01'],
    ]);
    expect(overdue[0]).toMatchObject({ program: 'elderly', kind: 'annual_check', enrolmentId: 10 });
  });

  it('orders items of the same date by resident', () => {
    const base = { program: 'elderly' as const, kind: 'annual_check', label: '', reason: '' };
    const items = [
      { ...base, residentId: 9, dueDate: '2024-03-02', overdueFrom: '2024-04-01' },
      { ...base, residentId: 2, dueDate: '2024-03-02', overdueFrom: '2024-04-01' },
    ];
    expect(splitWorklist(items, '2024-03-01').today.map((item) => item.residentId)).toEqual([2, 9]);
  });
});
