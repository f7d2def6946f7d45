/**
 * The row producer of the synthetic county: batches of rows for every health-record table, township by
 * township and village by village, a few hundred households at a time, so a county of millions is generated
 * with bounded memory. It does no I/O: the writer (generate.ts) inserts the batches, and a benchmark can feed
 * the same batches to another writer. The same plan (seed, cells, id bases) gives the same rows; only the
 * encrypted ID numbers differ, since each encryption draws a fresh IV.
 *
 * Each township draws from its own random stream, derived from the seed and its code, so townships do not
 * depend on one another.
 */
import type { IdCipher } from '../../health/id-cipher.js';
import { batches } from '../../org-units/upsert.js';
import { deriveSeed, mulberry32 } from '../random.js';
import type { Random } from '../random.js';
import { integerBetween } from '../registers/sampling.js';
import { shortName } from '../registers/facilities-plan.js';
import type { ResidentCell } from './cells.js';
import type { HealthCounty } from './county.js';
import { dayOf, periodOf, yearOf } from './days.js';
import type { Period } from './days.js';
import { familyDoctorSetup } from './family-doctor-teams.js';
import type { FamilyDoctorSetup, TeamPlan } from './family-doctor-teams.js';
import { householdFlags } from './flags.js';
import { formHouseholds } from './households.js';
import { IdNumberIssuer } from './id-numbers.js';
import { adultBody } from './measurements.js';
import { chineseName, mobileNumber } from './names.js';
import { personRecords } from './person-records.js';
import type { Person, VillagePersons } from './persons.js';
import { townshipPersons } from './persons.js';
import { planPregnancies } from './pregnancies.js';
import { recordCoverage } from './prevalence.js';
import { residentRow } from './resident-rows.js';
import { IdCounters, emptyBatch } from './rows.js';
import type { HealthRowBatch, IdBases } from './rows.js';
import type { Generation, Subject } from './subject.js';

export interface HealthRecordPlan {
  county: HealthCounty;
  /** The resident cells of the last year, one person each (cells.ts). */
  cells: readonly ResidentCell[];
  seed: number;
  years: { from: number; to: number };
  idCipher: IdCipher;
  /** The first id of each table whose ids the rows carry (reserved by the writer). */
  idBases: IdBases;
}

/** Households per batch: about a thousand persons and 15,000–25,000 rows. */
const HOUSEHOLDS_PER_BATCH = 300;
/** The basic public-health service, and its health records, began in October 2009. */
const RECORDS_SINCE = dayOf('2009-10-01');
const DAYS_PER_YEAR = 365.25;
/** Relations whose holder takes the head's surname when the head is a man (子, 女, 孙子, 孙女). */
const HEAD_SURNAME_RELATIONS = new Set(['20', '30', '41', '42']);

interface TownshipContext {
  random: Random;
  plan: HealthRecordPlan;
  period: Period;
  ids: IdCounters;
  issuer: IdNumberIssuer;
  setup: FamilyDoctorSetup;
  team: TeamPlan;
  townshipCode: string;
  urban: boolean;
}

/** The 建档 day: at the discharge after birth for those born since records began, else some day after. */
function recordDay(random: Random, person: Person, lastDay: number): number | null {
  const age = Math.floor((lastDay - person.birthDay) / DAYS_PER_YEAR);
  if (random() >= recordCoverage(age)) return null;
  if (person.birthDay >= RECORDS_SINCE) return Math.min(lastDay, person.birthDay + integerBetween(random, 1, 5));
  const first = Math.max(person.birthDay + 1, RECORDS_SINCE);
  if (first > lastDay) return null;
  // Most records date from the campaigns of the first years.
  return first + Math.floor(random() ** 1.5 * (lastDay - first + 1));
}

function subjectOf(context: TownshipContext, person: Person): Subject {
  const { random, period, plan, team, townshipCode } = context;
  const lastDay = person.statusDay === null ? period.last : person.statusDay - 1;
  const { facilities } = plan.county;
  const village = person.villageCode;
  return {
    residentId: context.ids.take('resident'),
    person,
    recordDay: recordDay(random, person, lastDay),
    lastDay,
    townshipCode,
    clinicId: village === null ? null : (facilities.clinics.get(village) ?? null),
    centreId: facilities.centres.get(townshipCode) ?? null,
    villageDoctor: (village === null ? undefined : team.villageDoctors.get(village)) ?? team.leader,
    teamLeader: team.leader,
    body: adultBody(random, person.sex),
  };
}

