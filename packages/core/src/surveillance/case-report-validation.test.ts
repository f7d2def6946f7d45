import { describe, expect, it } from 'vitest';
import { isReportedInTime, reportingDeadline } from './case-report-deadline.js';
import type { CaseReportValues } from './case-report-validation.js';
import { beijingDate } from '../health/iso-date.js';
import { isCardComplete, validateCaseReport } from './case-report-validation.js';
import { findDisease } from './diseases.js';

const now = new Date('2026-03-10T04:00:00Z');
const base: CaseReportValues = {
  patientName: '张三',
  diseaseCode: 'measles',
  classification: 'confirmed',
  onsetDate: '2026-03-08',
  diagnosedAt: '2026-03-09T10:00:00+08:00',
  reportedAt: '2026-03-09T12:00:00+08:00',
  reportingDoctor: '李医生',
  birthDate: '2020-01-01',
};

function fields(values: Partial<CaseReportValues>): string[] {
  const merged = { ...base, ...values };
  return validateCaseReport(merged, findDisease(merged.diseaseCode), now).map((e) => e.field);
}

describe('validateCaseReport', () => {
  it('accepts a consistent card', () => {
    expect(fields({})).toEqual([]);
  });

  it('rejects unknown, grouped and carrier-less diseases', () => {
    expect(fields({ diseaseCode: 'xx' })).toEqual(['diseaseCode']);
    expect(fields({ diseaseCode: 'hepatitis' })).toEqual(['diseaseCode']);
    expect(fields({ classification: 'carrier' })).toEqual(['classification']);
    expect(fields({ diseaseCode: 'cholera', classification: 'carrier' })).toEqual([]);
  });

  it('orders onset ≤ diagnosis ≤ report ≤ now', () => {
    expect(fields({ onsetDate: '2026-03-10' })).toEqual(['diagnosedAt']);
    expect(fields({ reportedAt: '2026-03-09T09:00:00+08:00' })).toEqual(['reportedAt']);
    expect(fields({ reportedAt: '2026-03-10T13:00:00+08:00' })).toEqual(['reportedAt']);
    expect(fields({ onsetDate: '2026-03-11' })).toContain('onsetDate');
    expect(fields({ diagnosedAt: '2026-03-09 10:00' })).toEqual(['diagnosedAt']);
  });

  it('uses Beijing dates', () => {
    expect(beijingDate(new Date('2026-03-09T16:30:00Z'))).toBe('2026-03-10');
  });
});

describe('reporting deadline', () => {
  it('is 2 hours for 甲类 and 24 otherwise', () => {
    const diagnosed = new Date('2026-03-09T02:00:00Z');
    const cholera = findDisease('cholera');
    const measles = findDisease('measles');
    if (cholera === undefined || measles === undefined) throw new Error('missing');
    expect(reportingDeadline(cholera, diagnosed).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(isReportedInTime(cholera, diagnosed, new Date('2026-03-09T04:00:00Z'))).toBe(true);
    expect(isReportedInTime(cholera, diagnosed, new Date('2026-03-09T04:00:01Z'))).toBe(false);
    expect(isReportedInTime(measles, diagnosed, new Date('2026-03-10T02:00:00Z'))).toBe(true);
  });

  it('counts complete cards', () => {
    expect(isCardComplete({ idNumberMasked: 'x', phone: '1', villageCode: 'v', onsetDate: '2026-01-01' })).toBe(true);
    expect(isCardComplete({ idNumberMasked: null, phone: '1', villageCode: 'v', onsetDate: '2026-01-01' })).toBe(false);
  });
});
