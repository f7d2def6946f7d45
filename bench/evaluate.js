// Times one full evaluation pass: every indicator of the five county plans, every year 2021–2025,
// against synthetic monitoring values. Run `npx tsc -b` first (imports the built @chp/core).
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { evaluateYears, expectedTrajectory, planYears } from '../packages/core/dist/index.js';

const TARGET_MS = 50;
const REPEATS = 30;
const data = new URL('../data/', import.meta.url);
const readJson = (url) => JSON.parse(readFileSync(url, 'utf8'));

const catalog = new Map(readJson(new URL('indicators/catalog.json', data)).map((s) => [s.code, s]));
const plans = readdirSync(new URL('plans/', data))
  .filter((file) => file.endsWith('.json'))
  .map((file) => readJson(new URL(`plans/${file}`, data)));
const years = planYears(2021, 2025);

/** A deterministic pseudo-random series around the indicator's baseline or target. */
function syntheticValues(indicator, seed) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const start = indicator.baseline ?? indicator.targetValue ?? 50;
  const end = indicator.targetValue ?? start * 1.1;
  return years.map((year, i) => ({
    year,
    value: start + ((end - start) * (i + 1)) / years.length + (next() - 0.5) * 0.2 * Math.abs(end - start || 1),
  }));
}

const work = plans.flatMap((plan) =>
  plan.indicators.map((indicator, i) => ({
    indicator,
    values: syntheticValues(indicator, i + 1),
    options: { standardDirection: catalog.get(indicator.standardCode)?.direction, regionalReference: 78 },
  }))
);

function pass() {
  let evaluations = 0;
  for (const { indicator, values, options } of work) {
    evaluations += evaluateYears(indicator, values, years, options).length;
    expectedTrajectory(indicator, options);
  }
  return evaluations;
}

pass(); // warm-up
const times = [];
let evaluations = 0;
for (let i = 0; i < REPEATS; i++) {
  const start = performance.now();
  evaluations = pass();
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `evaluate: ${work.length} indicators × ${years.length} years = ${evaluations} evaluations; ` +
    `median ${median.toFixed(2)} ms over ${REPEATS} passes (target < ${TARGET_MS} ms) ${median < TARGET_MS ? 'OK' : 'SLOW'}`
);
if (median >= TARGET_MS) process.exitCode = 1;
