/**
 * Rules of family-doctor contracts (签约): the status on a day, the renewal period, and what a new contract
 * must satisfy. Dates are 'YYYY-MM-DD'; a contract is in force from its start to its end date inclusive,
 * and a terminated one until the day before its termination date.
 */
import { addDays, addYears, daysBetween, earlierDate, laterDate } from './date-arithmetic.js';

export const CONTRACT_STATUSES = ['pending', 'active', 'expiring', 'expired', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CONTRACT_STATUS_LABELS: Readonly<Record<ContractStatus, string>> = {
  pending: '待生效',
  active: '履约中',
  expiring: '即将到期',
  expired: '已到期',
  terminated: '已解约',
};

/** A contract in force whose end is this close (in days) needs renewing (到期提醒). */
export const CONTRACT_EXPIRING_DAYS = 30;

/** The stored facts of a contract the rules read. */
export interface ContractDates {
  startDate: string;
  endDate: string;
  /** The stored status: 'active' or 'terminated'. */
  status: 'active' | 'terminated';
  terminatedDate: string | null;
}

export function isContractStatus(value: string): value is ContractStatus {
  return (CONTRACT_STATUSES as readonly string[]).includes(value);
}

/** The last day of a one-year contract starting on `startDate` (2025-03-01 → 2026-02-28; 02-29 → 02-28). */
export function oneYearEnd(startDate: string): string {
  return addDays(addYears(startDate, 1), -1);
}

/**
 * The status on `asOf`: terminated from the termination date; pending before the start; expired after the
 * end; expiring within `expiringDays` of the end unless already renewed; otherwise active.
 */
export function contractStatusOn(
  contract: ContractDates,
  asOf: string,
  renewed: boolean,
  expiringDays: number = CONTRACT_EXPIRING_DAYS
): ContractStatus {
  if (contract.status === 'terminated' && (contract.terminatedDate === null || asOf >= contract.terminatedDate)) {
    return 'terminated';
  }
  if (asOf < contract.startDate) return 'pending';
  if (asOf > contract.endDate) return 'expired';
  if (!renewed && daysBetween(asOf, contract.endDate) <= expiringDays) return 'expiring';
  return 'active';
}

/** The last day the contract is in force, or null when it never was (terminated on its start date). */
export function lastDayInForce(contract: ContractDates): string | null {
  if (contract.status === 'active') return contract.endDate;
  const last = addDays(contract.terminatedDate ?? contract.startDate, -1);
  return last < contract.startDate ? null : earlierDate(last, contract.endDate);
}

/**
 * The period of the contract renewing `previous`: from the day after it ends, for one year. A contract
 * that had already lapsed when the renewal was signed starts on the signing date instead, since care
 * cannot be contracted in the past.
 */
export function renewalPeriod(
  previous: { endDate: string },
  signedDate: string
): { startDate: string; endDate: string } {
  const startDate = laterDate(addDays(previous.endDate, 1), signedDate);
  return { startDate, endDate: oneYearEnd(startDate) };
}

export interface ExistingContract extends ContractDates {
  id: number;
}

/**
 * Why a change to contracts is refused, in Chinese. `conflict` when the request clashes with another
 * contract or the contract's state (an overlap, a second termination), not with itself.
 */
export interface ContractProblem {
  conflict: boolean;
  message: string;
}

/**
 * Why a new contract over `period` cannot be signed, or null when it can: the end must come after the
 * start, the start not before signing, and the period may not overlap a contract of the same resident in
 * force then.
 */
export function contractSignProblem(
  period: { signedDate: string; startDate: string; endDate: string },
  existing: readonly ExistingContract[]
): ContractProblem | null {
  if (period.endDate <= period.startDate) {
    return { conflict: false, message: `合同结束日期（${period.endDate}）必须晚于开始日期（${period.startDate}）` };
  }
  if (period.startDate < period.signedDate) {
    return { conflict: false, message: `合同开始日期（${period.startDate}）不能早于签约日期（${period.signedDate}）` };
  }
  for (const contract of existing) {
    const last = lastDayInForce(contract);
    if (last !== null && contract.startDate <= period.endDate && period.startDate <= last) {
      return {
        conflict: true,
        message:
          `该居民已有有效签约（合同 ${contract.id}，${contract.startDate} 至 ${last}），` +
          `与新合同期限 ${period.startDate} 至 ${period.endDate} 重叠；请续约或先解约原合同`,
      };
    }
  }
  return null;
}

/** Why the contract cannot be terminated on `date` with `reason`, or null when it can. */
export function contractTerminationProblem(
  contract: ExistingContract,
  date: string,
  reason: string
): ContractProblem | null {
  if (contract.status === 'terminated') {
    const on = contract.terminatedDate ?? '（未记录日期）';
    return { conflict: true, message: `合同 ${contract.id} 已于 ${on} 解约，不能重复解约` };
  }
  if (reason.trim() === '') {
    return { conflict: false, message: '解约须填写原因' };
  }
  if (date < contract.startDate) {
    return { conflict: false, message: `解约日期（${date}）不能早于合同开始日期（${contract.startDate}）` };
  }
  if (date > contract.endDate) {
    return {
      conflict: false,
      message: `合同 ${contract.id} 已于 ${contract.endDate} 到期，解约日期（${date}）晚于到期日，无需解约`,
    };
  }
  return null;
}
