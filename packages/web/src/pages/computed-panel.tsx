import type { IndicatorSummary, RegisterValue } from '@chp/core';
import { Alert, Card, Descriptions, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useComputedProvenance } from '../components/computed-value-tag.js';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber, formatSigned } from '../lib/format.js';

/**
 * The values the registers give for an indicator linked to them (the summary's `computed` and the detail's
 * township values), beside the approved entered values of the same year. Renders nothing when not linked.
 */
export function ComputedPanel({ indicator, townships }: { indicator: IndicatorSummary; townships: RegisterValue[] }) {
  const { t } = useI18n();
  const provenance = useComputedProvenance();
  const { computed } = indicator;
  if (computed === undefined) return null;
  const { year } = indicator.evaluation;
  const entered = indicator.series.find((point) => point.year === year)?.value;
  const columns: TableColumnsType<RegisterValue> = [
    { title: t('value.township'), dataIndex: 'orgUnitName' },
    {
      title: t('computed.value'),
      key: 'value',
      render: (_: unknown, c) => (c.value === null ? '—' : `${formatNumber(c.value, 2)} ${c.unit}`),
    },
    {
      title: t('computed.ratio'),
      key: 'ratio',
      render: (_: unknown, c) => `${formatNumber(c.numerator)} / ${formatNumber(c.denominator)}`,
    },
    { title: t('computed.differenceColumn'), dataIndex: 'difference', render: (d: number | null) => formatSigned(d) },
  ];
  return (
    <Card title={t('computed.panel')} size="small" data-testid="computed-panel">
      {computed.value === null ? (
        <Alert type="info" title={computed.warnings?.join('；') ?? t('computed.notComputable')} />
      ) : (
        <>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('common.year')}>{year}</Descriptions.Item>
            <Descriptions.Item label={t('computed.value')}>
              {formatNumber(computed.value, 2)} {computed.unit}
              {computed.ciLower !== undefined && computed.ciUpper !== undefined
                ? `（95% CI ${formatNumber(computed.ciLower, 2)}–${formatNumber(computed.ciUpper, 2)}）`
                : ''}
            </Descriptions.Item>
          </Descriptions>
          <div>{provenance(computed)}</div>
          <div data-testid="computed-difference">
            {entered === undefined || computed.difference === null
              ? // Without an entered value of the year, the computed one is evaluated (docs/evaluation.md §7).
                t('computed.evaluated', { year })
              : t('computed.difference', {
                  year,
                  entered: formatNumber(entered),
                  difference: formatSigned(computed.difference),
                })}
          </div>
        </>
      )}
      {townships.length > 0 && (
        <Table<RegisterValue>
          size="small"
          rowKey="orgUnit"
          columns={columns}
          dataSource={townships}
          pagination={false}
          style={{ marginTop: 12 }}
          data-testid="computed-townships"
        />
      )}
    </Card>
  );
}
