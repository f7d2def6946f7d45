// Runs the browser tests when Debian's Chromium is present, and says clearly when they are skipped.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`\nBrowser tests SKIPPED: Chromium not found at ${chromium} (apt-get install -y chromium).\n`);
  process.exit(0);
}
const result = spawnSync('npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
