import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@chp/core': src('core'),
      '@chp/db': src('db'),
      '@chp/reports': src('reports'),
      '@chp/server': src('server'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
