import { Input, Select, Space } from 'antd';
import { ATTRIBUTES, INDICATOR_STATUSES } from '@chp/core';
import type { Attribute, IndicatorSource, IndicatorStatus, IndicatorSummary } from '@chp/core';
import { ATTRIBUTE_LABELS } from '../components/labels.js';
import { useI18n } from '../i18n/i18n.js';

export interface IndicatorFilter {
  attribute?: Attribute;
  status?: IndicatorStatus;
  source?: IndicatorSource;
  text: string;
}

export function matchesFilter(i: IndicatorSummary, f: IndicatorFilter): boolean {
  return (
    (f.attribute === undefined || i.attribute === f.attribute) &&
    (f.status === undefined || i.evaluation.status === f.status) &&
    (f.source === undefined || i.source === f.source) &&
    (f.text.trim() === '' || i.name.includes(f.text.trim()))
  );
}

const SOURCES: readonly IndicatorSource[] = ['table', 'prose'];

export function DashboardFilters({
  value,
  onChange,
}: {
  value: IndicatorFilter;
  onChange: (f: IndicatorFilter) => void;
}) {
  const { t } = useI18n();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select<Attribute>
        data-testid="filter-attribute"
        allowClear
        placeholder={t('dashboard.attribute')}
        style={{ width: 130 }}
        value={value.attribute}
        onChange={(attribute) => {
          onChange({ ...value, attribute });
        }}
        options={ATTRIBUTES.map((a) => ({ value: a, label: t(ATTRIBUTE_LABELS[a]) }))}
      />
      <Select<IndicatorStatus>
        data-testid="filter-status"
        allowClear
        placeholder={t('dashboard.status')}
        style={{ width: 140 }}
        value={value.status}
        onChange={(status) => {
          onChange({ ...value, status });
        }}
        options={INDICATOR_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <Select<IndicatorSource>
        data-testid="filter-source"
        allowClear
        placeholder={t('dashboard.source')}
        style={{ width: 130 }}
        value={value.source}
        onChange={(source) => {
          onChange({ ...value, source });
        }}
        options={SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
      />
      <Input.Search
        data-testid="filter-text"
        allowClear
        placeholder={t('dashboard.searchPlaceholder')}
        style={{ width: 240 }}
        value={value.text}
        onChange={(e) => {
          onChange({ ...value, text: e.target.value });
        }}
      />
    </Space>
  );
}
