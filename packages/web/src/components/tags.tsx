import { Tag } from 'antd';
import type { Attribute, DataQualityFinding, IndicatorStatus, ProjectStatus, ValueStatus } from '@chp/core';
import { useI18n } from '../i18n/i18n.js';
import { ATTRIBUTE_COLORS, ATTRIBUTE_LABELS, SEVERITY_COLORS, STATUS_TAG_COLORS } from './labels.js';

export function StatusTag({ status }: { status: IndicatorStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_TAG_COLORS[status]} data-testid="status-tag" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}

export function AttributeTag({ attribute }: { attribute: Attribute | null }) {
  const { t } = useI18n();
  if (!attribute) return <>—</>;
  return (
    <Tag color={ATTRIBUTE_COLORS[attribute]} data-testid="attribute-tag">
      {t(ATTRIBUTE_LABELS[attribute])}
    </Tag>
  );
}

const VALUE_STATUS_COLORS: Record<ValueStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'error',
};

export function ValueStatusTag({ status }: { status: ValueStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={VALUE_STATUS_COLORS[status]} data-testid="value-status-tag" data-status={status}>
      {t(`valueStatus.${status}`)}
    </Tag>
  );
}

const PROJECT_STATUS_COLORS: Record<ProjectStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  completed: 'success',
  delayed: 'error',
  suspended: 'warning',
};

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const { t } = useI18n();
  return <Tag color={PROJECT_STATUS_COLORS[status]}>{t(`projectStatus.${status}`)}</Tag>;
}

export function SeverityTag({ severity }: { severity: DataQualityFinding['severity'] }) {
  const { t } = useI18n();
  return <Tag color={SEVERITY_COLORS[severity]}>{t(`severity.${severity}`)}</Tag>;
}
