/** Syndromic and other non-case signal codes (症状/因病缺课/药品销售/群众报告) with their Chinese labels. */

export const SYNDROME_CODES = [
  'fever',
  'respiratory',
  'diarrhoea',
  'rash',
  'antipyretic_sales',
  'antidiarrhoeal_sales',
  'absence_fever',
  'absence_respiratory',
  'absence_diarrhoea',
  'absence_other',
  'public_report',
] as const;

export type SyndromeCode = (typeof SYNDROME_CODES)[number];

export const SYNDROME_LABELS: Record<SyndromeCode, string> = {
  fever: '发热',
  respiratory: '呼吸道症状',
  diarrhoea: '腹泻',
  rash: '发热伴出疹',
  antipyretic_sales: '退热药销售',
  antidiarrhoeal_sales: '止泻药销售',
  absence_fever: '因病缺课（发热）',
  absence_respiratory: '因病缺课（呼吸道）',
  absence_diarrhoea: '因病缺课（腹泻）',
  absence_other: '因病缺课（其他）',
  public_report: '群众报告',
};

export function isSyndromeCode(value: string): value is SyndromeCode {
  return (SYNDROME_CODES as readonly string[]).includes(value);
}
