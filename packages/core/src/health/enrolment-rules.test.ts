import { describe, expect, it } from 'vitest';
import { checkEnrolment } from './enrolment-rules.js';

const woman = { sex: '2', birthDate: '1995-04-10' };
const man = { sex: '1', birthDate: '1950-06-01' };
const child = { sex: '1', birthDate: '2020-03-15' };

describe('checkEnrolment', () => {
  it('adds the expected delivery date 280 days after the last menstrual period', () => {
    expect(checkEnrolment('maternal', woman, '2025-03-01', { lmp: '2025-01-10', gravidity: 2, parity: 1 })).toEqual({
      ok: true,
      details: { lmp: '2025-01-10', edd: '2025-10-17', gravidity: 2, parity: 1 },
    });
  });

  it('accepts a pregnancy known by its due date only', () => {
    expect(checkEnrolment('maternal', woman, '2025-03-01', { edd: '2025-10-17' })).toEqual({
      ok: true,
      details: { edd: '2025-10-17' },
    });
  });

  it('refuses pregnancies of men, without dates, booked too late or with impossible counts', () => {
    const message = (person: typeof woman, date: string, details: object): string | null => {
      const check = checkEnrolment('maternal', person, date, details);
      return check.ok ? null : check.message;
    };
    expect(message(man, '2025-03-01', { lmp: '2025-01-10' })).toBe('只有女性居民可以登记孕产妇健康管理。');
    expect(message(woman, '2025-03-01', {})).toContain('须填写末次月经（details.lmp）或预产期（details.edd）');
    expect(message(woman, '2025-03-01', { lmp: '2025-03-02' })).toBe('末次月经 2025-03-02 晚于登记日期 2025-03-01。');
    expect(message(woman, '2025-03-01', { lmp: '2024-04-01' })).toBe(
      '末次月经 2024-04-01 距登记日期 2025-03-01 已超过 44 周，请核对。'
    );
    expect(message(woman, '2025-03-01', { lmp: '2025-02-30' })).toBe(
      '末次月经“2025-02-30”不是有效日期，请按 YYYY-MM-DD 填写。'
    );
    expect(message(woman, '2025-03-01', { lmp: '2025-01-10', gravidity: 1, parity: 1 })).toBe(
      '产次 1 应小于孕次 1（本次妊娠计入孕次）。'
    );
    expect(message(woman, '2025-03-01', { lmp: '2025-01-10', deliveryDate: '2024-12-01' })).toBe(
      '分娩日期 2024-12-01 早于末次月经 2025-01-10。'
    );
  });

  it('names the details a programme does not record', () => {
    expect(checkEnrolment('hypertension', man, '2025-03-01', { lmp: '2025-01-10' })).toEqual({
      ok: false,
      field: 'details.lmp',
      message: '高血压健康管理不记录末次月经。',
    });
  });

  it('takes children under 7 and residents who reach 65 in the year', () => {
    expect(checkEnrolment('child', child, '2027-03-14', {})).toMatchObject({ ok: true });
    expect(checkEnrolment('child', child, '2027-03-15', {})).toMatchObject({
      ok: false,
      message: '0–6岁儿童健康管理只登记未满7周岁的儿童，该居民在 2027-03-15 已满 7 周岁。',
    });
    expect(checkEnrolment('elderly', man, '2015-01-02', {})).toMatchObject({ ok: true });
    expect(checkEnrolment('elderly', man, '2014-12-31', {})).toMatchObject({
      ok: false,
      message: '65岁及以上老年人健康管理只登记当年满65周岁的居民，该居民 2014 年满 64 周岁。',
    });
  });

  it('keeps the tuberculosis continuation phase after the treatment start', () => {
    expect(
      checkEnrolment('tuberculosis', man, '2025-03-01', {
        treatmentStart: '2025-03-01',
        continuationStart: '2025-02-01',
      })
    ).toMatchObject({ ok: false, message: '继续期开始日期 2025-02-01 早于治疗开始日期 2025-03-01。' });
  });
});
