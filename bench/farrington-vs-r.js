// The improved Farrington method (issue 5): ours against R's surveillance::farringtonFlexible on the same 1,000
// seeded weekly series of five years (defaults, b = 3). R's time is measured inside R around its loop (and as the
// wall time of the Rscript run); both must raise the same alarms (0 disagreements) and ours should be ≥ 100× faster.
// Needs Rscript with the surveillance package (skipped otherwise); run `npx tsc -b packages/core` first.
// `node bench/farrington-vs-r.js [series]` to use fewer series.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { farringtonFlexible, parseFarringtonParams } from '../packages/core/dist/surveillance/farrington-flexible.js';

const SERIES = Number(process.argv[2] ?? 1000);
const WEEKS = 261; // five years of Mondays
const TARGET_RATIO = 100;

function lcg(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function poisson(random, mean) {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let product = random(); product > limit; product *= random()) k++;
  return k;
}

const dates = Array.from({ length: WEEKS }, (_, i) =>
  new Date(Date.UTC(2019, 0, 7 + 7 * i)).toISOString().slice(0, 10)
);
const random = lcg(20261123);
const series = Array.from({ length: SERIES }, () => {
  const level = 0.2 + 3 * random();
  const amplitude = random();
  const trend = (random() - 0.5) * 0.006;
  const outbreak = Math.floor(random() * WEEKS);
  return dates.map((_, t) => {
    const mean = Math.exp(level + amplitude * Math.sin((2 * Math.PI * t) / 52) + trend * t);
    return poisson(random, mean) + (t >= outbreak && t < outbreak + 3 ? poisson(random, 3 * Math.exp(level)) : 0);
  });
});

const rscript = spawnSync('Rscript', ['-e', 'suppressMessages(library(surveillance))'], { encoding: 'utf8' });
if (rscript.status !== 0) {
  console.log('farrington-vs-r: skipped (Rscript with the surveillance package is not installed)');
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'chp-farrington-'));
const input = join(dir, 'series.csv');
const output = join(dir, 'r-alarms.csv');
writeFileSync(
  input,
  `series,date,count\n${series.flatMap((counts, s) => counts.map((count, t) => `${s},${dates[t]},${count}`)).join('\n')}\n`
);
const script = `
suppressMessages(library(surveillance))
d <- read.csv("${input}")
d$date <- as.Date(d$date)
results <- vector("list", ${SERIES})
start <- proc.time()[["elapsed"]]
for (s in 0:${SERIES - 1}) {
  one <- d[d$series == s, ]
  fit <- suppressWarnings(farringtonFlexible(sts(observed = one$count, epoch = one$date, frequency = 52, epochAsDate = TRUE), control = list(b = 3)))
  results[[s + 1]] <- data.frame(series = s, date = format(epoch(fit)), upperbound = sprintf("%.17g", as.vector(upperbound(fit))), alarm = as.vector(alarms(fit)))
}
cat(proc.time()[["elapsed"]] - start, "\\n")
write.csv(do.call(rbind, results), "${output}", row.names = FALSE, quote = FALSE)
`;
const wallStart = performance.now();
const r = spawnSync('Rscript', ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
const rWallMs = performance.now() - wallStart;
if (r.status !== 0) {
  console.error(r.stderr);
  process.exit(1);
}
const rLoopMs = Number(r.stdout.trim()) * 1000;
const rRows = readFileSync(output, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));
rmSync(dir, { recursive: true, force: true });

const params = parseFarringtonParams({}, 52);
const run = () => series.map((counts) => farringtonFlexible({ dates, counts, frequency: 52 }, params));
run(); // warm-up
const runs = [];
let ours = [];
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  ours = run();
  runs.push(performance.now() - start);
}
const oursMs = runs.sort((a, b) => a - b)[2];

const flat = ours.flatMap((points, s) => points.map((point) => ({ s, ...point })));
let disagreements = Math.abs(flat.length - rRows.length);
let worstRelative = 0;
let alarms = 0;
rRows.forEach(([s, date, upperbound, alarm], i) => {
  const point = flat[i];
  if (point === undefined) return;
  const rAlarm = alarm === 'TRUE';
  if (Number(s) !== point.s || date !== point.date || rAlarm !== point.alarm) disagreements++;
  if (rAlarm) alarms++;
  const bound = upperbound === 'NA' ? Number.NaN : Number(upperbound);
  if (Number.isFinite(bound) && bound !== 0)
    worstRelative = Math.max(worstRelative, Math.abs(point.upperbound - bound) / bound);
  else if (!Object.is(bound, point.upperbound)) worstRelative = Number.POSITIVE_INFINITY;
});

const ratio = rLoopMs / oursMs;
console.log(
  `farrington-vs-r: ${SERIES} weekly series × ${WEEKS} weeks, ${rRows.length} assessed points, ${alarms} alarms in R`
);
console.log(
  `  R farringtonFlexible: ${(rLoopMs / 1000).toFixed(1)} s in the loop, ${(rWallMs / 1000).toFixed(1)} s wall`
);
console.log(`  ours: ${oursMs.toFixed(0)} ms (median of 5)`);
console.log(
  `  alarm disagreements: ${disagreements}; largest upper-bound difference: ${worstRelative.toExponential(2)} relative`
);
console.log(`  speed-up: ${ratio.toFixed(0)}× (target ≥ ${TARGET_RATIO}×)`);
process.exit(disagreements === 0 && ratio >= TARGET_RATIO ? 0 : 1);
