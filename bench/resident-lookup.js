// Resident lookup and the record browser at 200 requests/s on a county of 1,000,000 residents (issue 4:
// p99 < 30 ms on PostgreSQL): GET /counties/:code/residents?q=<ID number>, GET …/residents/:id and
// GET …/residents/:id/timeline, each for ~20 s at a fixed rate (open loop) against the real server. The county
// is the one service-compute.js generates (chp_bench_services_1m on DATABASE_URL; run it first), copied to
// chp_bench_residents_1m with a 公民身份号码 for every resident, encrypted and hashed with a fixed benchmark
// key that the server gets as CHP_ID_KEY; `--fresh` (or CHP_BENCH_FRESH=1) makes the copy again. Every record
// read writes its audit row, as in use. Run `npm run build` first.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createIdCipher, storedIdNumber } from '../packages/db/dist/index.js';
import { IdNumberIssuer } from '../packages/db/dist/seed/health/id-numbers.js';
import { describeLoad, runOpenLoad } from './lib/load.js';
import {
  BENCH_PASSWORD,
  firstLogin,
  loadNote,
  login,
  oneTimePasswords,
  percentile,
  startServer,
  withPostgres,
} from './lib/platform.js';

const COUNTY = '341302'; // 埇桥区, as in service-compute.js
const SOURCE = 'chp_bench_services_1m';
const PG_NAME = 'chp_bench_residents_1m';
/** The benchmark's ID-number key: fixed, so a kept database stays readable by later runs. */
const BENCH_KEY = Buffer.alloc(32, 0x42);
const RATE = 200;
const DURATION_MS = 20_000;
const WARMUP_MS = 3000;
const SAMPLE = 4000;
/** Answers awaited at once beyond which the server is taken to be overloaded and the run stops sending. */
const MAX_IN_FLIGHT = 50;
const TARGET_P99_MS = 30;
const BATCH = 50_000;
const fresh = process.argv.includes('--fresh') || process.env.CHP_BENCH_FRESH === '1';
const cipher = createIdCipher(BENCH_KEY);

function urlOf(name) {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  return url.toString();
}

async function databaseExists(name) {
  const [result] = await withPostgres([`select 1 from pg_database where datname = '${name}'`]);
  return result.rowCount === 1;
}

