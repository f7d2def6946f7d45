import { Descriptions, Space, Tag, Typography } from 'antd';
import type { IndicatorSummary } from '@chp/core';
import { AttributeTag, StatusTag } from '../components/tags.js';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber } from '../lib/format.js';

/** The indicator's definition as the plan states it, with its source reference. */
export function IndicatorHeader({ indicator: i }: { indicator: IndicatorSummary }) {
  const { t } = useI18n();
  const items = [
    { key: 'unit', label: t('dashboard.unit'), children: i.unit ?? '—' },
    { key: 'domain', label: t('indicator.domain'), children: i.domain ?? '—' },
    { key: 'attribute', label: t('dashboard.attribute'), children: <AttributeTag attribute={i.attribute} /> },
    {
      key: 'baseline',
      label: t('dashboard.baseline'),
      children: `${i.baselineText ?? formatNumber(i.baseline)}${i.baselineYear ? `（${i.baselineYear}）` : ''}`,
    },
    { key: 'target', label: t('dashboard.target'), children: <span data-testid="indicator-target">{i.target}</span> },
    { key: 'comparator', label: t('indicator.comparator'), children: t(`comparator.${i.comparator}`) },
    { key: 'targetValue', label: t('indicator.targetValue'), children: formatNumber(i.targetValue) },
    { key: 'targetYear', label: t('indicator.targetYear'), children: i.targetYear },
    {
      key: 'source',
      label: t('indicator.source'),
      children: `${t(`source.${i.source}`)} · ${t('indicator.line', { line: i.line })}`,
    },
    { key: 'standard', label: t('indicator.standardCode'), children: i.standardCode ?? '—' },
    {
      key: 'quote',
      label: t('indicator.quote'),
      span: 2,
      children: <Typography.Text italic>“{i.quote}”</Typography.Text>,
    },
    ...(i.note ? [{ key: 'note', label: t('indicator.note'), span: 2, children: i.note }] : []),
  ];
  return (
    <>
      <Space align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="indicator-name">
          {i.name}
        </Typography.Title>
        <StatusTag status={i.evaluation.status} />
        {i.evaluation.bindingAlert && <Tag color="red">{t('dashboard.bindingAlerts')}</Tag>}
      </Space>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 4 }} items={items} />
    </>
  );
}
