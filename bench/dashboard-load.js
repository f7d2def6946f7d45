// The county dashboard API under 50 concurrent keep-alive clients on loopback, against PostgreSQL: a fresh
// database chp_bench_<random> on DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), the
// real server in a second process, the load generated here. Prints count, throughput and percentiles for
// GET /health (the floor), one county's dashboard for one year (the target), the same county cycling through
// 2021–2025, and cold-cache requests right after a restart. Run `npm run build` first.
import { describeLoad, runLoad } from './lib/load.js';
import {
  COUNTY_CODES,
  createPostgresDatabase,
  dropPostgresDatabase,
  firstLogin,
  loadNote,
  percentile,
  startServer,
  withPostgres,
} from './lib/platform.js';

const TARGET_P95_MS = 50;
const CLIENTS = 50;
const DURATION_MS = 15_000;
const MAX_REQUESTS = 2000; // per client: bounds a run on a fast machine
const WARMUP_MS = 1000;
const COUNTY = '140423';
const YEARS = [2021, 2022, 2023, 2024, 2025];
const dashboard = (county, year) => `/counties/${county}/dashboard?year=${year}`;
const steady = { clients: CLIENTS, durationMs: DURATION_MS, maxRequests: MAX_REQUESTS, warmupMs: WARMUP_MS };

const database = await createPostgresDatabase();
let server;
try {
  server = await startServer({ url: database.url });
  const cookie = await firstLogin(server);
  const [indicators, values] = await withPostgres(
    ['SELECT count(*)::int AS n FROM indicator', 'SELECT status, count(*)::int AS n FROM indicator_value GROUP BY 1'],
    database.url
  );
  const valueCounts = values.rows.map((r) => `${r.status} ${r.n}`).join(', ');
  console.log(`dashboard-load: PostgreSQL, ${indicators.rows[0].n} indicators, indicator values: ${valueCounts}`);

  const run = async (label, options) => {
    const result = await runLoad({ baseUrl: server.baseUrl, cookie, ...options });
    console.log(describeLoad(label, result));
    return result;
  };
  await run(`health floor, ${CLIENTS} clients`, { ...steady, pathFor: () => '/health' });
  const target = await run(`dashboard ${COUNTY}/2023, ${CLIENTS} clients`, {
    ...steady,
    pathFor: () => dashboard(COUNTY, 2023),
  });
  await run(`dashboard ${COUNTY}/2021–2025 cycling, ${CLIENTS} clients`, {
    ...steady,
    pathFor: (client, n) => dashboard(COUNTY, YEARS[(client + n) % YEARS.length]),
  });

  // A restart empties the in-memory caches (sessions, digests, dashboard bodies); the session stays valid.
  const keys = COUNTY_CODES.flatMap((county) => YEARS.map((year) => dashboard(county, year)));
  const coldRun = async (label, clients, requestsPerClient) => {
    await server.stop();
    server = await startServer({ url: database.url });
    await run(label, {
      clients,
      durationMs: 60_000,
      maxRequests: requestsPerClient,
      pathFor: (client, n) => keys[(client + n * clients) % keys.length],
    });
  };
  await coldRun(`cold after restart, 1 client, each of ${keys.length} county-years once`, 1, keys.length);
  await coldRun(`cold after restart, ${CLIENTS} clients at once over ${keys.length} county-years`, CLIENTS, 1);

  const p95 = percentile(target.latencies, 95);
  const ok = p95 < TARGET_P95_MS && target.errors === 0;
  console.log(
    `dashboard-load: p95 ${p95.toFixed(1)} ms for ${COUNTY}/2023 (target < ${TARGET_P95_MS} ms) ` +
      `${ok ? 'OK' : 'SLOW'}; ${loadNote()}`
  );
  if (!ok) process.exitCode = 1;
} finally {
  await server?.stop();
  await dropPostgresDatabase(database.name);
}
