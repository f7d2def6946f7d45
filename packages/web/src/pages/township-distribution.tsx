import { useMemo } from 'react';
import type { ComputedIndicatorResponse, TownshipBoundariesResponse } from '@chp/core';
import { Alert, Space, Spin } from 'antd';
import { useI18n } from '../i18n/i18n.js';
import { TownshipGrid } from './township-grid.js';
import { TownshipMap } from './township-map.js';
import { valueRange } from './township-scale.js';

/**
 * One indicator's township values for a year: on the uploaded boundaries when there are any, else as
 * tiles in code order, both on the same colour scale.
 */
export function TownshipDistribution({
  items,
  boundaries,
  loading,
}: {
  items: ComputedIndicatorResponse[];
  /** Null when none are uploaded (or they could not be read): the tiles are shown instead. */
  boundaries: TownshipBoundariesResponse | null | undefined;
  loading: boolean;
}) {
  const { t } = useI18n();
  const range = useMemo(() => valueRange(items), [items]);
  if (items.length === 0) {
    return <Alert type="info" showIcon title={t('township.countyOnly')} data-testid="township-county-only" />;
  }
  if (loading) return <Spin />;
  if (!boundaries) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('township.noBoundaries')} />
        <TownshipGrid items={items} range={range} />
      </Space>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <TownshipMap boundaries={boundaries} items={items} range={range} />
      {boundaries.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="township-missing-boundaries"
          title={t('township.missingBoundaries', { names: boundaries.missing.map((m) => m.name).join('、') })}
        />
      )}
    </Space>
  );
}
