/**
 * A county's township boundaries (GeoJSON) for the township map: checked and matched to the county's
 * townships on upload, replaced by a new upload, deleted on request; every change audited.
 */
import type { BoundaryIssue, TownshipBoundariesResponse, TownshipBoundaryReport, TownshipRef } from '@chp/core';
import { annotateBoundaries, checkTownshipBoundaries } from '@chp/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { appUser, county, orgUnit, townshipBoundary } from '../schema.js';
import { writeAudit } from './audit.js';
import type { Actor } from './audit.js';
import { AccessError } from './errors.js';

const TOWNSHIP_LEVEL = 4;

export type BoundaryUpload =
  { saved: true; report: TownshipBoundaryReport } | { saved: false; issues: BoundaryIssue[] };

async function assertInstalled(db: Db, countyCode: string): Promise<void> {
  const [installed] = await db
    .select({ code: county.countyCode })
    .from(county)
    .where(eq(county.countyCode, countyCode));
  if (!installed) {
    throw new AccessError(
      'not_found',
      'county_not_installed',
      `县（区）${countyCode} 尚未添加到平台，请先添加该县（区）`
    );
  }
}

async function countyTownships(db: Db, countyCode: string): Promise<TownshipRef[]> {
  await assertInstalled(db, countyCode);
  return db
    .select({ code: orgUnit.code, name: orgUnit.name })
    .from(orgUnit)
    .where(and(eq(orgUnit.countyCode, countyCode), eq(orgUnit.level, TOWNSHIP_LEVEL)))
    .orderBy(asc(orgUnit.code));
}

/**
 * Checks the GeoJSON text against the county's townships and, when every feature matches a township,
 * stores it in place of any earlier upload. Nothing is written when the file has issues.
 */
export async function saveTownshipBoundaries(
  db: Db,
  actor: Actor & { userId: number },
  countyCode: string,
  text: string
): Promise<BoundaryUpload> {
  const townships = await countyTownships(db, countyCode);
  const check = checkTownshipBoundaries(text, townships);
  if (!check.ok) {
    return { saved: false, issues: check.issues };
  }
  const uploadedAt = await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ uploadedAt: townshipBoundary.uploadedAt, featureMatches: townshipBoundary.featureMatches })
      .from(townshipBoundary)
      .where(eq(townshipBoundary.countyCode, countyCode));
    const row = { geojson: check.collection, featureMatches: check.matches, uploadedBy: actor.userId };
    const [saved] = await tx
      .insert(townshipBoundary)
      .values({ countyCode, ...row })
      .onConflictDoUpdate({ target: townshipBoundary.countyCode, set: { ...row, uploadedAt: sql`now()` } })
      .returning({ uploadedAt: townshipBoundary.uploadedAt });
    if (!saved) {
      throw new Error(`township boundaries of ${countyCode} not saved`);
    }
    await writeAudit(tx, actor, {
      action: 'boundaries.upload',
      entity: 'township_boundary',
      entityId: countyCode,
      countyCode,
      before: before ? auditSummary(before.uploadedAt, before.featureMatches.length, null) : null,
      after: auditSummary(saved.uploadedAt, check.matches.length, check.missing),
    });
    return saved.uploadedAt;
  });
  return {
    saved: true,
    report: {
      countyCode,
      uploadedAt: uploadedAt.toISOString(),
      uploadedBy: actor.username,
      featureCount: check.matches.length,
      matches: check.matches,
      missing: check.missing,
    },
  };
}

/** The file itself stays out of the audit log (it may be megabytes); the log says what was matched. */
function auditSummary(uploadedAt: Date, featureCount: number, missing: TownshipRef[] | null): Record<string, unknown> {
  return { uploadedAt, featureCount, ...(missing ? { missingTownships: missing.map((t) => t.code) } : {}) };
}

/** The county's boundaries with each feature annotated by its township, or null when none are uploaded. */
export async function getTownshipBoundaries(db: Db, countyCode: string): Promise<TownshipBoundariesResponse | null> {
  const townships = await countyTownships(db, countyCode);
  const [row] = await db
    .select({
      geojson: townshipBoundary.geojson,
      featureMatches: townshipBoundary.featureMatches,
      uploadedAt: townshipBoundary.uploadedAt,
      uploadedBy: appUser.username,
    })
    .from(townshipBoundary)
    .leftJoin(appUser, eq(appUser.id, townshipBoundary.uploadedBy))
    .where(eq(townshipBoundary.countyCode, countyCode));
  if (!row) return null;
  const outlined = new Set(row.featureMatches.map((m) => m.townshipCode));
  return {
    countyCode,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedBy: row.uploadedBy,
    featureCount: row.featureMatches.length,
    matches: row.featureMatches,
    missing: townships.filter((t) => !outlined.has(t.code)),
    geojson: annotateBoundaries(row.geojson, row.featureMatches),
  };
}

/** Deletes the county's boundaries; false when there were none. */
export async function deleteTownshipBoundaries(db: Db, actor: Actor, countyCode: string): Promise<boolean> {
  await assertInstalled(db, countyCode);
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(townshipBoundary)
      .where(eq(townshipBoundary.countyCode, countyCode))
      .returning({ uploadedAt: townshipBoundary.uploadedAt, featureMatches: townshipBoundary.featureMatches });
    if (!deleted) return false;
    await writeAudit(tx, actor, {
      action: 'boundaries.delete',
      entity: 'township_boundary',
      entityId: countyCode,
      countyCode,
      before: auditSummary(deleted.uploadedAt, deleted.featureMatches.length, null),
      after: null,
    });
    return true;
  });
}