function* villageBatches(context: TownshipContext, group: VillagePersons): Generator<HealthRowBatch> {
  const { random, period, plan, ids, setup } = context;
  const { county } = plan;
  const households = formHouseholds(random, group, period.last);
  const pregnancies = planPregnancies(random, households, period);
  const area = group.village?.code ?? `${context.townshipCode}000`;
  const address = `${county.countyName}${county.townships.find((t) => t.code === context.townshipCode)?.name ?? ''}${
    group.village === null ? '' : shortName(group.village.name)
  }`;
  const planned = households.map((members, index) => ({
    id: ids.take('household'),
    number: `${area}${String(index + 1).padStart(4, '0')}`,
    flags: householdFlags(random, context.urban, period),
    members: members.map((member) => ({ relation: member.relation, subject: subjectOf(context, member.person) })),
  }));
  // A pregnant woman's record is opened at the booking at the latest.
  for (const { members } of planned) {
    for (const { subject } of members) {
      for (const pregnancy of pregnancies.get(subject.person) ?? []) {
        const booked = pregnancy.bookingDay <= Math.min(subject.lastDay, period.last);
        if (booked && (subject.recordDay === null || subject.recordDay > pregnancy.bookingDay)) {
          subject.recordDay = pregnancy.bookingDay;
        }
      }
    }
  }
  for (const chunk of batches(planned, HOUSEHOLDS_PER_BATCH)) {
    const rows = emptyBatch();
    const generation: Generation = {
      random,
      countyCode: county.countyCode,
      period,
      facilities: county.facilities,
      ids,
      rows,
    };
    for (const household of chunk) {
      rows.household.push({
        id: household.id,
        countyCode: county.countyCode,
        householdNumber: household.number,
        townshipCode: context.townshipCode,
        villageCode: group.village?.code ?? null,
        address: `${address}${String(integerBetween(random, 1, 300))}号`,
      });
      const head = household.members[0]?.subject.person;
      const headName = head === undefined ? '' : chineseName(random, head.sex, yearOf(head.birthDay));
      const homePhone = mobileNumber(random);
      household.members.forEach(({ relation, subject }, index) => {
        const { person } = subject;
        const age = Math.floor((period.last - person.birthDay) / DAYS_PER_YEAR);
        const surname = head?.sex === '1' && HEAD_SURNAME_RELATIONS.has(relation) ? headName.charAt(0) : undefined;
        const name = index === 0 ? headName : chineseName(random, person.sex, yearOf(person.birthDay), surname);
        // Children and many of the very old are reached on the household's phone.
        const phone =
          age < 16 || (age >= 80 && random() < 0.6) ? homePhone : random() < 0.92 ? mobileNumber(random) : null;
        rows.resident.push(
          residentRow(
            generation,
            subject,
            { name, phone, householdId: household.id, relation },
            context.issuer,
            plan.idCipher
          )
        );
        const { hospital, maternalChild } = county.facilities;
        personRecords(generation, subject, {
          pregnancies: pregnancies.get(person) ?? [],
          household: household.flags,
          teamId: context.team.id,
          packageIds: setup.packageIds,
          birthFacilityId: maternalChild !== null && (hospital === null || random() < 0.4) ? maternalChild : hospital,
        });
      });
    }
    yield rows;
  }
}

/** The batches of the whole county: first the family-doctor teams and packages, then township by township. */
export function* healthRecordBatches(plan: HealthRecordPlan): Generator<HealthRowBatch> {
  const { county, seed } = plan;
  const period = periodOf(plan.years);
  const ids = new IdCounters(plan.idBases);
  const setup = familyDoctorSetup(mulberry32(deriveSeed(seed, `health:${county.countyCode}:teams`)), county, ids);
  yield {
    ...emptyBatch(),
    servicePackage: setup.packages,
    familyDoctorTeam: setup.teams,
    familyDoctorTeamMember: setup.members,
  };
  const issuer = new IdNumberIssuer(county.countyCode);
  for (const township of county.townships) {
    const team = setup.teamByTownship.get(township.code);
    if (team === undefined) continue;
    const context: TownshipContext = {
      random: mulberry32(deriveSeed(seed, `health:${county.countyCode}:${township.code}`)),
      plan,
      period,
      ids,
      issuer,
      setup,
      team,
      townshipCode: township.code,
      urban: township.name.endsWith('街道'),
    };
    const cells = plan.cells.filter((cell) => cell.township === township.code);
    const villages = county.villages.filter((village) => village.townshipCode === township.code);
    for (const group of townshipPersons(context.random, cells, villages, period)) {
      yield* villageBatches(context, group);
    }
  }
}
