/**
 * How a contract is read and shown: the row joined with its resident (masked ID only), the names of their
 * township and village, the team and the package, and the API shape with the status on a day. Internal to
 * family-doctors (not re-exported).
 */
import type { ContractStatus, FamilyDoctorContract } from '@chp/core';
import { SERVICE_PACKAGE_KINDS, contractStatusOn, daysBetween } from '@chp/core';
import { eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../connection.js';
import {
  familyDoctorContract as contract,
  familyDoctorTeam as team,
  orgUnit,
  resident,
  servicePackage,
} from '../../schema.js';
import { renewedById } from './contract-sql.js';

const township = alias(orgUnit, 'township');
const village = alias(orgUnit, 'village');

/** The columns a contract is shown with: its row, its renewal, and the names around it. */
const CONTRACT_COLUMNS = {
  contract,
  renewedById,
  residentName: resident.name,
  idNumberMasked: resident.idNumberMasked,
  sex: resident.sex,
  birthDate: resident.birthDate,
  deathDate: resident.deathDate,
  townshipCode: resident.townshipCode,
  townshipName: township.name,
  villageCode: resident.villageCode,
  villageName: village.name,
  teamName: team.name,
  packageCode: servicePackage.code,
  packageName: servicePackage.name,
  packageKind: servicePackage.kind,
};

function selectContracts(db: Db) {
  return db
    .select(CONTRACT_COLUMNS)
    .from(contract)
    .innerJoin(resident, eq(resident.id, contract.residentId))
    .innerJoin(team, eq(team.id, contract.teamId))
    .innerJoin(servicePackage, eq(servicePackage.id, contract.packageId))
    .leftJoin(township, eq(township.code, resident.townshipCode))
    .leftJoin(village, eq(village.code, resident.villageCode));
}

export type ContractRow = Awaited<ReturnType<typeof selectContracts>>[number];

/** Contracts matching `where` with their resident, team and package, in `order`, optionally one page. */
export async function contractRows(
  db: Db,
  where: SQL | undefined,
  order: readonly SQL[],
  page?: { limit: number; offset: number }
): Promise<ContractRow[]> {
  const query = selectContracts(db)
    .where(where)
    .orderBy(...order)
    .$dynamic();
  return page ? query.limit(page.limit).offset(page.offset) : query;
}

/** The API shape of a contract, its status derived on `asOf` with the reminder window `expiringDays`. */
export function toContract(row: ContractRow, asOf: string, expiringDays: number): FamilyDoctorContract {
  const c = row.contract;
  const stored = c.status === 'terminated' ? 'terminated' : 'active';
  const kind = SERVICE_PACKAGE_KINDS.find((k) => k === row.packageKind) ?? 'basic';
  const status: ContractStatus = contractStatusOn(
    { ...c, status: stored },
    asOf,
    row.renewedById !== null,
    expiringDays
  );
  return {
    id: c.id,
    countyCode: c.countyCode,
    resident: {
      id: c.residentId,
      name: row.residentName,
      idNumberMasked: row.idNumberMasked,
      sex: row.sex,
      birthDate: row.birthDate,
      township: { code: row.townshipCode, name: row.townshipName ?? row.townshipCode },
      village: row.villageCode === null ? null : { code: row.villageCode, name: row.villageName ?? row.villageCode },
    },
    team: { id: c.teamId, name: row.teamName },
    package: { id: c.packageId, code: row.packageCode, name: row.packageName, kind },
    signedDate: c.signedDate,
    startDate: c.startDate,
    endDate: c.endDate,
    status,
    daysToEnd: daysBetween(asOf, c.endDate),
    terminatedDate: c.terminatedDate,
    terminationReason: c.terminationReason,
    renewsContractId: c.renewsContractId,
    renewedByContractId: row.renewedById,
  };
}
