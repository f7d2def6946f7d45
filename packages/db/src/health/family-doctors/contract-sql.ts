/**
 * Contract status as SQL conditions over `family_doctor_contract`, so lists can filter and page in the
 * database. They state the rules of core `contractStatusOn` (contract-status.ts) again; contract-read.test.ts
 * checks that every contract a status filter returns has that status by the core rule.
 */
import type { ContractStatus } from '@chp/core';
import { and, eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { familyDoctorContract as contract } from '../../schema.js';

const renewal = alias(contract, 'renewal');

/** The id of the contract (not terminated) that renews this one, or null. */
export const renewedById: SQL<number | null> = sql<
  number | null
>`(select min(${renewal.id}) from ${contract} as ${sql.identifier(
  'renewal'
)} where ${and(eq(renewal.renewsContractId, contract.id), eq(renewal.status, 'active'))})`.mapWith((value: unknown) =>
  value === null ? null : Number(value)
);

function terminatedBy(asOf: string): SQL {
  return sql`(${contract.status} = 'terminated' and (${contract.terminatedDate} is null or ${contract.terminatedDate} <= ${asOf}::date))`;
}

/** In force on `asOf`: started, not ended, not terminated by then (status active or expiring). */
export function inForceOn(asOf: string): SQL {
  return sql`(${contract.startDate} <= ${asOf}::date and ${contract.endDate} >= ${asOf}::date and not ${terminatedBy(asOf)})`;
}

/** In force on `asOf`, ending within `days` days and not renewed: the expiry reminders. */
export function expiringOn(asOf: string, days: number): SQL {
  return sql`(${inForceOn(asOf)} and ${contract.endDate} <= ${asOf}::date + ${days}::int and ${renewedById} is null)`;
}

/** The contracts whose status on `asOf` is `status`, with `expiringDays` as the reminder window. */
export function statusOn(status: ContractStatus, asOf: string, expiringDays: number): SQL {
  switch (status) {
    case 'terminated':
      return terminatedBy(asOf);
    case 'pending':
      return sql`(not ${terminatedBy(asOf)} and ${contract.startDate} > ${asOf}::date)`;
    case 'expired':
      return sql`(not ${terminatedBy(asOf)} and ${contract.endDate} < ${asOf}::date)`;
    case 'expiring':
      return expiringOn(asOf, expiringDays);
    case 'active':
      return sql`(${inForceOn(asOf)} and not ${expiringOn(asOf, expiringDays)})`;
  }
}
