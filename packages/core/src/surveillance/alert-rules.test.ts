import { describe, expect, it } from 'vitest';
import type { Alarm, ExistingAlert } from './alert-rules.js';
import { DEFAULT_ALERT_RULES, gradeAlerts, parseAlertRules } from './alert-rules.js';

function alarm(source: string, date = '2026-05-10', more: Partial<Alarm> = {}): Alarm {
  return {
    assessedDate: date,
    subject: 'fever',
    source,
    areaCode: 'T1',
    method: 'ears-c1',
    observed: 9,
    upperbound: 4,
    ...more,
  };
}

describe('gradeAlerts', () => {
  const date = '2026-05-10';
  it('grades by independent sources within the window', () => {
    expect(gradeAlerts(date, [alarm('pharmacy')], DEFAULT_ALERT_RULES, [])[0]).toMatchObject({
      kind: 'raise',
      grade: 'blue',
    });
    const two = [alarm('case', '2026-05-08'), alarm('pharmacy')];
    expect(gradeAlerts(date, two, DEFAULT_ALERT_RULES, [])[0]).toMatchObject({
      grade: 'yellow',
      firstDate: '2026-05-08',
    });
    const three = [...two, alarm('school', '2026-05-09')];
    expect(gradeAlerts(date, three, DEFAULT_ALERT_RULES, [])[0]).toMatchObject({ grade: 'orange' });
  });
  it('counts several methods on one series as one source and ignores alarms outside the window', () => {
    const alarms = [alarm('pharmacy'), alarm('pharmacy', date, { method: 'cusum' }), alarm('case', '2026-05-07')];
    expect(gradeAlerts(date, alarms, DEFAULT_ALERT_RULES, [])[0]).toMatchObject({ grade: 'blue' });
  });
  it('keeps the county-wide series apart and needs an alarm on the assessed day', () => {
    const alarms = [
      alarm('pharmacy'),
      alarm('case', date, { areaCode: 'C' }),
      alarm('school', '2026-05-09', { areaCode: 'T2' }),
    ];
    const actions = gradeAlerts(date, alarms, DEFAULT_ALERT_RULES, []);
    expect(actions.map((a) => (a.kind === 'raise' ? [a.areaCode, a.grade] : null))).toEqual([
      ['T1', 'blue'],
      ['C', 'blue'],
    ]);
  });
  it('raises red on an immediate case alarm', () => {
    const actions = gradeAlerts(
      date,
      [alarm('case', date, { method: 'immediate', subject: 'cholera' })],
      DEFAULT_ALERT_RULES,
      []
    );
    expect(actions[0]).toMatchObject({ grade: 'red', evidence: { rule: 'immediate' } });
  });
  it('updates the open alert, only raising its grade, and changes nothing on a repeat', () => {
    const open: ExistingAlert = {
      id: 7,
      subject: 'fever',
      areaCode: 'T1',
      grade: 'yellow',
      open: true,
      lastDate: '2026-05-09',
    };
    expect(gradeAlerts(date, [alarm('pharmacy')], DEFAULT_ALERT_RULES, [open])).toEqual([
      expect.objectContaining({ kind: 'update', alertId: 7, grade: 'yellow', lastDate: date }),
    ]);
    expect(gradeAlerts(date, [alarm('pharmacy')], DEFAULT_ALERT_RULES, [{ ...open, lastDate: date }])).toEqual([]);
    const closed = { ...open, open: false, lastDate: date };
    expect(gradeAlerts(date, [alarm('pharmacy')], DEFAULT_ALERT_RULES, [closed])).toEqual([]);
  });
});

describe('parseAlertRules', () => {
  it('accepts the defaults and names a bad field', () => {
    expect(parseAlertRules(DEFAULT_ALERT_RULES).ok).toBe(true);
    expect(parseAlertRules({ ...DEFAULT_ALERT_RULES, windowDays: 0 })).toEqual({
      ok: false,
      message: 'windowDays 须为 1 至 30 的整数',
    });
    expect(parseAlertRules({ ...DEFAULT_ALERT_RULES, extra: 1 })).toEqual({
      ok: false,
      message: '未知的预警规则项：extra',
    });
    const unordered = {
      ...DEFAULT_ALERT_RULES,
      sourceRules: [
        { grade: 'blue', minSources: 1 },
        { grade: 'orange', minSources: 3 },
      ],
    };
    expect(parseAlertRules(unordered).ok).toBe(false);
  });
});
