/**
 * Contracts as the API shows them — resident (masked ID), team, package, status on a day — listed by team,
 * resident, status or expiry (到期提醒) within the reader's resident scope.
 */
import type { ContractListQuery, FamilyDoctorContract } from '@chp/core';
import { CONTRACT_EXPIRING_DAYS } from '@chp/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { familyDoctorContract as contract, resident } from '../../schema.js';
import { residentInScope } from '../resident-scope.js';
import type { ResidentScope } from '../resident-scope.js';
import { contractRows, toContract } from './contract-rows.js';
import { expiringOn, statusOn } from './contract-sql.js';

export interface ContractFilter extends Omit<ContractListQuery, 'asOf'> {
  asOf: string;
}

function conditions(
  countyCode: string,
  scope: ResidentScope,
  filter: ContractFilter,
  expiringDays: number
): SQL | undefined {
  return and(
    eq(contract.countyCode, countyCode),
    residentInScope(scope),
    filter.team === undefined ? undefined : eq(contract.teamId, filter.team),
    filter.resident === undefined ? undefined : eq(contract.residentId, filter.resident),
    filter.status === undefined ? undefined : statusOn(filter.status, filter.asOf, expiringDays),
    filter.expiringWithin === undefined ? undefined : expiringOn(filter.asOf, filter.expiringWithin)
  );
}

/**
 * The contracts of residents in the scope that match the filter, soonest end first; statuses on
 * `filter.asOf` with the reminder window `expiringWithin` (30 days when not given).
 */
export async function listContracts(
  db: Db,
  countyCode: string,
  scope: ResidentScope,
  filter: ContractFilter
): Promise<{ total: number; contracts: FamilyDoctorContract[] }> {
  const expiringDays = filter.expiringWithin ?? CONTRACT_EXPIRING_DAYS;
  const where = conditions(countyCode, scope, filter, expiringDays);
  const [rows, [counted]] = await Promise.all([
    contractRows(db, where, [asc(contract.endDate), asc(contract.id)], {
      limit: filter.limit ?? 100,
      offset: filter.offset ?? 0,
    }),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(contract)
      .innerJoin(resident, eq(resident.id, contract.residentId))
      .where(where),
  ]);
  return { total: counted?.n ?? 0, contracts: rows.map((row) => toContract(row, filter.asOf, expiringDays)) };
}

/** One contract of a resident in the scope, or null. */
export async function findContract(
  db: Db,
  countyCode: string,
  scope: ResidentScope,
  contractId: number,
  asOf: string
): Promise<FamilyDoctorContract | null> {
  const [row] = await contractRows(
    db,
    and(eq(contract.id, contractId), eq(contract.countyCode, countyCode), residentInScope(scope)),
    []
  );
  return row ? toContract(row, asOf, CONTRACT_EXPIRING_DAYS) : null;
}
