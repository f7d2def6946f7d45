import { describe, expect, it } from 'vitest';
import {
  contractSignProblem,
  contractStatusOn,
  contractTerminationProblem,
  lastDayInForce,
  oneYearEnd,
  renewalPeriod,
} from './contract-status.js';
import type { ContractDates } from './contract-status.js';

const contract: ContractDates = {
  startDate: '2025-01-01',
  endDate: '2025-12-31',
  status: 'active',
  terminatedDate: null,
};

describe('contractStatusOn', () => {
  it('is pending before the start, active inside, expiring in the last 30 days, expired after the end', () => {
    expect(contractStatusOn(contract, '2024-12-31', false)).toBe('pending');
    expect(contractStatusOn(contract, '2025-01-01', false)).toBe('active');
    expect(contractStatusOn(contract, '2025-11-30', false)).toBe('active');
    expect(contractStatusOn(contract, '2025-12-01', false)).toBe('expiring');
    expect(contractStatusOn(contract, '2025-12-31', false)).toBe('expiring');
    expect(contractStatusOn(contract, '2026-01-01', false)).toBe('expired');
  });

  it('takes the reminder window as a parameter', () => {
    expect(contractStatusOn(contract, '2025-12-01', false, 7)).toBe('active');
    expect(contractStatusOn(contract, '2025-12-24', false, 7)).toBe('expiring');
  });

  it('does not remind about a contract already renewed', () => {
    expect(contractStatusOn(contract, '2025-12-20', true)).toBe('active');
  });

  it('is terminated from the termination date on, in force before it', () => {
    const terminated: ContractDates = { ...contract, status: 'terminated', terminatedDate: '2025-06-15' };
    expect(contractStatusOn(terminated, '2025-06-14', false)).toBe('active');
    expect(contractStatusOn(terminated, '2025-06-15', false)).toBe('terminated');
    expect(contractStatusOn(terminated, '2026-03-01', false)).toBe('terminated');
  });
});

describe('contract periods', () => {
  it('lasts one year to the day before the anniversary, leap days included', () => {
    expect(oneYearEnd('2025-01-01')).toBe('2025-12-31');
    expect(oneYearEnd('2025-03-01')).toBe('2026-02-28');
    expect(oneYearEnd('2023-03-01')).toBe('2024-02-29');
    expect(oneYearEnd('2024-02-29')).toBe('2025-02-28');
  });

  it('renews from the day after the end for one year', () => {
    expect(renewalPeriod(contract, '2025-12-10')).toEqual({ startDate: '2026-01-01', endDate: '2026-12-31' });
  });

  it('renews a lapsed contract from the signing date', () => {
    expect(renewalPeriod(contract, '2026-02-10')).toEqual({ startDate: '2026-02-10', endDate: '2027-02-09' });
  });

  it('ends the force of a terminated contract the day before termination', () => {
    expect(lastDayInForce(contract)).toBe('2025-12-31');
    expect(lastDayInForce({ ...contract, status: 'terminated', terminatedDate: '2025-06-15' })).toBe('2025-06-14');
    expect(lastDayInForce({ ...contract, status: 'terminated', terminatedDate: '2025-01-01' })).toBeNull();
  });
});

describe('contractSignProblem', () => {
  const existing = [{ id: 7, ...contract }];

  it('accepts a period after the existing contract', () => {
    expect(
      contractSignProblem({ signedDate: '2025-12-01', startDate: '2026-01-01', endDate: '2026-12-31' }, existing)
    ).toBeNull();
  });

  it('rejects an end not after the start', () => {
    expect(
      contractSignProblem({ signedDate: '2026-01-01', startDate: '2026-01-01', endDate: '2026-01-01' }, [])
    ).toEqual({
      conflict: false,
      message: '合同结束日期（2026-01-01）必须晚于开始日期（2026-01-01）',
    });
  });

  it('rejects a start before the signing date', () => {
    expect(
      contractSignProblem({ signedDate: '2026-01-02', startDate: '2026-01-01', endDate: '2026-12-31' }, [])
    ).toEqual({
      conflict: false,
      message: '合同开始日期（2026-01-01）不能早于签约日期（2026-01-02）',
    });
  });

  it('rejects a period overlapping a contract in force, naming it', () => {
    expect(
      contractSignProblem({ signedDate: '2025-12-31', startDate: '2025-12-31', endDate: '2026-12-30' }, existing)
    ).toEqual({
      conflict: true,
      message:
        '该居民已有有效签约（合同 7，2025-01-01 至 2025-12-31），与新合同期限 2025-12-31 至 2026-12-30 重叠；请续约或先解约原合同',
    });
  });

  it('allows a new contract from the termination date of the old one', () => {
    const terminated = [{ ...existing[0]!, status: 'terminated' as const, terminatedDate: '2025-06-15' }];
    const period = { signedDate: '2025-06-15', startDate: '2025-06-15', endDate: '2026-06-14' };
    expect(contractSignProblem(period, terminated)).toBeNull();
    expect(
      contractSignProblem({ ...period, signedDate: '2025-06-14', startDate: '2025-06-14' }, terminated)
    ).toMatchObject({
      conflict: true,
      message: expect.stringContaining('合同 7，2025-01-01 至 2025-06-14') as unknown,
    });
  });
});

describe('contractTerminationProblem', () => {
  const signed = { id: 7, ...contract };

  it('accepts a date within the contract and a reason', () => {
    expect(contractTerminationProblem(signed, '2025-01-01', '迁出本县')).toBeNull();
    expect(contractTerminationProblem(signed, '2025-12-31', '迁出本县')).toBeNull();
  });

  it('requires a reason', () => {
    expect(contractTerminationProblem(signed, '2025-05-01', '  ')).toEqual({
      conflict: false,
      message: '解约须填写原因',
    });
  });

  it('rejects a date before the start or after the end', () => {
    expect(contractTerminationProblem(signed, '2024-12-31', '迁出')?.message).toBe(
      '解约日期（2024-12-31）不能早于合同开始日期（2025-01-01）'
    );
    expect(contractTerminationProblem(signed, '2026-01-01', '迁出')?.message).toBe(
      '合同 7 已于 2025-12-31 到期，解约日期（2026-01-01）晚于到期日，无需解约'
    );
  });

  it('rejects terminating twice', () => {
    const terminated = { ...signed, status: 'terminated' as const, terminatedDate: '2025-03-01' };
    expect(contractTerminationProblem(terminated, '2025-04-01', '迁出')).toEqual({
      conflict: true,
      message: '合同 7 已于 2025-03-01 解约，不能重复解约',
    });
  });
});
