// Ingest of 1,000,000 surveillance rows on PostgreSQL (issue 5): 800,000 signal counts sent as 16 batches of
// 50,000 rows through the same path as POST /signals/batches (validation against the sites, then one
// transaction per batch upserting in chunks), and 200,000 case report cards. No bulk path for cards exists in
// packages/db, so they go in with COPY directly (bench/lib/copy-from.js), as a load of historical cards would.
// Prints rows, seconds, rows/s and the benchmark process's peak RSS (the PostgreSQL server's memory is not
// included). Target: < 60 s. The database chp_bench_<random> on DATABASE_URL is dropped at the end. Run
// `npx tsc -b` first.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { addCounty, createSite, openDatabase, queryRows, submitSignalBatch } from '../packages/db/dist/index.js';
import { copyRows } from './lib/copy-from.js';
import { createPostgresDatabase, dropPostgresDatabase, loadNote } from './lib/platform.js';

const COUNTY = '640221';
const SIGNAL_ROWS = 800_000;
const CASE_ROWS = 200_000;
const BATCH_ROWS = 50_000;
const TARGET_S = 60;
const actor = { userId: null, username: 'bench', ip: null };
const SITE_PLAN = [
  { kind: 'pharmacy', count: 150, signals: ['antipyretic_sales', 'antidiarrhoeal_sales'] },
  {
    kind: 'school',
    count: 100,
    signals: ['absence_fever', 'absence_respiratory', 'absence_diarrhoea', 'absence_other'],
  },
  { kind: 'fever_clinic', count: 100, signals: ['fever', 'respiratory', 'rash'] },
];

function isoDay(offset) {
  return new Date(Date.UTC(2023, 0, 1 + offset)).toISOString().slice(0, 10);
}

/** Creates the sites; returns every (site, signal) series in a stable order. */
async function createSites(db, townships) {
  const series = [];
  for (const { kind, count, signals } of SITE_PLAN) {
    for (let n = 0; n < count; n++) {
      const code = `${kind}-${n}`;
      await createSite(db, COUNTY, { code, name: code, kind, townshipCode: townships[n % townships.length] });
      for (const signal of signals) series.push({ site: code, signal });
    }
  }
  return series;
}

/** Day-major rows so a batch holds consecutive days, as daily senders produce them. */
function signalRows(series, start, end) {
  const rows = [];
  for (let n = start; n < end; n++) {
    const { site, signal } = series[n % series.length];
    rows.push({ site, signal, date: isoDay(Math.floor(n / series.length)), count: (n * 7) % 23 });
  }
  return rows;
}

function caseRows(townships) {
  const diseases = ['B03', 'B04', 'C01', 'C05', 'B26'];
  return Array.from({ length: CASE_ROWS }, (_, n) => {
    const onset = isoDay(n % 800);
    return {
      countyCode: COUNTY,
      cardNumber: `BENCH-${n}`,
      patientName: `患者${n}`,
      sex: n % 2 === 0 ? '1' : '2',
      townshipCode: townships[n % townships.length],
      diseaseCode: diseases[n % diseases.length],
      classification: 'confirmed',
      onsetDate: onset,
      diagnosedAt: new Date(`${onset}T08:00:00Z`),
      reportedAt: new Date(`${onset}T10:00:00Z`),
      facilityId: 1,
      reportingDoctor: '医生',
      status: 'pending',
    };
  });
}

const CASE_COLUMNS = [
  ['countyCode', 'county_code'],
  ['cardNumber', 'card_number'],
  ['patientName', 'patient_name'],
  ['sex', 'sex'],
  ['townshipCode', 'township_code'],
  ['diseaseCode', 'disease_code'],
  ['classification', 'classification'],
  ['onsetDate', 'onset_date'],
  ['diagnosedAt', 'diagnosed_at'],
  ['reportedAt', 'reported_at'],
  ['facilityId', 'facility_id'],
  ['reportingDoctor', 'reporting_doctor'],
  ['status', 'status'],
];

const { name, url } = await createPostgresDatabase();
const database = await openDatabase({ databaseUrl: url });
try {
  const { db } = database;
  await addCounty(db, COUNTY);
  const townships = (
    await queryRows(db, sql`select code from org_unit where county_code = ${COUNTY} and level = 4 order by code`)
  ).map((row) => row.code);
  const series = await createSites(db, townships);
  const isDisease = () => false;

  const started = performance.now();
  let signalSeconds = 0;
  for (let start = 0; start < SIGNAL_ROWS; start += BATCH_ROWS) {
    const rows = signalRows(series, start, Math.min(SIGNAL_ROWS, start + BATCH_ROWS));
    const outcome = await submitSignalBatch(
      db,
      actor,
      COUNTY,
      { batchId: `bench-${start}`, rows },
      {
        channel: 'api',
        today: '2026-12-31',
        isDisease,
      }
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors.slice(0, 3)));
    if (outcome.result.inserted !== rows.length) throw new Error(`batch ${start}: ${JSON.stringify(outcome.result)}`);
  }
  signalSeconds = (performance.now() - started) / 1000;
  const caseStarted = performance.now();
  await copyRows(database.db.session.client, 'case_report', CASE_COLUMNS, caseRows(townships));
  const caseSeconds = (performance.now() - caseStarted) / 1000;
  const seconds = (performance.now() - started) / 1000;

  const [counts] = await queryRows(
    db,
    sql`select (select count(*) from signal_count) as signals, (select count(*) from case_report) as cases`
  );
  const total = Number(counts.signals) + Number(counts.cases);
  if (total !== SIGNAL_ROWS + CASE_ROWS) throw new Error(`stored ${total} rows`);
  // A repeated batch is a no-op and a correction replaces: checked at scale on the loaded table.
  const repeat = await submitSignalBatch(
    db,
    actor,
    COUNTY,
    { batchId: 'bench-0', rows: signalRows(series, 0, BATCH_ROWS) },
    { channel: 'api', today: '2026-12-31', isDisease }
  );
  const repeatedOk = repeat.ok && repeat.result.repeated;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(`surveillance ingest on PostgreSQL (${loadNote()})`);
  console.log(
    `  signals   ${SIGNAL_ROWS} rows in ${signalSeconds.toFixed(1)} s (${Math.round(SIGNAL_ROWS / signalSeconds)} rows/s, ${SIGNAL_ROWS / BATCH_ROWS} batches)`
  );
  console.log(
    `  cases     ${CASE_ROWS} rows in ${caseSeconds.toFixed(1)} s (${Math.round(CASE_ROWS / caseSeconds)} rows/s, COPY)`
  );
  console.log(
    `  total     ${total} rows in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} rows/s), peak RSS ${peakMb.toFixed(0)} MB`
  );
  console.log(`  repeat of a batch is a no-op: ${repeatedOk}`);
  console.log(`  target < ${TARGET_S} s: ${seconds < TARGET_S ? 'met' : 'NOT met'}`);
  if (seconds >= TARGET_S || !repeatedOk) process.exitCode = 1;
} finally {
  await database.close();
  await dropPostgresDatabase(name);
}
