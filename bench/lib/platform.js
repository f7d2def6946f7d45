// Shared by the server benchmarks: start the built server as `npm start` does, sign in, measure.
// Lives in bench/lib/ so that bench/run.js, which runs every bench/*.js, does not take it for a benchmark.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const COUNTY_CODES = ['640221', '341302', '512022', '140423', '321323'];
export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/** Satisfies the password policy (length, three character classes, no user name, not common). */
export const BENCH_PASSWORD = 'Bench-Perf-2026!x';

/** A TCP port nobody listens on right now, on loopback. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(address.port));
    });
  });
}

export async function makeDataDir() {
  return mkdtemp(join(tmpdir(), 'chp-bench-'));
}

export async function removeDataDir(dir) {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Spawns `node packages/server/bin/start.js` on a free loopback port and resolves once GET /api/v1/health
 * answers {"status":"ok"}. `database` is { dataDir } for PGlite or { url } for PostgreSQL, with optional
 * `env` (e.g. CHP_DEMO, CHP_ID_KEY) added to the server's environment.
 * `startupMs` runs from just before the spawn to the first healthy answer.
 */
export async function startServer(database, timeoutMs = 120_000) {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', CHP_LOG: '0' };
  delete env.DATABASE_URL;
  delete env.CHP_DEMO;
  if (database.url) {
    env.DATABASE_URL = database.url;
  } else {
    env.CHP_DATA_DIR = database.dataDir;
  }
  Object.assign(env, database.env);
  const baseUrl = `http://127.0.0.1:${port}`;
  const began = performance.now();
  const child = spawn(process.execPath, ['packages/server/bin/start.js'], { cwd: REPO_ROOT, env });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk.toString()));
  child.stderr.on('data', (chunk) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
    }
    await exited;
  };
  try {
    await waitForHealth(baseUrl, child, timeoutMs, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const startupMs = performance.now() - began;
  return { baseUrl, pid: child.pid, startupMs, output: () => output, stop };
}

async function waitForHealth(baseUrl, child, timeoutMs, output) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    }
    if (performance.now() > deadline) {
      throw new Error(`server not healthy after ${timeoutMs} ms:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.ok && (await response.json()).status === 'ok') {
        return;
      }
    } catch {
      // Not listening yet.
    }
    // 10 ms polling bounds the measurement error of startupMs.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** One-time passwords from the first-start box (`║  admin / <password>`), by user name. */
export function oneTimePasswords(output) {
  const passwords = new Map();
  for (const match of output.matchAll(/^║\s+(\w+) \/ (\S+)/gmu)) {
    passwords.set(match[1], match[2]);
  }
  return passwords;
}

async function api(baseUrl, path, { cookie, body } = {}) {
  const headers = {};
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  }
  return response;
}

/** Logs in and returns the session cookie ("chp_session=…"). */
export async function login(baseUrl, username, password) {
  const response = await api(baseUrl, '/auth/login', { body: { username, password } });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('chp_session='));
  if (!cookie) throw new Error('login set no chp_session cookie');
  return cookie.split(';')[0];
}

/**
 * Signs in as admin on a first start with the printed one-time password and changes it to BENCH_PASSWORD
 * (until then every call but /auth/* is refused). Returns the session cookie, still valid after the change.
 */
export async function firstLogin(server) {
  const password = oneTimePasswords(server.output()).get('admin');
  if (!password) throw new Error(`no one-time admin password in the output:\n${server.output()}`);
  const cookie = await login(server.baseUrl, 'admin', password);
  await api(server.baseUrl, '/auth/change-password', {
    cookie,
    body: { currentPassword: password, newPassword: BENCH_PASSWORD },
  });
  return cookie;
}

export async function getJson(baseUrl, path, cookie) {
  return (await api(baseUrl, path, { cookie })).json();
}

/** Resident set size of a process in MB (Linux /proc). */
export function residentMb(pid) {
  const match = /^VmRSS:\s+(\d+) kB/mu.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) / 1024;
}

/** Runs statements on a PostgreSQL database, by default the admin one (DATABASE_URL, else the local default). */
export async function withPostgres(statements, url = adminUrl()) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const results = [];
    for (const statement of statements) results.push(await client.query(statement));
    return results;
  } finally {
    await client.end();
  }
}

function adminUrl() {
  return process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
}

/** Creates an empty PostgreSQL database chp_bench_<random>; returns its name and URL. */
export async function createPostgresDatabase() {
  const name = `chp_bench_${randomBytes(6).toString('hex')}`;
  await withPostgres([`CREATE DATABASE ${name}`]);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropPostgresDatabase(name) {
  await withPostgres([`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
}

/** Sorted-copy percentile (nearest rank). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function median(values) {
  return percentile(values, 50);
}

export const ms = (value) => `${value.toFixed(1)} ms`;

/** The 1-minute load average against the core count: figures taken on a busy machine say so. */
export function loadNote() {
  return `load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`;
}
