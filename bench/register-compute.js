// Every computed register indicator for a county and each of its townships for one year (issue 3, target A:
// < 1 s on PostgreSQL, < 5 s on PGlite) for a county of 1,000,000 residents with ten years of births and
// deaths, 2,000 facilities and 20,000 staff. The data is generated once (`chp demo` at that scale, topped up
// with clinics and staff through the public add functions where the generator makes fewer) into a
// PostgreSQL database chp_bench_registers_1m on DATABASE_URL and a PGlite directory under the temp
// directory, and kept for later runs; `--fresh` (or CHP_BENCH_FRESH=1) regenerates both. Run `npm run build`
// first.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import {
  addCounty,
  addFacilities,
  addHealthWorkers,
  computeIndicators,
  generateRegisterDemo,
  listFacilities,
  openDatabase,
  queryRows,
} from '../packages/db/dist/index.js';
import { loadNote, median, ms, withPostgres } from './lib/platform.js';

const COUNTY = '341302'; // 埇桥区
const RESIDENTS = 1_000_000;
const YEARS = { from: 2016, to: 2025 };
const YEAR = 2025;
const FACILITIES = 2000;
const STAFF = 20_000;
const TARGET_MS = { postgres: 1000, pglite: 5000 };
const RUNS = 7;
const PG_NAME = 'chp_bench_registers_1m';
const PGLITE_DIR = join(tmpdir(), 'chp-bench-registers-1m');
const fresh = process.argv.includes('--fresh') || process.env.CHP_BENCH_FRESH === '1';
const actor = { userId: null, username: 'bench', ip: null };

function postgresUrl() {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${PG_NAME}`;
  return url.toString();
}

async function countOf(db, table, where = sql`county_code = ${COUNTY}`) {
  const [row] = await queryRows(db, sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`);
  return row.n;
}

