/** Family-doctor service packages (基础包, 个性化包) of a county: created once, listed, chosen at signing. */
import type { ServicePackage, ServicePackageInput, ServicePackageKind } from '@chp/core';
import { KEY_POPULATIONS, SERVICE_PACKAGE_KINDS, isKeyPopulationFlag } from '@chp/core';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { servicePackage } from '../../schema.js';
import { writeAudit } from '../../access/audit.js';
import type { Actor } from '../../access/audit.js';
import { AccessError } from '../../access/errors.js';

type PackageRow = typeof servicePackage.$inferSelect;

function toKind(kind: string): ServicePackageKind {
  const known = SERVICE_PACKAGE_KINDS.find((k) => k === kind);
  if (known === undefined) throw new Error(`unknown service package kind ${kind}`);
  return known;
}

function toServicePackage(row: PackageRow): ServicePackage {
  return {
    id: row.id,
    countyCode: row.countyCode,
    code: row.code,
    name: row.name,
    kind: toKind(row.kind),
    annualFee: row.annualFee,
    targetFlags: row.targetFlags.filter(isKeyPopulationFlag),
    services: row.services,
  };
}

export async function listServicePackages(db: Db, countyCode: string): Promise<ServicePackage[]> {
  const rows = await db
    .select()
    .from(servicePackage)
    .where(eq(servicePackage.countyCode, countyCode))
    .orderBy(asc(servicePackage.kind), asc(servicePackage.code));
  return rows.map(toServicePackage);
}

export async function findServicePackage(db: Db, countyCode: string, id: number): Promise<ServicePackage | null> {
  const [row] = await db
    .select()
    .from(servicePackage)
    .where(and(eq(servicePackage.id, id), eq(servicePackage.countyCode, countyCode)));
  return row ? toServicePackage(row) : null;
}

/** A new package; its code is unique in the county. */
export async function createServicePackage(
  db: Db,
  actor: Actor,
  countyCode: string,
  input: ServicePackageInput
): Promise<ServicePackage> {
  const unknownFlags = (input.targetFlags ?? []).filter((flag) => !isKeyPopulationFlag(flag));
  if (unknownFlags.length > 0) {
    throw new AccessError(
      'invalid',
      'package_flags_invalid',
      `服务包的目标人群 ${unknownFlags.join('、')} 不是重点人群代码，可用：${KEY_POPULATIONS.map((k) => `${k.code}（${k.label}）`).join('、')}`
    );
  }
  if (input.annualFee !== undefined && input.annualFee < 0) {
    throw new AccessError('invalid', 'package_fee_invalid', `服务包年费（${input.annualFee} 元）不能为负数`);
  }
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(servicePackage)
      .values({
        countyCode,
        code: input.code.trim(),
        name: input.name.trim(),
        kind: input.kind,
        annualFee: input.annualFee ?? 0,
        targetFlags: [...new Set(input.targetFlags ?? [])],
        services: input.services ?? [],
      })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      throw new AccessError('conflict', 'package_code_taken', `本县（区）已有代码为“${input.code.trim()}”的服务包`);
    }
    await writeAudit(tx, actor, {
      action: 'service_package.create',
      entity: 'service_package',
      entityId: created.id,
      countyCode,
      after: created,
    });
    return toServicePackage(created);
  });
}
