import { CONTRACT_STATUSES } from '@chp/core';
import type { ContractStatus } from '@chp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounty } from '../../org-units/load-county.js';
import { familyDoctorContract, familyDoctorTeam, resident, servicePackage } from '../../schema.js';
import { openTestDatabase, testDatabaseKinds } from '../../testing.js';
import type { TestDatabase } from '../../testing.js';
import { listContracts } from './contract-read.js';
import type { ContractFilter } from './contract-read.js';

const COUNTY = '640221';
const WHOLE_COUNTY = [{ orgUnitCode: COUNTY, maternalChildOnly: false }];

describe.each(testDatabaseKinds())('contract status filters on %s', (kind) => {
  let database: TestDatabase;
  let ids: number[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const { db } = database;
    await addCounty(db, COUNTY);
    const people = await db
      .insert(resident)
      .values(
        [1, 2, 3, 4, 5].map((n) => ({
          countyCode: COUNTY,
          idType: 'other',
          name: `居民${n}`,
          sex: '2',
          birthDate: '1960-01-01',
          townshipCode: '640221100',
          villageCode: '640221100001',
        }))
      )
      .returning({ id: resident.id });
    const [team] = await db
      .insert(familyDoctorTeam)
      .values({ countyCode: COUNTY, name: '团队', townshipCode: '640221100', areaCodes: ['640221100001'] })
      .returning();
    const [basic] = await db
      .insert(servicePackage)
      .values({ countyCode: COUNTY, code: 'JC', name: '基础包', kind: 'basic' })
      .returning();
    const contract = (person: number, startDate: string, endDate: string) => ({
      countyCode: COUNTY,
      residentId: people[person]!.id,
      teamId: team!.id,
      packageId: basic!.id,
      signedDate: startDate,
      startDate,
      endDate,
    });
    const rows = await db
      .insert(familyDoctorContract)
      .values([
        contract(0, '2025-01-01', '2025-12-31'),
        contract(1, '2025-03-01', '2026-02-28'),
        { ...contract(2, '2025-01-01', '2025-12-31'), status: 'terminated', terminatedDate: '2025-07-01' },
        contract(3, '2025-12-20', '2026-12-19'),
      ])
      .returning({ id: familyDoctorContract.id });
    // The first contract is renewed, so it is not expiring.
    const [renewal] = await db
      .insert(familyDoctorContract)
      .values({ ...contract(0, '2026-01-01', '2026-12-31'), renewsContractId: rows[0]!.id })
      .returning({ id: familyDoctorContract.id });
    ids = [...rows.map((row) => row.id), renewal!.id];
  });
  afterAll(async () => {
    await database.destroy();
  });

  const list = (filter: Omit<ContractFilter, 'limit'>) =>
    listContracts(database.db, COUNTY, WHOLE_COUNTY, { ...filter, limit: 500 });

  it.each(['2024-12-31', '2025-06-30', '2025-07-01', '2025-12-10', '2025-12-31', '2026-02-28', '2027-01-01'])(
    'filters by the status core derives, on %s',
    async (asOf) => {
      const all = await list({ asOf });
      expect(all.contracts.map((c) => c.id).sort()).toEqual([...ids].sort());
      const byStatus = new Map<ContractStatus, number[]>();
      for (const status of CONTRACT_STATUSES) {
        const filtered = await list({ asOf, status });
        expect(filtered.contracts.every((c) => c.status === status)).toBe(true);
        expect(filtered.total).toBe(filtered.contracts.length);
        byStatus.set(
          status,
          filtered.contracts.map((c) => c.id)
        );
      }
      for (const contract of all.contracts) {
        expect(byStatus.get(contract.status)).toContain(contract.id);
      }
    }
  );

  it('reminds of unrenewed contracts in force ending within the window', async () => {
    const reminders = await list({ asOf: '2025-12-10', expiringWithin: 90 });
    expect(reminders.contracts.map((c) => [c.resident.name, c.status, c.daysToEnd])).toEqual([
      ['居民2', 'expiring', 80],
    ]);
    const renewed = (await list({ asOf: '2025-12-10' })).contracts.find((c) => c.id === ids[0]);
    expect(renewed).toMatchObject({ status: 'active', renewedByContractId: ids[4] });
  });

  it('sees nothing with an empty scope', async () => {
    expect(await listContracts(database.db, COUNTY, [], { asOf: '2025-06-30' })).toEqual({ total: 0, contracts: [] });
  });
});
