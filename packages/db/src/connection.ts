/**
 * Opens the platform database: embedded PGlite (files under a data directory) by default, or a
 * PostgreSQL server when a connection URL is given. Both run the same migrations.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { SQL } from 'drizzle-orm';
import { unpackDataDirDump } from './pglite-dump.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The Drizzle database, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The embedded engine, when kind is 'pglite' (e.g. to dump its data directory). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… to use a PostgreSQL server; otherwise PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; omitted for an in-memory database. */
  dataDir?: string | undefined;
  /** Run migrations on open (default true). */
  migrate?: boolean;
  /**
   * A PGlite data-directory dump (`.tar.gz`) to start a new, empty `dataDir` from instead of running
   * initdb (see pglite-template.ts); ignored when the directory already holds a database.
   */
  templateFile?: string | undefined;
}

/**
 * PostgreSQL's default shared_buffers (128 MB) doubles the embedded engine's memory; a county's
 * working set is far smaller, and the operating system caches the files anyway.
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * A new data directory starts from the template when one is given: unpacked beside it and renamed into
 * place, so an interrupted first start leaves no half-written database behind.
 */
async function openPglite(dataDir: string | undefined, templateFile: string | undefined): Promise<PGlite> {
  if (dataDir === undefined) {
    return new PGlite({ startParams: PGLITE_START_PARAMS });
  }
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh && templateFile !== undefined && existsSync(templateFile)) {
    // The directory may exist empty (created by an operator); anything else in it is not ours to replace.
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      throw new Error(`数据目录 ${dataDir} 不是空目录，也不含数据库：请清空它或换一个目录`);
    }
    const unpacking = `${dataDir}.unpacking-${String(process.pid)}`;
    try {
      await unpackDataDirDump(templateFile, unpacking);
      rmSync(dataDir, { recursive: true, force: true });
      await rename(unpacking, dataDir);
    } finally {
      await rm(unpacking, { recursive: true, force: true });
    }
  }
  mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir, { startParams: PGLITE_START_PARAMS });
}

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const runMigrations = options.migrate ?? true;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle client's connection can end under it (server restart, a dropped test database); the pool
    // replaces it on the next query, so log instead of letting the error crash the process.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') {
        console.error('PostgreSQL idle client error:', error.message);
      }
    });
    const db = drizzlePg(pool, { schema });
    if (runMigrations) {
      await migratePg(db, { migrationsFolder: MIGRATIONS_DIR });
    }
    return { db: db as unknown as Db, kind: 'postgres', close: () => pool.end() };
  }
  const client = await openPglite(options.dataDir, options.templateFile);
  const db = drizzlePglite(client, { schema });
  if (runMigrations) {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
  }
  return { db: db as unknown as Db, kind: 'pglite', pglite: client, close: () => client.close() };
}

/** Runs raw SQL (for analytics) and returns its rows; both drivers return `{ rows }`. */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
