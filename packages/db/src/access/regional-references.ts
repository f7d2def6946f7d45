/**
 * Reference values a plan measures against, e.g. the 全区平均水平 of "达到全区平均水平": entered per
 * indicator and year with their source, audited like every write.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { indicator, regionalReference } from '../schema.js';
import { writeAudit } from './audit.js';
import type { Actor } from './audit.js';
import { AccessError } from './errors.js';
import type { RegionalReferenceRecord } from './indicators.js';

export interface RegionalReferenceInput {
  indicatorId: string;
  year: number;
  value: number;
  sourceDocument: string | null;
}

/** Sets (or replaces) the reference of an indicator for a year; `authorize` checks the county first. */
export async function setRegionalReference(
  db: Db,
  actor: Actor,
  input: RegionalReferenceInput,
  authorize: (countyCode: string) => void
): Promise<RegionalReferenceRecord & { countyCode: string }> {
  return db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ countyCode: indicator.countyCode })
      .from(indicator)
      .where(eq(indicator.id, input.indicatorId));
    if (!owner) {
      throw new AccessError('not_found', 'indicator_not_found', `指标 ${input.indicatorId} 不存在`);
    }
    authorize(owner.countyCode);
    const match = and(eq(regionalReference.indicatorId, input.indicatorId), eq(regionalReference.year, input.year));
    const [before] = await tx.select().from(regionalReference).where(match);
    const row = { ...input, countyCode: owner.countyCode };
    await tx
      .insert(regionalReference)
      .values(row)
      .onConflictDoUpdate({
        target: [regionalReference.indicatorId, regionalReference.year],
        set: { value: input.value, sourceDocument: input.sourceDocument },
      });
    await writeAudit(tx, actor, {
      action: 'reference.set',
      entity: 'regional_reference',
      entityId: `${input.indicatorId}/${input.year}`,
      countyCode: owner.countyCode,
      before: before ? { value: before.value, sourceDocument: before.sourceDocument } : null,
      after: { value: input.value, sourceDocument: input.sourceDocument },
    });
    return row;
  });
}
