import { describe, expect, it } from 'vitest';
import { outstandingWindow } from './visit-windows.js';

const windows = [
  { opens: '2024-01-01', overdueFrom: '2024-02-01', label: '第1次' },
  { opens: '2024-03-01', overdueFrom: '2024-04-01', label: '第2次' },
  { opens: '2024-05-01', overdueFrom: '2024-06-01', label: '第3次' },
];

describe('outstanding visit window', () => {
  it('is the first window when nothing was done, named with its period', () => {
    expect(outstandingWindow(windows, [], '2023-12-01')).toEqual({
      dueDate: '2024-01-01',
      overdueFrom: '2024-02-01',
      reason: '第1次（2024-01-01至2024-01-31）',
    });
  });

  it('is the first window opening after the last visit', () => {
    expect(outstandingWindow(windows, ['2024-01-10'], '2024-01-10')).toMatchObject({ dueDate: '2024-03-01' });
    expect(outstandingWindow(windows, ['2024-03-01', '2024-01-10'], '2024-03-02')).toMatchObject({
      dueDate: '2024-05-01',
    });
  });

  it('names the current window when an earlier one was missed', () => {
    expect(outstandingWindow(windows, [], '2024-05-01')?.reason).toBe(
      '第3次到期；第1次未做（应在2024-01-01至2024-01-31完成）'
    );
  });

  it('is null when every window is done', () => {
    expect(outstandingWindow(windows, ['2024-05-20'], '2024-05-20')).toBeNull();
    expect(outstandingWindow([], [], '2024-05-20')).toBeNull();
  });
});
