/** Alert grades (预警级别), highest first: 红 > 橙 > 黄 > 蓝. */
export const ALERT_GRADES = ['red', 'orange', 'yellow', 'blue'] as const;
export type AlertGrade = (typeof ALERT_GRADES)[number];

export const ALERT_GRADE_LABELS: Record<AlertGrade, string> = {
  red: '红色预警',
  orange: '橙色预警',
  yellow: '黄色预警',
  blue: '蓝色预警',
};

export function isAlertGrade(value: string): value is AlertGrade {
  return (ALERT_GRADES as readonly string[]).includes(value);
}

/** Positive when `a` is more severe than `b`. */
export function compareGrades(a: AlertGrade, b: AlertGrade): number {
  return ALERT_GRADES.indexOf(b) - ALERT_GRADES.indexOf(a);
}

export function higherGrade(a: AlertGrade, b: AlertGrade): AlertGrade {
  return compareGrades(a, b) >= 0 ? a : b;
}
