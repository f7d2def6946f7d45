import type { ProgramCode } from './programs.js';

/** A finite number stored under `field`, or null (values come from JSON). */
function numberAt(values: Readonly<Record<string, unknown>>, field: string): number | null {
  const value = values[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Whether a visit's values are on target, as counted by the control-rate indicators:
 * - hypertension: below 140/90 mmHg; from 65 years below 150/90 mmHg (国家基层高血压防治管理指南 2020 版:
 *   一般高血压患者血压降至 140/90 mmHg 以下，≥65 岁老年患者降至 150/90 mmHg 以下);
 * - type-2 diabetes: fasting glucose below 7.0 mmol/L (规范 第三版, 2型糖尿病患者健康管理服务规范).
 * null for the other programmes and when a value needed is missing.
 */
export function isControlled(
  program: ProgramCode,
  values: Readonly<Record<string, unknown>>,
  ageYears: number
): boolean | null {
  switch (program) {
    case 'hypertension': {
      const sbp = numberAt(values, 'sbp');
      const dbp = numberAt(values, 'dbp');
      if (sbp === null || dbp === null) return null;
      return sbp < (ageYears >= 65 ? 150 : 140) && dbp < 90;
    }
    case 'diabetes': {
      const fbg = numberAt(values, 'fbg');
      return fbg === null ? null : fbg < 7.0;
    }
    case 'severe_mental':
    case 'tuberculosis':
    case 'elderly':
    case 'maternal':
    case 'child':
      return null;
  }
}
