/**
 * The registers a user can import, by kind. The server, the CLI and the web page iterate this list,
 * so a register added here can be uploaded, has a template and shows in the summary without more code.
 */
import type { Permission } from '@chp/core';
import type { Db } from '../connection.js';
import { importResidents, RESIDENT_COLUMNS } from '../health/residents/import-residents.js';
import {
  childcarePlaces,
  death,
  facility,
  facilityBeds,
  followUp,
  healthWorker,
  liveBirth,
  populationAggregate,
  resident,
  vaccination,
} from '../schema.js';
import { FOLLOW_UP_COLUMNS, importFollowUps } from '../health/programs/import-follow-ups.js';
import { VACCINATION_COLUMNS, importVaccinations } from '../health/programs/import-vaccinations.js';
import { BIRTH_COLUMNS, importBirths } from './import-births.js';
import { CHILDCARE_PLACES_COLUMNS, importChildcarePlaces } from './import-childcare-places.js';
import { DEATH_COLUMNS, importDeaths } from './import-deaths.js';
import { FACILITY_COLUMNS, importFacilities } from './import-facilities.js';
import { FACILITY_BEDS_COLUMNS, importFacilityBeds } from './import-facility-beds.js';
import { HEALTH_WORKER_COLUMNS, importHealthWorkers } from './import-health-workers.js';
import type { RegisterImport } from './import-run.js';
import { importPopulation, POPULATION_COLUMNS } from './import-population.js';
import { registerHoldings, yearOfDate } from './register-holdings.js';
import type { RegisterHoldings } from './register-holdings.js';
import type { ColumnSpec } from './row-reader.js';

export type { ColumnSpec } from './row-reader.js';
export type { RegisterHoldings } from './register-holdings.js';

export interface RegisterImporter {
  /** The kind in URLs and on the command line, e.g. 'births'. */
  kind: string;
  /** 中文名, e.g. 出生登记. */
  name: string;
  /** The template's columns, in order. */
  columns: readonly ColumnSpec<string>[];
  importTables: RegisterImport;
  /** The permission an import takes over the whole county; 'value.enter' when not given. */
  permission?: Permission;
  /** What the county's register holds (build it with registerHoldings). */
  holdings(db: Db, countyCode: string): Promise<RegisterHoldings>;
}

export const REGISTER_IMPORTERS: readonly RegisterImporter[] = [
  {
    kind: 'population',
    name: '人口数据',
    columns: POPULATION_COLUMNS,
    importTables: importPopulation,
    holdings: registerHoldings(populationAggregate, populationAggregate.countyCode, populationAggregate.year),
  },
  {
    kind: 'births',
    name: '出生登记',
    columns: BIRTH_COLUMNS,
    importTables: importBirths,
    holdings: registerHoldings(liveBirth, liveBirth.countyCode, yearOfDate(liveBirth.birthDate)),
  },
  {
    kind: 'deaths',
    name: '死亡登记',
    columns: DEATH_COLUMNS,
    importTables: importDeaths,
    holdings: registerHoldings(death, death.countyCode, yearOfDate(death.deathDate)),
  },
  // Beds, health workers and childcare places name facilities by 机构编号: import the 机构 file first.
  {
    kind: 'facilities',
    name: '机构名录',
    columns: FACILITY_COLUMNS,
    importTables: importFacilities,
    holdings: registerHoldings(facility, facility.countyCode),
  },
  {
    kind: 'beds',
    name: '床位',
    columns: FACILITY_BEDS_COLUMNS,
    importTables: importFacilityBeds,
    holdings: registerHoldings(facilityBeds, facilityBeds.countyCode, facilityBeds.year),
  },
  {
    kind: 'health-workers',
    name: '卫生人员',
    columns: HEALTH_WORKER_COLUMNS,
    importTables: importHealthWorkers,
    holdings: registerHoldings(healthWorker, healthWorker.countyCode),
  },
  {
    kind: 'childcare',
    name: '托位',
    columns: CHILDCARE_PLACES_COLUMNS,
    importTables: importChildcarePlaces,
    holdings: registerHoldings(childcarePlaces, childcarePlaces.countyCode, childcarePlaces.year),
  },
  // Residents' health records (docs/health-records.md): the import needs the ID-number cipher.
  {
    kind: 'residents',
    name: '居民健康档案',
    columns: RESIDENT_COLUMNS,
    importTables: importResidents,
    permission: 'record.write',
    holdings: registerHoldings(resident, resident.countyCode),
  },
  // Visits and doses name residents already on the platform, and visits their enrolments.
  {
    kind: 'follow-ups',
    name: '随访记录',
    columns: FOLLOW_UP_COLUMNS,
    importTables: importFollowUps,
    permission: 'record.write',
    holdings: registerHoldings(followUp, followUp.countyCode, yearOfDate(followUp.visitDate)),
  },
  {
    kind: 'vaccinations',
    name: '预防接种记录',
    columns: VACCINATION_COLUMNS,
    importTables: importVaccinations,
    permission: 'record.write',
    holdings: registerHoldings(vaccination, vaccination.countyCode, yearOfDate(vaccination.vaccinatedDate)),
  },
];

export function registerImporter(kind: string): RegisterImporter | undefined {
  return REGISTER_IMPORTERS.find((importer) => importer.kind === kind);
}
