import type { IndicatorSummary, MonitoringValue } from '@chp/core';
import { Card, Descriptions } from 'antd';
import { listComputedIndicators } from '../api/counties.js';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber, formatTime } from '../lib/format.js';
import { useAsync } from '../lib/use-async.js';

/**
 * The county value the registers give for an indicator with a standard code, beside the approved entered
 * value of the same year. Renders nothing when the registers do not compute this indicator.
 */
export function ComputedPanel({
  indicator,
  standardCode,
  values,
}: {
  indicator: IndicatorSummary;
  standardCode: string;
  values: MonitoringValue[];
}) {
  const { t } = useI18n();
  const { countyCode } = indicator;
  const year = indicator.evaluation.year;
  const state = useAsync(async () => {
    const list = await listComputedIndicators(countyCode, year);
    return {
      item: list.find((i) => i.orgUnit === countyCode && i.code === standardCode),
      computedAt: new Date().toISOString(),
    };
  }, [countyCode, year, standardCode]);
  // Nothing to compare when the registers do not compute this indicator or hold no data for it.
  const item = state.data?.item;
  if (state.data === undefined || item === undefined || item.value === null) return null;
  const value = item.value;
  const entered = values.find((v) => v.year === year && v.orgUnitCode === countyCode && v.status === 'approved');
  return (
    <Card title={t('computed.panel')} size="small" data-testid="computed-panel">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('common.year')}>{year}</Descriptions.Item>
        <Descriptions.Item label={item.name}>
          {formatNumber(value, 2)} {item.unit}
        </Descriptions.Item>
        <Descriptions.Item label={t('computed.ratio')}>
          {formatNumber(item.numerator)} / {formatNumber(item.denominator)}
        </Descriptions.Item>
      </Descriptions>
      <div>{t('computed.computedAt', { time: formatTime(state.data.computedAt) })}</div>
      <div>
        {entered
          ? t('computed.difference', {
              year,
              entered: formatNumber(entered.value),
              difference: formatNumber(value - entered.value, 2),
            })
          : t('computed.noEntered', { year })}
      </div>
    </Card>
  );
}
