/**
 * Opens the platform database: embedded PGlite (files under a data directory) by default, or a
 * PostgreSQL server when a connection URL is given. Both run the same migrations.
 */
import { mkdirSync } from 'node:fs';
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
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The Drizzle database, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… to use a PostgreSQL server; otherwise PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; omitted for an in-memory database. */
  dataDir?: string | undefined;
  /** Run migrations on open (default true). */
  migrate?: boolean;
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
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
  }
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const db = drizzlePglite(client, { schema });
  if (runMigrations) {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
  }
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() };
}

/** Runs raw SQL (for analytics) and returns its rows; both drivers return `{ rows }`. */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
