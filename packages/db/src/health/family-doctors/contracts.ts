/**
 * Signing, renewing and terminating family-doctor contracts (签约、续约、解约) by the rules of core
 * contract-status.ts. The caller has found the resident in the writer's scope; each change locks the
 * resident's row so two signings cannot both pass the overlap check, and is audited.
 */
import type { RenewContractRequest, SignContractRequest, TerminateContractRequest } from '@chp/core';
import {
  contractSignProblem,
  contractTerminationProblem,
  isRecordStatus,
  oneYearEnd,
  recordStatusLabel,
  renewalPeriod,
} from '@chp/core';
import type { ContractProblem, ExistingContract } from '@chp/core';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { familyDoctorContract as contract, familyDoctorTeam as team } from '../../schema.js';
import { writeAudit } from '../../access/audit.js';
import type { Actor } from '../../access/audit.js';
import { lockResidentRow } from '../residents/find-resident.js';
import { AccessError } from '../../access/errors.js';
import { findServicePackage } from './service-packages.js';

type ContractRow = typeof contract.$inferSelect;

/** The resident a contract is for, as the caller found them. */
export interface ContractHolder {
  id: number;
  countyCode: string;
  name: string;
}

const ENTITY = 'family_doctor_contract';

function existing(row: ContractRow): ExistingContract {
  return { ...row, status: row.status === 'terminated' ? 'terminated' : 'active' };
}

/** Locks the resident and returns their contracts; refuses a record that is not kept (moved, deceased, merged). */
async function lockHolder(tx: Db, holder: ContractHolder): Promise<ContractRow[]> {
  const row = await lockResidentRow(tx, holder.id);
  if (!row) throw new AccessError('not_found', 'resident_not_found', `居民 ${holder.id} 不存在`);
  if (row.mergedIntoId !== null) {
    throw new AccessError(
      'invalid',
      'resident_merged',
      `居民 ${holder.name} 的档案已合并到档案 ${row.mergedIntoId}，请在该档案上签约`
    );
  }
  if (row.recordStatus !== 'active') {
    const label = isRecordStatus(row.recordStatus) ? recordStatusLabel(row.recordStatus) : row.recordStatus;
    throw new AccessError(
      'invalid',
      'resident_not_active',
      `居民 ${holder.name} 的档案状态为“${label}”，不能签约或续约`
    );
  }
  return tx.select().from(contract).where(eq(contract.residentId, holder.id)).orderBy(asc(contract.startDate));
}

async function checkTeamAndPackage(db: Db, countyCode: string, teamId: number, packageId: number): Promise<void> {
  const [[found], servicePackage] = await Promise.all([
    db
      .select({ id: team.id })
      .from(team)
      .where(and(eq(team.id, teamId), eq(team.countyCode, countyCode))),
    findServicePackage(db, countyCode, packageId),
  ]);
  if (!found) throw new AccessError('invalid', 'team_not_found', `本县（区）没有编号为 ${teamId} 的家庭医生团队`);
  if (!servicePackage) {
    throw new AccessError('invalid', 'package_not_found', `本县（区）没有编号为 ${packageId} 的服务包`);
  }
}

function refused(problem: ContractProblem, conflictCode: string): AccessError {
  return problem.conflict
    ? new AccessError('conflict', conflictCode, problem.message)
    : new AccessError('invalid', 'contract_invalid', problem.message);
}

interface NewContract {
  teamId: number;
  packageId: number;
  signedDate: string;
  startDate: string;
  endDate: string;
  renewsContractId: number | null;
}

async function insertContract(
  tx: Db,
  actor: Actor,
  holder: ContractHolder,
  others: readonly ContractRow[],
  values: NewContract
): Promise<number> {
  const problem = contractSignProblem(values, others.map(existing));
  if (problem !== null) throw refused(problem, 'contract_overlap');
  const [created] = await tx
    .insert(contract)
    .values({ countyCode: holder.countyCode, residentId: holder.id, ...values })
    .returning();
  if (!created) throw new Error('contract not created');
  await writeAudit(tx, actor, {
    action: values.renewsContractId === null ? 'contract.sign' : 'contract.renew',
    entity: ENTITY,
    entityId: created.id,
    countyCode: holder.countyCode,
    after: created,
  });
  return created.id;
}

