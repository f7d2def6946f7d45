import { Tag } from 'antd';
import { ALERT_GRADE_LABELS, ALERT_STATUS_LABELS, CASE_STATUS_LABELS } from '@chp/core';
import type { AlertGrade, AlertStatus, CaseStatus } from '@chp/core';

export const GRADE_COLOURS: Record<AlertGrade, string> = {
  red: '#cf1322',
  orange: '#fa8c16',
  yellow: '#fadb14',
  blue: '#1677ff',
};

export function GradeTag({ grade }: { grade: AlertGrade }) {
  return (
    <Tag color={GRADE_COLOURS[grade]} data-testid="alert-grade" style={{ color: grade === 'yellow' ? '#000' : '#fff' }}>
      {ALERT_GRADE_LABELS[grade]}
    </Tag>
  );
}

export function AlertStatusTag({ status }: { status: AlertStatus }) {
  const colour = status === 'new' ? 'red' : status === 'closed' || status === 'excluded' ? 'default' : 'processing';
  return (
    <Tag color={colour} data-testid="alert-status">
      {ALERT_STATUS_LABELS[status]}
    </Tag>
  );
}

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const colour = status === 'pending' ? 'gold' : status === 'reviewed' ? 'green' : 'default';
  return (
    <Tag color={colour} data-testid="case-status">
      {CASE_STATUS_LABELS[status]}
    </Tag>
  );
}
