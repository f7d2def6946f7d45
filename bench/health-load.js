// Generating and loading residents with five years of records (issue 4: the bulk path within 2× of a plain
// COPY of the same rows). In one run, each on a fresh database on DATABASE_URL (dropped at the end):
// `generateHealthRecordsDemo` with a writer that discards the rows (the producer's own cost), with the JSON
// bulk insert it uses by default, and with COPY … FROM STDIN of the same rows. `--residents N` (default
// 1,000,000) and `--years FROM-TO` (default 2021–2025). Run `npm run build` first.
import { performance } from 'node:perf_hooks';
import { getTableColumns, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import {
  HEALTH_TABLES,
  addCounty,
  bulkInsertWriter,
  createIdCipher,
  generateHealthRecordsDemo,
  openDatabase,
  queryRows,
} from '../packages/db/dist/index.js';
import { copyRows } from './lib/copy-from.js';
import { createPostgresDatabase, dropPostgresDatabase, loadNote } from './lib/platform.js';

const COUNTY = '341302'; // 埇桥区, as in the other county benchmarks
const SEED = 20_261_123;
const TARGET_FACTOR = 2;

function argument(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : process.argv[index + 1];
}

const residents = Number(argument('residents', '1000000'));
const [from, to] = argument('years', '2021-2025').split('-').map(Number);

/** COPY of one table's rows on the transaction's own connection, the columns the rows set, as insertRows. */
async function copyWriter(db, table, rows) {
  const present = new Set(rows.flatMap((row) => Object.keys(row)));
  const columns = Object.entries(getTableColumns(HEALTH_TABLES[table]))
    .filter(([key]) => present.has(key))
    .map(([key, column]) => [key, column.name]);
  await copyRows(db.session.client, getTableConfig(HEALTH_TABLES[table]).name, columns, rows);
}

async function discardWriter() {}

/** One generation into a new database: seconds and rows written per table. */
async function timeLoad(writer) {
  const database = await createPostgresDatabase();
  try {
    const { db, close } = await openDatabase({ databaseUrl: database.url });
    try {
      await addCounty(db, COUNTY);
      const options = {
        countyCode: COUNTY,
        residents,
        seed: SEED,
        years: { from, to },
        idCipher: createIdCipher(Buffer.alloc(32, 0x42)),
      };
      const began = performance.now();
      const counts = await generateHealthRecordsDemo(db, options, writer);
      const seconds = (performance.now() - began) / 1000;
      const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
      const [stored] = await queryRows(db, sql`select count(*)::int as n from follow_up`);
      if (writer !== discardWriter && stored.n !== counts.followUp) {
        throw new Error(`health-load: ${stored.n} visits stored, ${counts.followUp} written`);
      }
      return { seconds, rows, counts };
    } finally {
      await close();
    }
  } finally {
    await dropPostgresDatabase(database.name);
  }
}

console.log(`health-load: ${residents} residents, records ${from}–${to}, county ${COUNTY}; ${loadNote()}`);
const results = {};
for (const [label, writer] of [
  ['producer only (rows discarded)', discardWriter],
  ['bulk insert (JSON, generateHealthRecordsDemo default)', bulkInsertWriter],
  ['COPY FROM STDIN', copyWriter],
]) {
  const result = await timeLoad(writer);
  results[label] = result;
  console.log(
    `health-load ${label}: ${result.seconds.toFixed(1)} s, ${result.rows} rows ` +
      `(${Math.round(result.rows / result.seconds)} rows/s); ${loadNote()}`
  );
}
const [produce, bulk, copy] = Object.values(results);
console.log(`health-load rows per table: ${JSON.stringify(bulk.counts)}`);
const ratio = bulk.seconds / copy.seconds;
const writeRatio = (bulk.seconds - produce.seconds) / (copy.seconds - produce.seconds);
const ok = ratio <= TARGET_FACTOR && bulk.rows === copy.rows;
console.log(
  `health-load: bulk / COPY ${ratio.toFixed(2)}× in all, ${writeRatio.toFixed(2)}× without the producer's ` +
    `${produce.seconds.toFixed(1)} s (target ≤ ${TARGET_FACTOR}×) ${ok ? 'OK' : 'SLOW'}; ${loadNote()}`
);
if (!ok) process.exitCode = 1;
