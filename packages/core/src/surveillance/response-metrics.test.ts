import { describe, expect, it } from 'vitest';
import { responseMetrics } from './response-metrics.js';

const raised = new Date('2026-05-10T00:00:00Z');
const plus = (minutes: number): Date => new Date(raised.getTime() + minutes * 60_000);

describe('responseMetrics', () => {
  it('computes median and P90 minutes per step, township and facility', () => {
    const metrics = responseMetrics([
      {
        areaCode: 'T1',
        facilityId: 5,
        raisedAt: raised,
        verifyingAt: plus(10),
        verifiedAt: plus(60),
        closedAt: plus(60),
      },
      { areaCode: 'T1', facilityId: null, raisedAt: raised, verifyingAt: plus(30), verifiedAt: null, closedAt: null },
      { areaCode: 'T2', facilityId: 5, raisedAt: raised, verifyingAt: plus(50), verifiedAt: plus(100), closedAt: null },
    ]);
    expect(metrics.overall.toVerifying).toEqual({ count: 3, medianMinutes: 30, p90Minutes: 46 });
    expect(metrics.overall.toVerified).toEqual({ count: 2, medianMinutes: 80, p90Minutes: 96 });
    expect(metrics.byTownship.map((r) => [r.key, r.toVerifying.medianMinutes])).toEqual([
      ['T1', 20],
      ['T2', 50],
    ]);
    expect(metrics.byFacility).toHaveLength(1);
    expect(metrics.byFacility[0]?.toClosed).toEqual({ count: 1, medianMinutes: 60, p90Minutes: 60 });
  });
});
