/**
 * Starts the built platform as a user would (`node packages/server/bin/start.js`) on a free port with a
 * fresh database: a new PGlite directory, or a new PostgreSQL database when DATABASE_URL is set.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface RunningPlatform {
  baseUrl: string;
  /** One-time passwords printed at first start, by user name. */
  passwords: Map<string, string>;
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

async function withAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function startPlatform(): Promise<RunningPlatform> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'chp-e2e-'));
  const adminUrl = process.env['DATABASE_URL'];
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', CHP_DATA_DIR: dataDir };
  delete env['DATABASE_URL'];
  let databaseName: string | undefined;
  if (adminUrl) {
    databaseName = `chp_e2e_${randomBytes(6).toString('hex')}`;
    await withAdmin(adminUrl, `CREATE DATABASE ${databaseName}`);
    const url = new URL(adminUrl);
    url.pathname = `/${databaseName}`;
    env['DATABASE_URL'] = url.toString();
  }
  const child: ChildProcess = spawn(process.execPath, ['packages/server/bin/start.js'], { env });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`server did not start in 90 s:\n${output}`));
    }, 90_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)}:\n${output}`));
    });
    const poll = setInterval(() => {
      if (output.includes('listening on')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
  });
  const passwords = new Map<string, string>();
  for (const match of output.matchAll(/^║\s+(\w+) \/ (\S+)/gmu)) {
    passwords.set(match[1]!, match[2]!);
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    passwords,
    output: () => output,
    stop: async (): Promise<void> => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
      if (adminUrl && databaseName) {
        await withAdmin(adminUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      }
    },
  };
}
