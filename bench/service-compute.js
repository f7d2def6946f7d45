// Every basic public-health service indicator for a county and each of its townships for one year (issue 4:
// < 2 s on PostgreSQL for 1,000,000 residents, and within 3× of one sequential scan of follow_up). The data
// is made once by set-based SQL below — residents of every age, programme enrolments, three years of visits,
// vaccinations of the children, contracts and flags, at rates near a county's — into the PostgreSQL database
// chp_bench_services_1m on DATABASE_URL, and kept for later runs; `--fresh` (or CHP_BENCH_FRESH=1) makes it
// again. Run `npm run build` first.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { addCounty, computeIndicators, openDatabase, queryRows } from '../packages/db/dist/index.js';
import { readImmunisationCoverage } from '../packages/db/dist/registers/compute/immunisation-coverage.js';
import { readMaternalManagement } from '../packages/db/dist/registers/compute/maternal-management.js';
import { readProgrammeManagement } from '../packages/db/dist/registers/compute/programme-management.js';
import { readResidentServices } from '../packages/db/dist/registers/compute/resident-services.js';
import { serviceYear } from '../packages/db/dist/registers/compute/service-sql.js';
import { IMMUNISATION_SCHEDULE } from '../packages/core/dist/index.js';
import { loadNote, median, ms, withPostgres } from './lib/platform.js';

const COUNTY = '341302'; // 埇桥区
const RESIDENTS = 1_000_000;
const YEAR = 2025;
const TARGET_MS = 2000;
const SCAN_FACTOR = 3;
const RUNS = 7;
const PG_NAME = 'chp_bench_services_1m';
const fresh = process.argv.includes('--fresh') || process.env.CHP_BENCH_FRESH === '1';

