// Runs every bench/*.js except this one, in sequence: `node bench/run.js [name filter]`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const benchmarks = readdirSync(dir)
  .filter((file) => file.endsWith('.js') && file !== self && file.includes(filter))
  .sort();

if (benchmarks.length === 0) {
  console.error(`no benchmark matches "${filter}"`);
  process.exit(1);
}
let failed = 0;
for (const file of benchmarks) {
  console.log(`== ${file}`);
  const { status } = spawnSync(process.execPath, [`${dir}/${file}`], { stdio: 'inherit' });
  if (status !== 0) {
    failed++;
    console.error(`${file} exited with ${status}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
