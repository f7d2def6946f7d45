// A village doctor's worklist on a county of 1,000,000 residents (issue 4: < 100 ms for a village of 1–3
// thousand residents). The county is the one service-compute.js generates (chp_bench_services_1m on
// DATABASE_URL; run it first, it is made once and kept), copied to chp_bench_worklist_1m with every resident
// placed in a village of their township; `--fresh` (or CHP_BENCH_FRESH=1) makes the copy again. Also times
// the county's programme summary, which has no target. Run `npm run build` first.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase, programSummary, worklistOf } from '../packages/db/dist/index.js';
import { loadNote, median, ms, withPostgres } from './lib/platform.js';

const COUNTY = '341302'; // 埇桥区, as in service-compute.js
const SOURCE = 'chp_bench_services_1m';
const PG_NAME = 'chp_bench_worklist_1m';
const AS_OF = '2025-12-31';
const TARGET_MS = 100;
const VILLAGES = 5;
const RUNS = 7;
const fresh = process.argv.includes('--fresh') || process.env.CHP_BENCH_FRESH === '1';

function urlOf(name) {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  return url.toString();
}

async function databaseExists(name) {
  const client = new pg.Client({ connectionString: urlOf('postgres') });
  await client.connect();
  try {
    return (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

/** Copies the services county and spreads each township's residents evenly over its villages. */
async function ensureData() {
  if (fresh) await withPostgres([`DROP DATABASE IF EXISTS ${PG_NAME} WITH (FORCE)`]);
  if (await databaseExists(PG_NAME)) return;
  if (!(await databaseExists(SOURCE))) {
    throw new Error(`worklist: ${SOURCE} is missing — run \`node bench/service-compute.js\` first`);
  }
  const began = performance.now();
  await withPostgres([`CREATE DATABASE ${PG_NAME} TEMPLATE ${SOURCE}`]);
  const client = new pg.Client({ connectionString: urlOf(PG_NAME) });
  await client.connect();
  try {
    await client.query(
      `with v as (select code, parent_code, row_number() over (partition by parent_code order by code) - 1 as i,
         count(*) over (partition by parent_code) as n from org_unit where county_code = $1 and level = 5)
       update resident r set village_code = v.code from v
       where r.county_code = $1 and v.parent_code = r.township_code and v.i = r.id % v.n`,
      [COUNTY]
    );
    await client.query('vacuum analyze resident');
  } finally {
    await client.end();
  }
  console.log(`worklist: villages assigned in ${((performance.now() - began) / 1000).toFixed(0)} s`);
}

/** Villages of 1,000–3,000 residents, spread over the county (the target's size), and the largest place. */
async function placesToTime() {
  const client = new pg.Client({ connectionString: urlOf(PG_NAME) });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select village_code as code, count(*)::int as residents from resident
       where county_code = $1 and village_code is not null group by village_code order by village_code`,
      [COUNTY]
    );
    const villages = rows.filter((row) => row.residents >= 1000 && row.residents <= 3000);
    const step = Math.max(1, Math.floor(villages.length / VILLAGES));
    const largest = rows.reduce((a, b) => (b.residents > a.residents ? b : a));
    return { villages: villages.filter((_row, index) => index % step === 0).slice(0, VILLAGES), largest };
  } finally {
    await client.end();
  }
}

/** Median and max of RUNS worklists of the place, after a warm-up, with the last list's sizes. */
async function timeWorklist(db, code) {
  const query = { countyCode: COUNTY, scope: [{ orgUnitCode: code, maternalChildOnly: false }], asOf: AS_OF };
  const list = await worklistOf(db, query);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const began = performance.now();
    await worklistOf(db, query);
    times.push(performance.now() - began);
  }
  return { median: median(times), max: Math.max(...times), today: list.today.length, overdue: list.overdue.length };
}

await ensureData();
const { db, close } = await openDatabase({ databaseUrl: urlOf(PG_NAME) });
try {
  const { villages, largest } = await placesToTime();
  let worst = 0;
  for (const village of [...villages, largest]) {
    const time = await timeWorklist(db, village.code);
    if (village !== largest) worst = Math.max(worst, time.median);
    console.log(
      `worklist ${village.code} (${village.residents} residents${village === largest ? ', the largest place' : ''}): ` +
        `median ${ms(time.median)}, max ${ms(time.max)}; ${time.today} today, ${time.overdue} overdue`
    );
  }
  console.log(`worklist: worst village median ${ms(worst)} (target < ${TARGET_MS} ms) ${loadNote()}`);
  if (worst >= TARGET_MS) process.exitCode = 1;
  // The county's programme summary computes every resident's due items, township by township (no target).
  const began = performance.now();
  const summary = await programSummary(db, {
    countyCode: COUNTY,
    scope: [{ orgUnitCode: COUNTY, maternalChildOnly: false }],
    year: 2025,
    asOf: AS_OF,
  });
  console.log(`programme summary of the county: ${ms(performance.now() - began)}, ${summary.rows.length} rows`);
} finally {
  await close();
}
