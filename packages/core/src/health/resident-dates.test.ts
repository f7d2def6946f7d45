import { describe, expect, it } from 'vitest';
import { checkEventDate, checkResidentDates } from './resident-dates.js';

const TODAY = '2025-06-30';

describe('checkResidentDates', () => {
  it('accepts possible dates', () => {
    expect(
      checkResidentDates(
        { birthDate: '1950-05-01', recordDate: '2010-03-01', deathDate: '2025-06-30', statusDate: '2025-06-30' },
        TODAY
      )
    ).toEqual([]);
    expect(checkResidentDates({ birthDate: '1900-01-01' }, TODAY)).toEqual([]);
  });

  it('rejects a birth in the future or before 1900', () => {
    expect(checkResidentDates({ birthDate: '2025-07-01' }, TODAY)).toEqual([
      { field: 'birthDate', message: '出生日期 2025-07-01 晚于今天（2025-06-30）' },
    ]);
    expect(checkResidentDates({ birthDate: '1899-12-31' }, TODAY)).toEqual([
      { field: 'birthDate', message: '出生日期 1899-12-31 早于最早可登记的出生日期 1900-01-01' },
    ]);
  });

  it('rejects a death before birth or in the future', () => {
    expect(checkResidentDates({ birthDate: '2000-01-02', deathDate: '2000-01-01' }, TODAY)).toEqual([
      { field: 'deathDate', message: '死亡日期 2000-01-01 早于出生日期 2000-01-02' },
    ]);
    expect(checkResidentDates({ birthDate: '2000-01-02', deathDate: '2026-01-01' }, TODAY)).toEqual([
      { field: 'deathDate', message: '死亡日期 2026-01-01 晚于今天（2025-06-30）' },
    ]);
  });

  it('rejects a record opened before birth or after death', () => {
    expect(checkResidentDates({ birthDate: '2000-01-02', recordDate: '1999-12-31' }, TODAY)).toEqual([
      { field: 'recordDate', message: '建档日期 1999-12-31 早于出生日期 2000-01-02' },
    ]);
    expect(
      checkResidentDates({ birthDate: '1940-01-01', deathDate: '2020-01-01', recordDate: '2021-01-01' }, TODAY)
    ).toEqual([{ field: 'recordDate', message: '建档日期 2021-01-01 晚于死亡日期 2020-01-01' }]);
  });

  it('rejects dates that do not exist, without comparing them', () => {
    expect(checkResidentDates({ birthDate: '2023-02-29', recordDate: '2024-01-01' }, TODAY)).toEqual([
      { field: 'birthDate', message: '出生日期“2023-02-29”不是有效日期（应为 YYYY-MM-DD）' },
    ]);
    expect(checkResidentDates({ birthDate: '2000-01-01', statusDate: '2024/01/01' }, TODAY)).toEqual([
      { field: 'statusDate', message: '状态变更日期“2024/01/01”不是有效日期（应为 YYYY-MM-DD）' },
    ]);
  });
});

describe('checkEventDate', () => {
  const person = { birthDate: '2021-05-01', deathDate: null };

  it('accepts a visit between birth and today, including both days', () => {
    expect(checkEventDate({ field: 'visitDate', label: '随访日期', date: '2021-05-01' }, person, TODAY)).toEqual([]);
    expect(checkEventDate({ field: 'visitDate', label: '随访日期', date: TODAY }, person, TODAY)).toEqual([]);
  });

  it('rejects a visit before birth, naming both dates', () => {
    expect(checkEventDate({ field: 'visitDate', label: '随访日期', date: '2020-01-01' }, person, TODAY)).toEqual([
      { field: 'visitDate', message: '随访日期 2020-01-01 早于出生日期 2021-05-01' },
    ]);
  });

  it('rejects a vaccination after death or in the future', () => {
    const dead = { birthDate: '2021-05-01', deathDate: '2023-01-10' };
    expect(checkEventDate({ field: 'vaccinatedDate', label: '接种日期', date: '2023-01-11' }, dead, TODAY)).toEqual([
      { field: 'vaccinatedDate', message: '接种日期 2023-01-11 晚于死亡日期 2023-01-10' },
    ]);
    expect(checkEventDate({ field: 'vaccinatedDate', label: '接种日期', date: '2025-07-01' }, person, TODAY)).toEqual([
      { field: 'vaccinatedDate', message: '接种日期 2025-07-01 晚于今天（2025-06-30）' },
    ]);
  });
});
