// One daily detection run (issue 5) for a county with 40 diseases × 30 townships and 5 years of case cards, plus
// 3 signals at one school, pharmacy and clinic per township: every default method (moving percentile, EARS
// C1–C3, CUSUM, Farrington on rolling weeks) on 40 × 31 case series and the signal series. Data are generated in
// SQL (generate_series); the run is timed 5 times on PGlite and on PostgreSQL (DATABASE_URL or the local default),
// median and max printed. Target: < 2 s. Run `npx tsc -b` first.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, runDetection } from '../packages/db/dist/index.js';
import { createPostgresDatabase, dropPostgresDatabase, loadNote, median } from './lib/platform.js';

const COUNTY = '640221';
const ASSESSED = '2026-06-30';
const FIRST = '2021-07-01';
const DAYS = 1826;
const DISEASES = 40;
const TOWNSHIPS = 30;
// About 22,000 cards a year: several times a county of 300,000's notifiable cases, so a heavy load.
const CARD_MODULUS = 40;
const REPETITIONS = 5;
const TARGET_MS = 2000;

async function generate(db) {
  const township = (column) => sql.raw(`'640221' || (100 + ${column})::text`);
  await db.execute(sql`
    insert into case_report (county_code, card_number, patient_name, sex, township_code, disease_code, classification,
      onset_date, diagnosed_at, reported_at, facility_id, reporting_doctor, status)
    select ${COUNTY}, 'B' || d || '-' || t || '-' || day || '-' || k, '患者', '1', ${township('t')},
      'D' || lpad(d::text, 2, '0'), 'confirmed', ${FIRST}::date + day, now(), now(), 1, '医生', 'pending'
    from generate_series(1, ${DISEASES}) d, generate_series(1, ${TOWNSHIPS}) t, generate_series(0, ${DAYS - 1}) day,
      generate_series(1, 2) k
    where (d * 7 + t * 13 + day * 17 + (day * day) % 11 + k * 5) % ${CARD_MODULUS} = 0`);
  await db.execute(sql`
    insert into surveillance_site (county_code, code, name, kind, township_code)
    select ${COUNTY}, kind || '-' || t, kind || '-' || t, kind, ${township('t')}
    from generate_series(1, ${TOWNSHIPS}) t, unnest(array['school', 'pharmacy', 'fever_clinic']) kind`);
  await db.execute(
    sql`insert into signal_batch (county_code, batch_id, channel, row_count) values (${COUNTY}, 'bench', 'api', 0)`
  );
  await db.execute(sql`
    insert into signal_count (county_code, site_id, township_code, signal_date, signal, count, batch_id)
    select ${COUNTY}, s.id, s.township_code, ${FIRST}::date + day,
      case s.kind when 'school' then 'absence_fever' when 'pharmacy' then 'antipyretic_sales' else 'fever' end,
      (s.id * 3 + day * 7) % 9, (select id from signal_batch limit 1)
    from surveillance_site s, generate_series(0, ${DAYS - 1}) day`);
  await db.execute(sql`analyze`);
  const [counts] = await queryRows(
    db,
    sql`select (select count(*) from case_report)::int as cases, (select count(*) from signal_count)::int as signals`
  );
  return counts;
}

async function measure(kind, database) {
  const { db } = database;
  const generated = performance.now();
  const counts = await generate(db);
  const generateSeconds = (performance.now() - generated) / 1000;
  const times = [];
  let summary;
  for (let n = 0; n < REPETITIONS; n++) {
    const started = performance.now();
    summary = await runDetection(db, COUNTY, ASSESSED, 'manual', null);
    times.push(performance.now() - started);
  }
  const max = Math.max(...times);
  console.log(
    `  ${kind.padEnd(10)} ${counts.cases} cards, ${counts.signals} signal counts (generated in ${generateSeconds.toFixed(1)} s); ` +
      `${summary.seriesCount} series, ${summary.resultCount} results, ${summary.alarmCount} alarms; ` +
      `run median ${median(times).toFixed(0)} ms, max ${max.toFixed(0)} ms`
  );
  return max;
}

console.log(`surveillance daily detection run, ${DISEASES} diseases × ${TOWNSHIPS} townships, 5 years (${loadNote()})`);
const worst = [];
const pglite = await openDatabase({});
try {
  worst.push(await measure('PGlite', pglite));
} finally {
  await pglite.close();
}
const { name, url } = await createPostgresDatabase();
const postgres = await openDatabase({ databaseUrl: url });
try {
  worst.push(await measure('PostgreSQL', postgres));
} finally {
  await postgres.close();
  await dropPostgresDatabase(name);
}
const met = worst.every((value) => value < TARGET_MS);
console.log(`  target < ${TARGET_MS} ms per run: ${met ? 'met' : 'NOT met'}`);
if (!met) process.exitCode = 1;
