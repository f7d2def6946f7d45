import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase, testIdCipher } from '@chp/db';
import type { TestDatabase } from '@chp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';

describe('web UI serving', () => {
  let database: TestDatabase;
  const webRoot = mkdtempSync(join(tmpdir(), 'chp-web-'));
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>平台</title>');
    writeFileSync(join(webRoot, 'app.js'), 'console.log(1)');
  });
  afterAll(async () => {
    await database.destroy();
    rmSync(webRoot, { recursive: true });
  });

  it('serves files, falls back to index.html for app routes, and keeps API 404s as JSON', async () => {
    const app = await buildApp({ db: database.db, idCipher: testIdCipher(), webRoot });
    expect((await app.inject({ url: '/app.js' })).body).toBe('console.log(1)');
    const root = await app.inject({ url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<title>平台</title>');
    expect(root.headers['cache-control']).toBe('no-cache');
    const route = await app.inject({ url: '/counties/640221/indicators' });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('<title>平台</title>');
    const fhir = await app.inject({ url: '/fhir/Nothing' });
    expect(fhir.statusCode).toBe(401);
    const docs = await app.inject({ url: '/api/v1/nothing' });
    expect(docs.json()).toMatchObject({ error: 'unauthorized' });
    await app.close();
  });

  it('serves files written after start, as after rebuilding the UI on a running server', async () => {
    const app = await buildApp({ db: database.db, idCipher: testIdCipher(), webRoot });
    await app.ready();
    writeFileSync(join(webRoot, 'rebuilt-abc123.js'), 'console.log(2)');
    const rebuilt = await app.inject({ url: '/rebuilt-abc123.js' });
    expect(rebuilt.body).toBe('console.log(2)');
    expect(rebuilt.headers['content-type']).toContain('javascript');
    await app.close();
  });

  it('answers with a Chinese notice when no UI is built', async () => {
    const app = await buildApp({ db: database.db, idCipher: testIdCipher(), webRoot: join(webRoot, 'missing') });
    const root = await app.inject({ url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('尚未构建网页界面');
    expect((await app.inject({ method: 'POST', url: '/anything' })).statusCode).toBe(404);
    await app.close();
  });
});
