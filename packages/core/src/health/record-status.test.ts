import { describe, expect, it } from 'vitest';
import { isRecordStatus, recordStatusLabel, recordStatusProblems } from './record-status.js';

describe('record status', () => {
  it('has three statuses with labels', () => {
    expect(['active', 'moved', 'deceased', 'merged'].map(isRecordStatus)).toEqual([true, true, true, false]);
    expect(recordStatusLabel('deceased')).toBe('已死亡');
  });

  it('accepts each status with the dates it needs', () => {
    expect(recordStatusProblems({ recordStatus: 'active', statusDate: null, deathDate: null })).toEqual([]);
    expect(recordStatusProblems({ recordStatus: 'moved', statusDate: '2024-03-01', deathDate: null })).toEqual([]);
    expect(
      recordStatusProblems({ recordStatus: 'deceased', statusDate: '2024-03-01', deathDate: '2024-02-28' })
    ).toEqual([]);
  });

  it('names the missing or contradictory date', () => {
    expect(recordStatusProblems({ recordStatus: 'deceased', statusDate: null, deathDate: null })).toEqual([
      '档案状态为“已死亡”，缺少死亡日期',
    ]);
    expect(recordStatusProblems({ recordStatus: 'moved', statusDate: null, deathDate: '2024-02-28' })).toEqual([
      '档案状态为“已迁出”，缺少迁出日期',
      '档案状态为“已迁出”，但填写了死亡日期 2024-02-28',
    ]);
    expect(recordStatusProblems({ recordStatus: 'active', statusDate: '2024-01-01', deathDate: '2024-02-28' })).toEqual(
      ['档案状态为“在管”，但填写了死亡日期 2024-02-28', '档案状态为“在管”，不应填写状态变更日期 2024-01-01']
    );
  });
});
