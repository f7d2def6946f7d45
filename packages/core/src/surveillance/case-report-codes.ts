/** Case classification (病例分类) and card status codes of the 传染病报告卡, with their Chinese labels. */
export const CASE_CLASSIFICATIONS = ['suspected', 'clinical', 'confirmed', 'carrier'] as const;
export type CaseClassification = (typeof CASE_CLASSIFICATIONS)[number];

export const CASE_CLASSIFICATION_LABELS: Record<CaseClassification, string> = {
  suspected: '疑似病例',
  clinical: '临床诊断病例',
  confirmed: '确诊病例',
  carrier: '病原携带者',
};

export function isCaseClassification(value: string): value is CaseClassification {
  return (CASE_CLASSIFICATIONS as readonly string[]).includes(value);
}

export const CASE_STATUSES = ['pending', 'reviewed', 'deleted'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  pending: '待审核',
  reviewed: '已审核',
  deleted: '已删除',
};

export function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

/** What a card's history (case_report_revision.action) records. */
export const CASE_REVISION_ACTIONS = ['revise', 'review', 'delete', 'mark_duplicate'] as const;
export type CaseRevisionAction = (typeof CASE_REVISION_ACTIONS)[number];

export const CASE_REVISION_ACTION_LABELS: Record<CaseRevisionAction, string> = {
  revise: '订正',
  review: '审核',
  delete: '删除',
  mark_duplicate: '标记重卡',
};
