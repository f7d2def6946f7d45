// Resident memory of the server at idle on PGlite with the demo loaded (a restart on an initialised data
// directory): right after it is healthy, and after each county's dashboard and indicators computed from its
// demo registers were fetched once and the server sat idle for a few seconds. Run `npm run build` first.
import {
  BENCH_PASSWORD,
  COUNTY_CODES,
  firstLogin,
  getJson,
  loadNote,
  login,
  makeDataDir,
  removeDataDir,
  residentMb,
  startServer,
} from './lib/platform.js';

const TARGET_MB = 300;
const IDLE_MS = 5000;
const mb = (value) => `${value.toFixed(0)} MB`;
const idle = () => new Promise((resolve) => setTimeout(resolve, IDLE_MS));

const dataDir = await makeDataDir();
try {
  // The first start initialises the directory and prints the one-time password, changed here once.
  const first = await startServer({ dataDir });
  try {
    await firstLogin(first);
  } finally {
    await first.stop();
  }
  const server = await startServer({ dataDir });
  try {
    await idle();
    const afterStart = residentMb(server.pid);
    const cookie = await login(server.baseUrl, 'admin', BENCH_PASSWORD);
    for (const code of COUNTY_CODES) {
      await getJson(server.baseUrl, `/counties/${code}/dashboard?year=2023`, cookie);
      await getJson(server.baseUrl, `/counties/${code}/computed-indicators?year=2023`, cookie);
    }
    await idle();
    const afterDashboards = residentMb(server.pid);
    const ok = Math.max(afterStart, afterDashboards) < TARGET_MB;
    console.log(
      `idle-memory (PGlite, demo loaded): RSS ${mb(afterStart)} ${IDLE_MS / 1000} s after start, ` +
        `${mb(afterDashboards)} after login + ${COUNTY_CODES.length} dashboards and computed indicators + ` +
        `${IDLE_MS / 1000} s idle ` +
        `(target < ${TARGET_MB} MB) ${ok ? 'OK' : 'OVER'}; ${loadNote()}`
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await server.stop();
  }
} finally {
  await removeDataDir(dataDir);
}
