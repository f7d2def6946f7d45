import { describe, expect, it } from 'vitest';
import { checkAlertTransition, timestampsSetBy } from './alert-status.js';

describe('alert workflow', () => {
  it('allows the documented path and requires notes to exclude or close', () => {
    expect(checkAlertTransition('new', 'verifying', null).ok).toBe(true);
    expect(checkAlertTransition('verifying', 'confirmed', null).ok).toBe(true);
    expect(checkAlertTransition('verifying', 'excluded', ' ')).toMatchObject({ ok: false, reason: 'note_required' });
    expect(checkAlertTransition('investigating', 'closed', '已控制').ok).toBe(true);
  });
  it('rejects skipping verification and leaving a final status', () => {
    expect(checkAlertTransition('new', 'excluded', '误报')).toMatchObject({
      ok: false,
      reason: 'illegal',
      message: '预警状态不能从“新预警”变为“排除”',
    });
    expect(checkAlertTransition('closed', 'investigating', null).ok).toBe(false);
    expect(timestampsSetBy('excluded')).toEqual(['verifiedAt', 'closedAt']);
  });
});