/** Signs a new contract; the start defaults to the signing date (today), the end to one year later. */
export async function signContract(
  db: Db,
  actor: Actor,
  holder: ContractHolder,
  request: SignContractRequest,
  today: string
): Promise<number> {
  await checkTeamAndPackage(db, holder.countyCode, request.teamId, request.packageId);
  const signedDate = request.signedDate ?? today;
  const startDate = request.startDate ?? signedDate;
  const values = {
    teamId: request.teamId,
    packageId: request.packageId,
    signedDate,
    startDate,
    endDate: request.endDate ?? oneYearEnd(startDate),
    renewsContractId: null,
  };
  return db.transaction(async (tx) => insertContract(tx, actor, holder, await lockHolder(tx, holder), values));
}

function contractOf(rows: readonly ContractRow[], holder: ContractHolder, contractId: number): ContractRow {
  const found = rows.find((row) => row.id === contractId);
  if (!found) {
    throw new AccessError('not_found', 'contract_not_found', `居民 ${holder.name} 没有编号为 ${contractId} 的签约合同`);
  }
  return found;
}

/** Renews a contract for the year after it ends; team and package carry over unless given. */
export async function renewContract(
  db: Db,
  actor: Actor,
  holder: ContractHolder,
  contractId: number,
  request: RenewContractRequest,
  today: string
): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await lockHolder(tx, holder);
    const previous = contractOf(rows, holder, contractId);
    if (previous.status === 'terminated') {
      throw new AccessError(
        'conflict',
        'contract_terminated',
        `合同 ${contractId} 已于 ${previous.terminatedDate ?? '（未记录日期）'} 解约，不能续约；请重新签约`
      );
    }
    const renewal = rows.find((row) => row.renewsContractId === contractId && row.status === 'active');
    if (renewal) {
      throw new AccessError(
        'conflict',
        'contract_renewed',
        `合同 ${contractId} 已续约为合同 ${renewal.id}（${renewal.startDate} 至 ${renewal.endDate}）`
      );
    }
    const teamId = request.teamId ?? previous.teamId;
    const packageId = request.packageId ?? previous.packageId;
    await checkTeamAndPackage(tx, holder.countyCode, teamId, packageId);
    const signedDate = request.signedDate ?? today;
    return insertContract(tx, actor, holder, rows, {
      teamId,
      packageId,
      signedDate,
      ...renewalPeriod(previous, signedDate),
      renewsContractId: contractId,
    });
  });
}

/** Terminates a contract from `date` (it is no longer in force that day) for the reason given. */
export async function terminateContract(
  db: Db,
  actor: Actor,
  holder: ContractHolder,
  contractId: number,
  request: TerminateContractRequest
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(contract)
      .where(and(eq(contract.id, contractId), eq(contract.residentId, holder.id)))
      .for('update');
    if (!before) {
      throw new AccessError(
        'not_found',
        'contract_not_found',
        `居民 ${holder.name} 没有编号为 ${contractId} 的签约合同`
      );
    }
    const problem = contractTerminationProblem(existing(before), request.date, request.reason);
    if (problem !== null) throw refused(problem, 'contract_terminated');
    const [after] = await tx
      .update(contract)
      .set({ status: 'terminated', terminatedDate: request.date, terminationReason: request.reason.trim() })
      .where(eq(contract.id, contractId))
      .returning();
    await writeAudit(tx, actor, {
      action: 'contract.terminate',
      entity: ENTITY,
      entityId: contractId,
      countyCode: holder.countyCode,
      before,
      after,
    });
  });
}