async function withClient(work) {
  const client = new pg.Client({ connectionString: urlOf(PG_NAME) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Copies the services county and gives each resident an encrypted, hashed and masked 公民身份号码. */
async function ensureData() {
  if (fresh) await withPostgres([`DROP DATABASE IF EXISTS ${PG_NAME} WITH (FORCE)`]);
  if (await databaseExists(PG_NAME)) return;
  if (!(await databaseExists(SOURCE))) {
    throw new Error(`resident-lookup: ${SOURCE} is missing — run \`node bench/service-compute.js\` first`);
  }
  const began = performance.now();
  await withPostgres([`CREATE DATABASE ${PG_NAME} TEMPLATE ${SOURCE}`]);
  await withClient(async (client) => {
    const { rows } = await client.query(
      `select id::int, to_char(birth_date, 'YYYY-MM-DD') as birth, sex from resident where county_code = $1 order by id`,
      [COUNTY]
    );
    const issuer = new IdNumberIssuer(COUNTY);
    await client.query('create temporary table id_stage (id bigint, cipher text, hash text, masked text)');
    for (let start = 0; start < rows.length; start += BATCH) {
      const columns = [[], [], [], []];
      for (const row of rows.slice(start, start + BATCH)) {
        const number = issuer.issue(row.birth, row.sex);
        const stored = storedIdNumber(cipher, { idType: 'resident_id', number, resident: null });
        columns[0].push(row.id);
        columns[1].push(stored.idNumberCipher);
        columns[2].push(stored.idNumberHash);
        columns[3].push(stored.idNumberMasked);
      }
      await client.query(
        'insert into id_stage select * from unnest($1::bigint[], $2::text[], $3::text[], $4::text[])',
        columns
      );
    }
    await client.query(
      `update resident r set id_number_cipher = s.cipher, id_number_hash = s.hash, id_number_masked = s.masked
       from id_stage s where r.id = s.id`
    );
    await client.query('vacuum analyze resident');
  });
  console.log(`resident-lookup: ID numbers given in ${((performance.now() - began) / 1000).toFixed(0)} s`);
}

/** Random residents of the county (not merged away) with their ID numbers in clear, for the requests. */
async function sampleResidents() {
  return withClient(async (client) => {
    const { rows } = await client.query(
      `select id::int, id_number_cipher from resident tablesample system (1) repeatable (7)
       where county_code = $1 and merged_into_id is null and id_number_cipher is not null limit $2`,
      [COUNTY, SAMPLE]
    );
    return rows.map((row) => ({ id: row.id, idNumber: cipher.decrypt(row.id_number_cipher) }));
  });
}

await ensureData();
const residents = await sampleResidents();
const [counts] = await withPostgres(
  [
    `select (select count(*) from resident where county_code = '${COUNTY}')::int as residents,
       (select count(*) from follow_up where county_code = '${COUNTY}')::int as visits,
       (select count(*) from audit_log where entity = 'resident')::int as accesses`,
  ],
  urlOf(PG_NAME)
);
console.log(
  `resident-lookup: PostgreSQL ${PG_NAME}, ${counts.rows[0].residents} residents, ${counts.rows[0].visits} visits, ` +
    `${counts.rows[0].accesses} audit rows before; ${residents.length} residents sampled`
);
const server = await startServer({
  url: urlOf(PG_NAME),
  env: { CHP_DEMO: '0', CHP_ID_KEY: BENCH_KEY.toString('base64') },
});
let worst = 0;
try {
  // The kept database has its accounts since the first run, whose first login set BENCH_PASSWORD.
  const cookie = oneTimePasswords(server.output()).has('admin')
    ? await firstLogin(server)
    : await login(server.baseUrl, 'admin', BENCH_PASSWORD);
  const base = `/counties/${COUNTY}/residents`;
  const lookup = (n) => `${base}?q=${residents[n % residents.length].idNumber}`;
  const endpoints = [
    ['record', (n) => `${base}/${residents[n % residents.length].id}`],
    ['timeline', (n) => `${base}/${residents[n % residents.length].id}/timeline`],
    ['lookup by ID number', lookup],
  ];
  const first = await (await fetch(`${server.baseUrl}/api/v1${lookup(0)}`, { headers: { cookie } })).json();
  if (first.total !== 1 || first.residents[0].id !== residents[0].id) {
    throw new Error(`lookup of ${residents[0].idNumber} found ${JSON.stringify(first).slice(0, 300)}`);
  }
  for (const [label, pathFor] of endpoints) {
    const load = { baseUrl: server.baseUrl, cookie, rate: RATE, maxInFlight: MAX_IN_FLIGHT };
    // Warm-up (connections, JIT, caches) at a quarter of the rate, on other residents than the measured ones.
    const warmup = { ...load, rate: RATE / 4, durationMs: WARMUP_MS };
    await runOpenLoad({ ...warmup, pathFor: (n) => pathFor(residents.length - 1 - n) });
    const result = await runOpenLoad({ ...load, durationMs: DURATION_MS, pathFor });
    const p99 = percentile(result.latencies, 99);
    if (result.errors > 0 || result.unsent > 0) worst = Infinity;
    worst = Math.max(worst, p99);
    const overload = result.unsent > 0 ? `; overloaded: stopped with ${result.unsent} requests unsent` : '';
    console.log(`${describeLoad(`${label}, ${RATE} req/s open loop`, result)}${overload}; ${loadNote()}`);
  }
} finally {
  await server.stop();
}
const ok = worst < TARGET_P99_MS;
console.log(
  `resident-lookup: worst p99 ${worst.toFixed(1)} ms (target < ${TARGET_P99_MS} ms) ${ok ? 'OK' : 'SLOW'}; ${loadNote()}`
);
if (!ok) process.exitCode = 1;