/** A small deterministic generator, so that top-ups are the same on both databases and across runs. */
function lcg(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Extra 诊所 and 村卫生室 spread over the townships until the county has FACILITIES facilities. */
async function topUpFacilities(db) {
  const have = await countOf(db, 'facility');
  if (have >= FACILITIES) return;
  const townships = await queryRows(
    db,
    sql`select code, name from org_unit where county_code = ${COUNTY} and level = 4 order by code`
  );
  const inputs = Array.from({ length: FACILITIES - have }, (_, n) => {
    const township = townships[n % townships.length];
    const village = n % 2 === 1;
    return {
      orgUnitCode: township.code,
      sourceRef: `BENCH-F-${String(n + 1).padStart(5, '0')}`,
      name: `${township.name}${village ? '村卫生室' : '诊所'}B${n + 1}`,
      facilityType: village ? 'village_clinic' : 'clinic',
      grade: null,
      ownership: village ? 'public' : 'private',
      consortium: null,
      validFrom: YEARS.from,
      validTo: null,
    };
  });
  await addFacilities(db, actor, COUNTY, inputs);
}

const QUALIFICATION_MIX = [
  [0.3, ['physician']],
  [0.05, ['assistant_physician']],
  [0.05, ['physician', 'general_practitioner']],
  [0.35, ['registered_nurse']],
  [0.05, ['pharmacist']],
  [0.05, ['technician']],
  [0.15, ['village_doctor']],
];

/** Extra staff at every facility in turn until the county has STAFF employment spells. */
async function topUpStaff(db) {
  const have = await countOf(db, 'health_worker');
  if (have >= STAFF) return;
  const facilities = await listFacilities(db, COUNTY);
  const random = lcg(7);
  const inputs = Array.from({ length: STAFF - have }, (_, n) => {
    const employedFrom = YEARS.from - Math.floor(random() * 20) + (n % 3 === 0 ? Math.floor(random() * 10) : 0);
    let pick = random();
    const [, qualifications] = QUALIFICATION_MIX.find(([share]) => (pick -= share) < 0) ?? QUALIFICATION_MIX[0];
    return {
      facilityId: facilities[n % facilities.length].id,
      personRef: `BENCH-P-${String(n + 1).padStart(6, '0')}`,
      sex: random() < 0.5 ? '1' : '2',
      birthYear: employedFrom - 22 - Math.floor(random() * 8),
      qualifications,
      employedFrom,
      employedTo: n % 10 === 0 ? employedFrom + Math.floor(random() * 15) : null,
    };
  });
  await addHealthWorkers(db, actor, COUNTY, inputs);
}

/** Loads the county unless a previous run did; each step can resume after an interrupted one. */
async function ensureData(db, kind) {
  const began = performance.now();
  let loaded = false;
  if ((await countOf(db, 'facility')) === 0) {
    console.log(`register-compute: generating ${RESIDENTS} residents ${YEARS.from}–${YEARS.to} on ${kind} …`);
    await addCounty(db, COUNTY);
    await generateRegisterDemo(db, { countyCode: COUNTY, residents: RESIDENTS, seed: 1, years: YEARS });
    loaded = true;
  }
  if ((await countOf(db, 'facility')) < FACILITIES || (await countOf(db, 'health_worker')) < STAFF) {
    await topUpFacilities(db);
    await topUpStaff(db);
    loaded = true;
  }
  if (loaded) {
    // Statistics as autovacuum would leave them on PostgreSQL; PGlite has no autovacuum.
    await db.execute(sql`analyze`);
    console.log(`register-compute: loaded ${kind} in ${((performance.now() - began) / 1000).toFixed(0)} s`);
  }
}

async function dataSizes(db) {
  const yearDates = sql`between ${`${YEAR}-01-01`} and ${`${YEAR}-12-31`}`;
  const [population] = await queryRows(
    db,
    sql`select coalesce(sum(count), 0)::int as residents, count(*)::int as cells from population_aggregate
        where county_code = ${COUNTY} and year = ${YEAR} and residence = 'resident'`
  );
  const [sizes] = await queryRows(
    db,
    sql`select
      (select count(*)::int from org_unit where county_code = ${COUNTY} and level = 4) as townships,
      (select count(*)::int from population_aggregate where county_code = ${COUNTY}) as "populationRows",
      (select count(*)::int from live_birth where county_code = ${COUNTY}) as births,
      (select count(*)::int from live_birth where county_code = ${COUNTY} and birth_date ${yearDates}) as "birthsInYear",
      (select count(*)::int from death where county_code = ${COUNTY}) as deaths,
      (select count(*)::int from death where county_code = ${COUNTY} and death_date ${yearDates}) as "deathsInYear",
      (select count(*)::int from facility where county_code = ${COUNTY}) as facilities,
      (select count(*)::int from facility where county_code = ${COUNTY} and source_ref like 'BENCH-%') as "addedFacilities",
      (select count(*)::int from facility_beds where county_code = ${COUNTY}) as "bedRows",
      (select count(*)::int from health_worker where county_code = ${COUNTY}) as staff,
      (select count(*)::int from health_worker where county_code = ${COUNTY} and person_ref like 'BENCH-%') as "addedStaff",
      (select count(*)::int from childcare_places where county_code = ${COUNTY}) as "childcareRows"`
  );
  return { ...sizes, residentsInYear: population.residents, populationCellsInYear: population.cells };
}

async function timeCompute(db) {
  const began = performance.now();
  const indicators = await computeIndicators(db, COUNTY, YEAR);
  return { ms: performance.now() - began, indicators };
}

/** Opens the database, loads it if needed, reopens it (empty connection caches) and times the computation. */
async function measure(kind, options) {
  const loading = await openDatabase(options);
  try {
    await ensureData(loading.db, kind);
  } finally {
    await loading.close();
  }
  const { db, close } = await openDatabase(options);
  try {
    const first = await timeCompute(db);
    await timeCompute(db); // warm-up
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push((await timeCompute(db)).ms);
    const sizes = await dataSizes(db);
    const units = new Set(first.indicators.map((indicator) => indicator.orgUnit)).size;
    const codes = new Set(first.indicators.map((indicator) => indicator.code)).size;
    const result = { kind, first: first.ms, median: median(times), max: Math.max(...times), units, codes, sizes };
    result.values = first.indicators.length;
    return result;
  } finally {
    await close();
  }
}

function report(result) {
  const { kind, sizes } = result;
  const ok = result.median < TARGET_MS[kind] && result.first < TARGET_MS[kind];
  console.log(
    `register-compute on ${kind}: ${sizes.townships} townships, ${sizes.residentsInYear} residents in ${YEAR} ` +
      `(${sizes.populationRows} population rows), ${sizes.births} births (${sizes.birthsInYear} in ${YEAR}), ` +
      `${sizes.deaths} deaths (${sizes.deathsInYear} in ${YEAR}), ${sizes.facilities} facilities ` +
      `(${sizes.addedFacilities} of them added to the generated ones; ${sizes.bedRows} bed rows, ` +
      `${sizes.childcareRows} childcare rows), ${sizes.staff} staff (${sizes.addedStaff} added)`
  );
  console.log(
    `register-compute on ${kind}: ${result.values} values (${result.codes} indicators × ${result.units} units); ` +
      `first ${ms(result.first)}, median ${ms(result.median)} and max ${ms(result.max)} of ${RUNS} after a ` +
      `warm-up (target < ${TARGET_MS[kind]} ms) ${ok ? 'OK' : 'SLOW'}; ${loadNote()}`
  );
  return ok;
}

if (fresh) {
  await withPostgres([`DROP DATABASE IF EXISTS ${PG_NAME} WITH (FORCE)`]);
  await rm(PGLITE_DIR, { recursive: true, force: true });
}
const [exists] = (await withPostgres([`SELECT 1 FROM pg_database WHERE datname = '${PG_NAME}'`]))[0].rows;
if (!exists) await withPostgres([`CREATE DATABASE ${PG_NAME}`]);
console.log(`register-compute: PostgreSQL ${PG_NAME}, PGlite ${PGLITE_DIR}${existsSync(PGLITE_DIR) ? '' : ' (new)'}`);

let failed = false;
for (const [kind, options] of [
  ['postgres', { databaseUrl: postgresUrl() }],
  ['pglite', { dataDir: PGLITE_DIR }],
]) {
  if (!report(await measure(kind, options))) failed = true;
}
if (failed) process.exitCode = 1;
