import { openTestDatabase } from '@chp/db';
import type { TestDatabase } from '@chp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DashboardCache } from './dashboard-cache.js';

describe('DashboardCache', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('builds once for concurrent requests and reuses the body while the digest holds', async () => {
    const cache = new DashboardCache(database.db);
    let builds = 0;
    const build = async (): Promise<unknown> => {
      builds += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { builds };
    };
    const bodies = await Promise.all(Array.from({ length: 10 }, () => cache.get('640221', 2023, 'a', build)));
    expect(new Set(bodies)).toEqual(new Set(['{"builds":1}']));
    expect(await cache.get('640221', 2023, 'a', build)).toBe('{"builds":1}');
    cache.invalidate('640221');
    expect(await cache.get('640221', 2023, 'a', build)).toBe('{"builds":2}');
  });

  it('rebuilds when the stamp (the registers computation) changes', async () => {
    const cache = new DashboardCache(database.db);
    let builds = 0;
    const build = (): Promise<unknown> => Promise.resolve({ builds: ++builds });
    expect(await cache.get('640221', 2024, 'computed at 1', build)).toBe('{"builds":1}');
    expect(await cache.get('640221', 2024, 'computed at 1', build)).toBe('{"builds":1}');
    expect(await cache.get('640221', 2024, 'computed at 2', build)).toBe('{"builds":2}');
  });

  it('does not keep a failed build', async () => {
    const cache = new DashboardCache(database.db);
    await expect(cache.get('140423', 2023, '', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('140423', 2023, '', () => Promise.resolve({ ok: true }))).toBe('{"ok":true}');
  });
});
