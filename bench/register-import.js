// Excel import of 100,000 live births with validation (issue 3, target B: < 20 s and < 500 MB of memory) on
// PostgreSQL and on PGlite. Writes one births workbook (.xlsx, dates as date cells), prepares each database
// with the county installed, then runs the import in a child process (bench/lib/import-child.js) that opens
// the database, reads the file from disk and imports it; it reports the wall time from reading the file to
// the end of the import and its peak resident set size (VmHWM), which includes the embedded PGlite. PGlite is measured twice: on a directory that exists (a server after a restart) and on a
// new directory started from the first-start template (a server's first start; the engine keeps the memory
// it took to unpack the template until the process ends). The PostgreSQL database chp_bench_<random> on
// DATABASE_URL and the temporary directory are removed at the end. Run `npm run build` first (it also
// builds the template).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { PGLITE_TEMPLATE_FILE, addCounty, openDatabase, queryRows } from '../packages/db/dist/index.js';
import { sql } from 'drizzle-orm';
import {
  REPO_ROOT,
  createPostgresDatabase,
  dropPostgresDatabase,
  loadNote,
  makeDataDir,
  removeDataDir,
} from './lib/platform.js';

const COUNTY = '341302';
const ROWS = 100_000;
const TARGET_MS = 20_000;
const TARGET_MB = 500;
const mb = (value) => `${value.toFixed(0)} MB`;

/** A births workbook as Excel saves it (shared strings): codes as text, dates and numbers as such. */
async function writeBirthsWorkbook(file, townships) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const sheet = workbook.addWorksheet('出生登记');
  sheet.columns = [
    { header: '来源编号', width: 16 },
    { header: '机构编码', width: 14 },
    { header: '出生日期', width: 12, style: { numFmt: 'yyyy-mm-dd' } },
    { header: '性别', width: 6 },
    { header: '出生体重（克）', width: 10 },
    { header: '母亲年龄', width: 8 },
  ];
  for (let n = 0; n < ROWS; n++) {
    sheet
      .addRow([
        `BENCH-B-${String(n + 1).padStart(6, '0')}`,
        townships[n % townships.length],
        new Date(Date.UTC(2024, 0, 1 + (n % 366))),
        n % 2 === 0 ? 1 : 2,
        2500 + ((n * 37) % 1500),
        20 + (n % 20),
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** Installs the county; returns its township codes. */
async function prepare(options) {
  const { db, close } = await openDatabase(options);
  try {
    await addCounty(db, COUNTY);
    const rows = await queryRows(db, sql`select code from org_unit where county_code = ${COUNTY} and level = 4`);
    return rows.map((row) => row.code);
  } finally {
    await close();
  }
}

function runImport(kind, target, file) {
  const args = ['--expose-gc', join(REPO_ROOT, 'bench/lib/import-child.js'), COUNTY, file, ...target];
  const began = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`import on ${kind} failed (${child.status}):\n${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop());
  return { ...result, processMs: performance.now() - began };
}

function report(label, result) {
  const ok = result.imported === ROWS && result.ms < TARGET_MS && result.after.peak < TARGET_MB;
  console.log(
    `register-import on ${label}: ${result.imported} of ${result.rows} rows imported (${result.errors} issues) ` +
      `in ${(result.ms / 1000).toFixed(1)} s (reading the workbook ${(result.read.ms / 1000).toFixed(1)} s; ` +
      `whole process ${(result.processMs / 1000).toFixed(1)} s); RSS ${mb(result.before.rss)} before the import ` +
      `(peak so far ${mb(result.before.peak)}), peak ${mb(result.read.peak)} after reading the workbook, ` +
      `peak ${mb(result.after.peak)} in all (target < ${TARGET_MS / 1000} s, < ${TARGET_MB} MB) ` +
      `${ok ? 'OK' : 'MISSED'}; ${loadNote()}`
  );
  return ok;
}

const dir = await makeDataDir();
const postgres = await createPostgresDatabase();
try {
  const dataDir = join(dir, 'pglite');
  const townships = await prepare({ dataDir });
  await prepare({ databaseUrl: postgres.url });
  const file = join(dir, 'births-100000.xlsx');
  await writeBirthsWorkbook(file, townships);
  console.log(`register-import: ${ROWS} births in ${file} (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB)`);
  const cases = [
    ['PostgreSQL', ['--url', postgres.url]],
    ['PGlite', ['--data-dir', dataDir]],
  ];
  if (existsSync(PGLITE_TEMPLATE_FILE)) {
    cases.push([
      'PGlite, first start from the template',
      ['--data-dir', join(dir, 'first-start'), '--template', PGLITE_TEMPLATE_FILE],
    ]);
  } else {
    console.log(`register-import: no ${PGLITE_TEMPLATE_FILE} (npm run build makes it): first start not measured`);
  }
  let ok = true;
  for (const [label, target] of cases) {
    if (!report(label, runImport(label, target, file))) ok = false;
  }
  if (!ok) process.exitCode = 1;
} finally {
  await dropPostgresDatabase(postgres.name);
  await removeDataDir(dir);
}
