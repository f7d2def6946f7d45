import { Tag, Tooltip, Typography } from 'antd';
import type { RegisterValue } from '@chp/core';
import { useI18n } from '../i18n/i18n.js';
import { formatDate, formatNumber, formatSigned } from '../lib/format.js';

/** "由登记数据计算（2024-03-01）：2/421" (the date alone for a value that is no ratio, e.g. life expectancy). */
export function useComputedProvenance(): (computed: RegisterValue) => string {
  const { t } = useI18n();
  return (computed) => {
    const date = formatDate(computed.computedAt);
    if (computed.numerator === null && computed.denominator === null) return t('computed.provenanceDate', { date });
    return t('computed.provenance', {
      date,
      numerator: formatNumber(computed.numerator),
      denominator: formatNumber(computed.denominator),
    });
  };
}

/**
 * The value computed from the registers as a tag whose tooltip gives its provenance, and its difference from
 * the entered value. Renders nothing when the registers could not compute it.
 */
export function ComputedValueTag({ computed }: { computed: RegisterValue | undefined }) {
  const { t } = useI18n();
  const provenance = useComputedProvenance();
  if (computed?.value === null || computed === undefined) return null;
  return (
    <span data-testid="computed-value">
      <Tooltip title={provenance(computed)}>
        <Tag color="purple" style={{ marginInlineEnd: 4 }}>
          {t('computed.tag', { value: formatNumber(computed.value, 2) })}
        </Tag>
      </Tooltip>
      {computed.difference !== null && (
        <Typography.Text type="secondary">
          {t('computed.differenceShort', { difference: formatSigned(computed.difference) })}
        </Typography.Text>
      )}
    </span>
  );
}
