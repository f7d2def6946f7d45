/** Signal source site kinds (哨点类型) and the signals each kind may send (docs/surveillance.md). */
import type { SyndromeCode } from './syndromes.js';

export const SITE_KINDS = [
  'fever_clinic',
  'respiratory_clinic',
  'enteric_clinic',
  'pharmacy',
  'school',
  'sentinel_station',
  'sentinel_school',
  'laboratory',
  'public_report',
] as const;

export type SiteKind = (typeof SITE_KINDS)[number];

export const SITE_KIND_LABELS: Record<SiteKind, string> = {
  fever_clinic: '发热门诊',
  respiratory_clinic: '呼吸道门诊',
  enteric_clinic: '肠道门诊',
  pharmacy: '药店',
  school: '学校',
  sentinel_station: '车站哨点',
  sentinel_school: '学校哨点',
  laboratory: '实验室',
  public_report: '群众报告',
};

const ABSENCES: readonly SyndromeCode[] = [
  'absence_fever',
  'absence_respiratory',
  'absence_diarrhoea',
  'absence_other',
];

/** The syndromic signals a kind may send; a laboratory sends disease codes instead (see `siteKindSendsDiseases`). */
export const SITE_KIND_SIGNALS: Record<SiteKind, readonly SyndromeCode[]> = {
  fever_clinic: ['fever', 'respiratory', 'rash'],
  respiratory_clinic: ['fever', 'respiratory'],
  enteric_clinic: ['diarrhoea'],
  pharmacy: ['antipyretic_sales', 'antidiarrhoeal_sales'],
  school: ABSENCES,
  sentinel_station: ['fever', 'respiratory', 'diarrhoea', 'rash'],
  sentinel_school: [...ABSENCES, 'fever', 'respiratory', 'diarrhoea', 'rash'],
  laboratory: [],
  public_report: ['public_report'],
};

export function isSiteKind(value: string): value is SiteKind {
  return (SITE_KINDS as readonly string[]).includes(value);
}

/** Whether the kind reports laboratory positives by disease code. */
export function siteKindSendsDiseases(kind: SiteKind): boolean {
  return kind === 'laboratory';
}
