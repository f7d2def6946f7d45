import type { TownshipRef } from '@chp/core';
import { syntheticTownshipBoundaries } from '@chp/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounty } from '../org-units/load-county.js';
import { auditLog, townshipBoundary } from '../schema.js';
import { openTestDatabase, testDatabaseKinds } from '../testing.js';
import type { TestDatabase } from '../testing.js';
import { listCountyOrgUnits } from './counties.js';
import { createUser } from './users.js';
import { deleteTownshipBoundaries, getTownshipBoundaries, saveTownshipBoundaries } from './township-boundaries.js';

const COUNTY = '640221';

describe.each(testDatabaseKinds())('township boundaries on %s', (kind) => {
  let database: TestDatabase;
  let actor: { userId: number; username: string; ip: string };
  let townships: TownshipRef[];
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await addCounty(database.db, COUNTY);
    townships = (await listCountyOrgUnits(database.db, COUNTY, 4))
      .filter((unit) => unit.level === 4)
      .map(({ code, name }) => ({ code, name }));
    const user = await createUser(
      database.db,
      { userId: null, username: 'system', ip: null },
      {
        username: 'county-admin',
        displayName: '县管理员',
        passwordHash: 'x',
        mustChangePassword: false,
        roles: [{ role: 'admin', orgUnitCode: COUNTY }],
      }
    );
    actor = { userId: user.id, username: 'county-admin', ip: '127.0.0.1' };
  });
  afterAll(async () => {
    await database.destroy();
  });

  const audits = async (): Promise<(typeof auditLog.$inferSelect)[]> =>
    database.db.select().from(auditLog).where(eq(auditLog.entity, 'township_boundary')).orderBy(auditLog.id);

  it('has nothing before an upload', async () => {
    expect(townships.length).toBeGreaterThan(10);
    expect(await getTownshipBoundaries(database.db, COUNTY)).toBeNull();
    expect(await deleteTownshipBoundaries(database.db, actor, COUNTY)).toBe(false);
  });

  it('stores a file matched by name, reports the township left out and reads it back annotated', async () => {
    const [left, ...outlined] = townships;
    if (!left) throw new Error('no townships');
    const file = JSON.stringify(syntheticTownshipBoundaries(outlined, { identifyBy: 'name' }));
    const upload = await saveTownshipBoundaries(database.db, actor, COUNTY, file);
    if (!upload.saved) throw new Error(upload.issues.map((i) => i.reason).join('\n'));
    expect(upload.report).toMatchObject({ countyCode: COUNTY, featureCount: outlined.length, missing: [left] });
    expect(upload.report.matches.every((m) => m.matchedBy === 'name')).toBe(true);

    const stored = await getTownshipBoundaries(database.db, COUNTY);
    expect(stored).toMatchObject({ uploadedBy: 'county-admin', featureCount: outlined.length, missing: [left] });
    expect(stored?.uploadedAt).toBe(upload.report.uploadedAt);
    expect(stored?.geojson.features.map((f) => [f.properties?.['townshipCode'], f.properties?.['name']])).toEqual(
      outlined.map((t) => [t.code, t.name])
    );
    expect(stored?.geojson.features[0]?.geometry).toEqual(syntheticTownshipBoundaries(outlined).features[0]?.geometry);

    const [audit] = await audits();
    expect(audit).toMatchObject({ action: 'boundaries.upload', entityId: COUNTY, countyCode: COUNTY, before: null });
    expect(audit?.after).toMatchObject({ featureCount: outlined.length, missingTownships: [left.code] });
  });

  it('replaces the earlier file with a new upload', async () => {
    const file = JSON.stringify(syntheticTownshipBoundaries(townships, { identifyBy: 'code' }));
    const upload = await saveTownshipBoundaries(database.db, actor, COUNTY, file);
    expect(upload.saved && upload.report.missing).toEqual([]);
    const rows = await database.db.select().from(townshipBoundary);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.featureMatches.every((m) => m.matchedBy === 'code')).toBe(true);
    const last = (await audits()).at(-1);
    expect(last?.before).toMatchObject({ featureCount: townships.length - 1 });
    expect(last?.after).toMatchObject({ featureCount: townships.length, missingTownships: [] });
  });

  it('writes nothing for a file with issues', async () => {
    const before = await getTownshipBoundaries(database.db, COUNTY);
    const collection = syntheticTownshipBoundaries(townships.slice(0, 2), { identifyBy: 'code' });
    const second = collection.features[1];
    if (second) second.properties = { code: '640202001' };
    const upload = await saveTownshipBoundaries(database.db, actor, COUNTY, JSON.stringify(collection));
    expect(upload.saved).toBe(false);
    expect(!upload.saved && upload.issues[0]).toMatchObject({ feature: 2 });
    expect(await getTownshipBoundaries(database.db, COUNTY)).toEqual(before);
  });

  it('deletes the boundaries with an audit entry', async () => {
    expect(await deleteTownshipBoundaries(database.db, actor, COUNTY)).toBe(true);
    expect(await getTownshipBoundaries(database.db, COUNTY)).toBeNull();
    const last = (await audits()).at(-1);
    expect(last).toMatchObject({ action: 'boundaries.delete', username: 'county-admin', after: null });
    expect(last?.before).toMatchObject({ featureCount: townships.length });
  });

  it('refuses a county that is not installed', async () => {
    await expect(saveTownshipBoundaries(database.db, actor, '140423', '{}')).rejects.toMatchObject({
      kind: 'not_found',
      code: 'county_not_installed',
    });
  });
});
