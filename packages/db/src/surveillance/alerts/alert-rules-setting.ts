/** A county's alert grading rules, kept in `setting` under `surveillance.alertRules.<county>`; core's defaults otherwise. */
import type { AlertRules } from '@chp/core';
import { DEFAULT_ALERT_RULES, parseAlertRules } from '@chp/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../../connection.js';
import { writeAudit } from '../../access/audit.js';
import type { Actor } from '../../access/audit.js';
import { AccessError } from '../../access/errors.js';
import { setting } from '../../schema.js';

function settingKey(countyCode: string): string {
  return `surveillance.alertRules.${countyCode}`;
}

export async function loadAlertRules(db: Db, countyCode: string): Promise<AlertRules> {
  const [row] = await db
    .select()
    .from(setting)
    .where(eq(setting.key, settingKey(countyCode)));
  if (!row) return DEFAULT_ALERT_RULES;
  const parsed = parseAlertRules(row.value);
  // Stored rules were validated on save; a bad row means a hand edit, which must not silently grade by defaults.
  if (!parsed.ok) throw new AccessError('invalid', 'invalid_alert_rules', `已保存的预警规则无效：${parsed.message}`);
  return parsed.rules;
}

/** Validates and stores the county's rules (audited); returns them as stored. */
export async function saveAlertRules(db: Db, actor: Actor, countyCode: string, value: unknown): Promise<AlertRules> {
  const parsed = parseAlertRules(value);
  if (!parsed.ok) throw new AccessError('invalid', 'invalid_alert_rules', parsed.message);
  return db.transaction(async (tx) => {
    const before = await loadAlertRules(tx, countyCode);
    const key = settingKey(countyCode);
    await tx
      .insert(setting)
      .values({ key, value: parsed.rules })
      .onConflictDoUpdate({ target: setting.key, set: { value: parsed.rules } });
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'alert_rules',
      entityId: countyCode,
      countyCode,
      before,
      after: parsed.rules,
    });
    return parsed.rules;
  });
}