function postgresUrl() {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${PG_NAME}`;
  return url.toString();
}

/**
 * A choice made `percent` % of the time, from a hash of `key` (ids), not random(): in a join PostgreSQL may
 * draw random() once per row of the smaller side.
 */
function chance(key, percent) {
  return `abs(hashint8(${key})) % 100 < ${percent}`;
}

/** The statements that make the data; `random()` is seeded so every run makes the same county. */
function generation(townships) {
  const codes = `array[${townships.map((code) => `'${code}'`).join(',')}]`;
  const doses = IMMUNISATION_SCHEDULE.filter((dose) => !['JE-I', 'HepA-I'].includes(dose.vaccine))
    .map((dose) => `('${dose.vaccine}', ${dose.dose}, ${dose.dueAge.months})`)
    .join(', ');
  const years = '(values (2023), (2024), (2025)) as y(year)';
  return [
    `select setseed(0.42)`,
    // Ages 0–94 evenly; 90 % with a record; 2 % moved out and 1 % dead since 2020; 0.1 % merged duplicates.
    `insert into resident (county_code, id_type, name, sex, birth_date, township_code, record_date, record_status,
       status_date, death_date)
     select '${COUNTY}', 'resident_id', 'B' || g, (1 + g % 2)::text, b, (${codes})[1 + g % ${townships.length}],
       case when r1 < 0.9 then greatest(b, date '2010-01-01') + (r2 * 300)::int end,
       case when r3 < 0.02 then 'moved' when r3 < 0.03 then 'deceased' else 'active' end,
       case when r3 < 0.03 then date '2020-01-01' + (r2 * 2300)::int end,
       case when r3 >= 0.02 and r3 < 0.03 then date '2020-01-01' + (r2 * 2300)::int end
     from (select g, date '2025-12-31' - (random() * 95 * 365.25)::int as b, random() as r1, random() as r2,
       random() as r3 from generate_series(1, ${RESIDENTS}) g) s`,
    `update resident set merged_into_id = id - 1 where county_code = '${COUNTY}' and id % 1000 = 0`,
    // Hypertension 18 % and diabetes 7 % of those 35+, severe mental disorder 0.6 % and TB 0.1 % of those
    // 15+; 5 % of the chronic enrolments ended.
    `insert into program_enrolment (county_code, resident_id, program, enrolled_date, ended_date, end_reason)
     select '${COUNTY}', id, program, enrolled, case when random() < 0.05 then enrolled + 400 + (random() * 1000)::int end,
       null
     from (select r.id, p.program, greatest(r.birth_date + 35 * 365, date '2012-01-01' + (random() * 5000)::int) as enrolled,
       random() as pick, p.share
       from resident r cross join (values ('hypertension', 0.18), ('diabetes', 0.07), ('severe_mental', 0.006),
         ('tuberculosis', 0.001)) as p(program, share)
       where r.county_code = '${COUNTY}' and r.birth_date < date '1990-12-31') s
     where pick < share and enrolled <= date '2025-12-01'`,
    `update program_enrolment set end_reason = 'other' where ended_date is not null and county_code = '${COUNTY}'`,
    // 70 % of those 65+ in the elderly programme; every child under 7 in the child programme from birth.
    `insert into program_enrolment (county_code, resident_id, program, enrolled_date)
     select '${COUNTY}', id, 'elderly', greatest(birth_date + 65 * 366, date '2015-01-01')
     from resident where county_code = '${COUNTY}' and birth_date <= date '1960-12-31' and random() < 0.7`,
    `insert into program_enrolment (county_code, resident_id, program, enrolled_date)
     select '${COUNTY}', id, 'child', birth_date from resident
     where county_code = '${COUNTY}' and birth_date >= date '2018-01-01'`,
    // About 3 % of women 20–40 pregnant in each of 2023–2025; delivery 275 days after the lmp.
    `insert into program_enrolment (county_code, resident_id, program, enrolled_date, ended_date, end_reason, details)
     select '${COUNTY}', id, 'maternal', lmp + 50, case when lmp + 320 < date '2025-12-31' then lmp + 320 end,
       case when lmp + 320 < date '2025-12-31' then 'completed' end,
       jsonb_build_object('lmp', lmp::text, 'edd', (lmp + 280)::text)
         || case when lmp + 275 <= date '2025-12-31' then jsonb_build_object('deliveryDate', (lmp + 275)::text) else '{}' end
     from (select r.id, make_date(y.year - 1, 1, 1) + (random() * 365)::int as lmp, random() as pick
       from resident r cross join ${years}
       where r.county_code = '${COUNTY}' and r.sex = '2' and r.birth_date between make_date(y.year - 40, 1, 1)
         and make_date(y.year - 20, 1, 1)) s
     where pick < 0.03`,
    // Chronic follow-ups 2023–2025: a visit each quarter at 85 %, 60 % controlled; a yearly check at 60 %.
    // Visits and doses are staged, then stored in date order, as a platform in use receives them.
    `create temporary table visit_stage (like follow_up including defaults)`,
    `insert into visit_stage (county_code, resident_id, enrolment_id, program, kind, visit_date, values, controlled)
     select '${COUNTY}', e.resident_id, e.id, e.program, 'follow_up', v.day, '{}'::jsonb,
       case when e.program <> 'severe_mental' then ${chance('e.id * 7 + v.key', 60)} end
     from program_enrolment e cross join ${years}
       cross join lateral (select make_date(y.year, 1, 1) + q * 91 + (abs(hashint8(e.id * 4 + q)) % 60)::int as day,
         y.year * 4 + q as key from generate_series(0, 3) q) v
     where e.county_code = '${COUNTY}' and e.program in ('hypertension', 'diabetes', 'severe_mental', 'tuberculosis')
       and v.day >= e.enrolled_date and (e.ended_date is null or v.day <= e.ended_date) and ${chance('e.id * 13 + v.key', 85)}`,
    `insert into visit_stage (county_code, resident_id, enrolment_id, program, kind, visit_date, values)
     select '${COUNTY}', e.resident_id, e.id, e.program, 'annual_check',
       make_date(y.year, 1, 1) + (abs(hashint8(e.id + y.year)) % 360)::int, '{}'::jsonb
     from program_enrolment e cross join ${years}
     where e.county_code = '${COUNTY}' and e.program in ('hypertension', 'diabetes', 'elderly')
       and e.enrolled_date <= make_date(y.year, 1, 1) and ${chance('e.id * 17 + y.year', 60)}`,
    // Children: a newborn visit and the checks at 3–36 months and 4–6 years, at 90 %.
    `insert into visit_stage (county_code, resident_id, enrolment_id, program, kind, visit_date, values)
     select '${COUNTY}', e.resident_id, e.id, 'child', case when m = 0 then 'newborn_visit' else 'child_check' end,
       (r.birth_date + make_interval(months => m))::date + 5, '{}'::jsonb
     from program_enrolment e join resident r on r.id = e.resident_id
       cross join unnest(array[0, 3, 6, 8, 12, 18, 24, 30, 36, 48, 60, 72]) as m
     where e.county_code = '${COUNTY}' and e.program = 'child'
       and (r.birth_date + make_interval(months => m))::date + 5 <= date '2025-12-31' and ${chance('e.id * 19 + m', 90)}`,
    // Pregnancies: booking at 10 weeks, four antenatal checks, the delivery, postpartum visits.
    `insert into visit_stage (county_code, resident_id, enrolment_id, program, kind, visit_date, values)
     select '${COUNTY}', e.resident_id, e.id, 'maternal', k.kind, (e.details->>'lmp')::date + k.days, '{}'::jsonb
     from program_enrolment e cross join (values ('booking', 70), ('antenatal', 120), ('antenatal', 150),
       ('antenatal', 210), ('antenatal', 250), ('delivery', 275), ('postpartum', 282), ('postpartum_42', 317)) as k(kind, days)
     where e.county_code = '${COUNTY}' and e.program = 'maternal'
       and (e.details->>'lmp')::date + k.days <= date '2025-12-31' and ${chance('e.id * 23 + k.days', 92)}`,
    // Vaccinations of the children born since 2017 (live 乙脑 and 甲肝), 95 % of the doses due, 0–20 days late.
    `insert into follow_up (county_code, resident_id, enrolment_id, program, kind, visit_date, values, controlled)
     select county_code, resident_id, enrolment_id, program, kind, visit_date, values, controlled from visit_stage
     order by visit_date`,
    `create temporary table dose_stage (like vaccination including defaults)`,
    `insert into dose_stage (county_code, resident_id, vaccine, dose, vaccinated_date)
     select '${COUNTY}', r.id, s.vaccine, s.dose, (r.birth_date + make_interval(months => s.months))::date
       + (abs(hashint8(r.id + s.months)) % 20)::int
     from resident r cross join (values ${doses}) as s(vaccine, dose, months)
     where r.county_code = '${COUNTY}' and r.birth_date >= date '2017-01-01'
       and (r.birth_date + make_interval(months => s.months))::date <= date '2025-12-10'
       and ${chance('r.id * 29 + s.months * 3 + s.dose', 95)}`,
    `insert into vaccination (county_code, resident_id, vaccine, dose, vaccinated_date)
     select county_code, resident_id, vaccine, dose, vaccinated_date from dose_stage order by vaccinated_date`,
    // Contracts for 35 % in 2025 and 30 % in 2024 (5 % terminated after 100 days); flags for 2 %, 3 %, 1 %.
    `insert into family_doctor_team (county_code, name, township_code) values ('${COUNTY}', '团队', (${codes})[1])`,
    `insert into service_package (county_code, code, name, kind) values ('${COUNTY}', 'BASIC', '基础包', 'basic')`,
    `insert into family_doctor_contract (county_code, resident_id, team_id, package_id, signed_date, start_date,
       end_date, status, terminated_date)
     select '${COUNTY}', r.id, (select min(id) from family_doctor_team), (select min(id) from service_package),
       s.start, s.start, s.start + 364, case when ${chance('r.id * 5 + y.year', 5)} then 'terminated' else 'active' end,
       case when ${chance('r.id * 5 + y.year', 5)} then s.start + 100 end
     from resident r cross join (values (2024, 30), (2025, 35)) as y(year, percent)
       cross join lateral (select make_date(y.year, 1, 1) + (abs(hashint8(r.id + y.year)) % 180)::int as start) s
     where r.county_code = '${COUNTY}' and ${chance('r.id * 3 + y.year', 'y.percent')}`,
    `insert into resident_flag (county_code, resident_id, flag, from_date)
     select '${COUNTY}', r.id, f.flag, date '2020-01-01' from resident r
       cross join (values ('disabled', 1, 2), ('poverty_alleviated', 2, 3), ('monitored', 3, 1)) as f(flag, k, percent)
     where r.county_code = '${COUNTY}' and ${chance('r.id * 11 + f.k', 'f.percent')}`,
    `analyze`,
  ];
}

async function countOf(db, table) {
  const [row] = await queryRows(
    db,
    sql`select count(*)::int as n from ${sql.identifier(table)} where county_code = ${COUNTY}`
  );
  return row.n;
}

async function ensureData() {
  const { db, close } = await openDatabase({ databaseUrl: postgresUrl() });
  try {
    if ((await countOf(db, 'resident')) >= RESIDENTS) return;
    const began = performance.now();
    console.log(`service-compute: generating ${RESIDENTS} residents and their services …`);
    await addCounty(db, COUNTY);
    const client = new pg.Client({ connectionString: postgresUrl() });
    await client.connect();
    try {
      const { rows } = await client.query(
        `select code from org_unit where county_code = $1 and level = 4 order by code`,
        [COUNTY]
      );
      for (const statement of generation(rows.map((row) => row.code))) await client.query(statement);
    } finally {
      await client.end();
    }
    console.log(`service-compute: loaded in ${((performance.now() - began) / 1000).toFixed(0)} s`);
  } finally {
    await close();
  }
}

/** One full read of follow_up from the heap, as a reference for the target's "3× one sequential scan". */
async function sequentialScanMs() {
  const client = new pg.Client({ connectionString: postgresUrl() });
  await client.connect();
  try {
    for (const setting of ['enable_indexscan', 'enable_indexonlyscan', 'enable_bitmapscan']) {
      await client.query(`set ${setting} = off`);
    }
    const times = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const began = performance.now();
      await client.query(`select count(*) from follow_up where county_code = $1`, [COUNTY]);
      times.push(performance.now() - began);
    }
    return median(times.slice(1));
  } finally {
    await client.end();
  }
}

async function timed(run) {
  await run(); // warm-up
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const began = performance.now();
    await run();
    times.push(performance.now() - began);
  }
  return { median: median(times), max: Math.max(...times) };
}

if (fresh) await withPostgres([`DROP DATABASE IF EXISTS ${PG_NAME} WITH (FORCE)`]);
const [exists] = (await withPostgres([`SELECT 1 FROM pg_database WHERE datname = '${PG_NAME}'`]))[0].rows;
if (!exists) await withPostgres([`CREATE DATABASE ${PG_NAME}`]);
await ensureData();

const { db, close } = await openDatabase({ databaseUrl: postgresUrl() });
try {
  const sizes = {};
  for (const table of ['resident', 'program_enrolment', 'follow_up', 'vaccination', 'family_doctor_contract']) {
    sizes[table] = await countOf(db, table);
  }
  const began = performance.now();
  const first = await computeIndicators(db, COUNTY, YEAR);
  const firstMs = performance.now() - began;
  const all = await timed(() => computeIndicators(db, COUNTY, YEAR));
  const year = serviceYear(YEAR);
  const parts = {};
  for (const [name, read] of Object.entries({
    residents: readResidentServices,
    programmes: readProgrammeManagement,
    maternal: readMaternalManagement,
    immunisation: readImmunisationCoverage,
  })) {
    parts[name] = (await timed(() => read(db, COUNTY, year))).median;
  }
  const scan = await sequentialScanMs();
  const county = (code) => first.find((row) => row.orgUnit === COUNTY && row.code === code);
  const sample = ['EHR_COVERAGE', 'HYPERTENSION_STD_MGMT', 'MATERNAL_SYSTEMATIC_MGMT', 'IMMUNIZATION_COVERAGE']
    .map(
      (code) => `${code} ${county(code)?.value?.toFixed(1)} (${county(code)?.numerator}/${county(code)?.denominator})`
    )
    .join(', ');
  const ok = all.median < TARGET_MS && firstMs < TARGET_MS && all.median < SCAN_FACTOR * scan;
  console.log(
    `service-compute on postgres: ${Object.entries(sizes)
      .map(([table, n]) => `${n} ${table}`)
      .join(', ')}; county ${sample}`
  );
  console.log(
    `service-compute on postgres: computeIndicators ${YEAR} (${first.length} values) first ${ms(firstMs)}, ` +
      `median ${ms(all.median)}, max ${ms(all.max)} of ${RUNS}; queries alone (median) ${Object.entries(parts)
        .map(([name, value]) => `${name} ${ms(value)}`)
        .join(', ')}; one sequential scan of follow_up ${ms(scan)} (target < ${TARGET_MS} ms and < ${SCAN_FACTOR}× ` +
      `the scan) ${ok ? 'OK' : 'SLOW'}; ${loadNote()}`
  );
  if (!ok) process.exitCode = 1;
} finally {
  await close();
}
