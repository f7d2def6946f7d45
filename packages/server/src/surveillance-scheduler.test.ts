import { listDetectionRuns, listInstalledCountyCodes, testDatabaseKinds } from '@chp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMissingDetections } from './surveillance-scheduler.js';
import { createTestApp } from './test-support.js';
import type { TestApp } from './test-support.js';

describe.each(testDatabaseKinds())('daily detection catch-up on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs yesterday once for every installed county, and a second call finds nothing missing', async () => {
    const { db } = t.database;
    const counties = await listInstalledCountyCodes(db);
    const first: string[] = [];
    await runMissingDetections(db, (line) => first.push(line));
    expect(first).toHaveLength(counties.length);
    for (const county of counties) {
      const runs = await listDetectionRuns(db, county, 10);
      expect(runs.map((run) => run.trigger)).toEqual(['daily']);
      expect(runs[0]?.finishedAt).not.toBeNull();
    }
    const second: string[] = [];
    await runMissingDetections(db, (line) => second.push(line));
    expect(second).toEqual([]);
    expect(await listDetectionRuns(db, counties[0] ?? '', 10)).toHaveLength(1);
  });
});
