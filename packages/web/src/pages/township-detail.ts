import type { ComputedIndicatorResponse } from '@chp/core';
import type { Translate } from '../i18n/i18n.js';
import { formatNumber } from '../lib/format.js';

/** What the map's tooltip and a tile's tooltip say about a township: value, ratio and warnings. */
export function townshipDetailLines(item: ComputedIndicatorResponse, t: Translate): string[] {
  return [
    item.orgUnitName,
    item.value === null
      ? t('township.notComputable')
      : `${t('township.value')}: ${formatNumber(item.value, 2)} ${item.unit}`,
    `${t('computed.ratio')}: ${formatNumber(item.numerator)} / ${formatNumber(item.denominator)}`,
    ...(item.warnings ?? []),
  ];
}
