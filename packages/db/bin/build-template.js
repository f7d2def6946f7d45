// Builds the embedded database's first-start template (run by `npm run build`, so `npm ci` makes it).
import { PGLITE_TEMPLATE_FILE, buildPgliteTemplate } from '../dist/index.js';

const started = performance.now();
const { bytes } = await buildPgliteTemplate();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`PGlite first-start template: ${PGLITE_TEMPLATE_FILE} (${(bytes / 1e6).toFixed(1)} MB, ${seconds} s)`);
