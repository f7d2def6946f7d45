/**
 * A family-doctor team's panel (团队签约居民一览): the residents in the reader's scope with a contract with
 * the team in force on a day, their key-population flags, their due and overdue programme and
 * immunisation items (core dueItems), and whether their contract is expiring.
 */
import type { TeamPanel, TeamPanelRow } from '@chp/core';
import {
  CONTRACT_EXPIRING_DAYS,
  completedYears,
  dueItems,
  isEnrolmentOpen,
  keyPopulationFlags,
  splitWorklist,
} from '@chp/core';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { familyDoctorContract as contract, resident } from '../../schema.js';
import { loadScheduleRecords } from '../programs/schedule-inputs.js';
import { residentInScope } from '../resident-scope.js';
import type { ResidentScope } from '../resident-scope.js';
import { contractRows, toContract } from './contract-rows.js';
import { inForceOn } from './contract-sql.js';
import { recordedFlagsOf } from './key-population-flags.js';
import { findTeam } from './team-read.js';

/** The panel of a team the scope sees, or null when it sees no such team. */
export async function teamPanel(
  db: Db,
  countyCode: string,
  scope: ResidentScope,
  teamId: number,
  asOf: string
): Promise<TeamPanel | null> {
  const team = await findTeam(db, countyCode, scope, teamId, asOf);
  if (team === null) return null;
  const contracts = await contractRows(
    db,
    and(eq(contract.countyCode, countyCode), eq(contract.teamId, teamId), inForceOn(asOf), residentInScope(scope)),
    [asc(resident.villageCode), asc(resident.name), asc(resident.id)]
  );
  const residentIds = contracts.map((row) => row.contract.residentId);
  const [records, recorded] = await Promise.all([
    loadScheduleRecords(db, countyCode, residentIds, asOf),
    recordedFlagsOf(db, countyCode, residentIds, asOf),
  ]);
  const rows = contracts.map((row): TeamPanelRow => {
    const shown = toContract(row, asOf, CONTRACT_EXPIRING_DAYS);
    const own = records.get(shown.resident.id) ?? { enrolments: [], visits: [], doses: [] };
    const items = dueItems(row, own.enrolments, own.visits, own.doses, asOf);
    // The worklist's own split, so the panel counts what the residents' worklist shows.
    const worklist = splitWorklist(
      items.map((item) => ({ ...item, residentId: shown.resident.id })),
      asOf
    );
    return {
      resident: shown.resident,
      age: completedYears(row.birthDate, asOf),
      flags: keyPopulationFlags({
        birthDate: row.birthDate,
        asOf,
        openPrograms: own.enrolments.filter((e) => isEnrolmentOpen(e, asOf)).map((e) => e.program),
        residentFlags: recorded.get(shown.resident.id) ?? [],
      }),
      contractId: shown.id,
      contractEndDate: shown.endDate,
      contractStatus: shown.status,
      dueItems: worklist.today.length,
      overdueItems: worklist.overdue.length,
    };
  });
  return { asOf, team, rows, expiring: rows.filter((row) => row.contractStatus === 'expiring').length };
}
