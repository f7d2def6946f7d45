// The process bench/register-import.js measures: opens the database, reads the births workbook from disk and
// imports it as an upload would be, then prints one JSON line with the times and the resident set sizes.
// Arguments: <county> <file> and either --url <postgres url> or --data-dir <PGlite directory>, with
// --template <file> to start a new directory from the first-start template as the server does.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { importBirths, openDatabase } from '../../packages/db/dist/index.js';
import { readRegisterWorkbook } from '../../packages/reports/dist/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string' }, 'data-dir': { type: 'string' }, template: { type: 'string' } },
});
const [county, file] = positionals;
const mb = (bytes) => bytes / 1024 / 1024;
/**
 * The process's peak resident set size so far (VmHWM). Not process.resourceUsage().maxRSS: Linux carries
 * the high-water mark of the forked parent over into it, so a child of a big benchmark process would report
 * its parent's size.
 */
const peakMb = () => Number(/^VmHWM:\s+(\d+) kB/mu.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024;

const { db, close } = await openDatabase(
  values.url ? { databaseUrl: values.url } : { dataDir: values['data-dir'], templateFile: values.template }
);
try {
  global.gc?.();
  const before = { rss: mb(process.memoryUsage().rss), peak: peakMb() };
  const began = performance.now();
  const data = await readFile(file);
  const workbook = await readRegisterWorkbook({ name: basename(file), data });
  const read = { ms: performance.now() - began, rss: mb(process.memoryUsage().rss), peak: peakMb() };
  if (workbook.issues.length > 0) throw new Error(JSON.stringify(workbook.issues));
  const rows = workbook.tables.reduce((sum, table) => sum + table.rows.length, 0);
  const result = await importBirths(db, { userId: null, username: 'bench', ip: null }, county, workbook.tables);
  const ms = performance.now() - began;
  const after = { rss: mb(process.memoryUsage().rss), peak: peakMb() };
  const summary = { imported: result.imported, skipped: result.skipped, errors: result.errors.length };
  console.log(JSON.stringify({ rows, bytes: data.length, before, read, ms, after, ...summary }));
} finally {
  await close();
}
