#!/usr/bin/env node
// Launches the built server (run `npm run build` first).
import { start } from '../dist/start.js';

start().catch((error) => {
  console.error('启动失败 / failed to start:', error);
  process.exit(1);
});
