import { Timeline } from 'antd';
import type { IndicatorDetailResponse, ValueHistoryEntry } from '@chp/core';
import { ValueStatusTag } from '../components/tags.js';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber, formatTime } from '../lib/format.js';

const ACTION_COLORS: Record<ValueHistoryEntry['action'], string> = {
  create: 'blue',
  update: 'blue',
  import: 'blue',
  submit: 'orange',
  approve: 'green',
  return: 'red',
};

/** The full history of an indicator's values, newest first. */
export function ValueHistory({ history }: { history: IndicatorDetailResponse['history'] }) {
  const { t } = useI18n();
  const entries = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      data-testid="value-history"
      // The time is short; the default half-width title column leaves the entries squeezed to the right.
      titleSpan="140px"
      items={entries.map((h) => ({
        key: h.id,
        color: ACTION_COLORS[h.action],
        title: formatTime(h.at),
        content: (
          <div>
            <strong>{h.actor}</strong> {t(`action.${h.action}`)} · {h.year} · {formatNumber(h.value)}{' '}
            <ValueStatusTag status={h.status} />
            {h.sourceDocument && <div>{`${t('value.sourceDocument')}：${h.sourceDocument}`}</div>}
            {h.note && <div>{`${t('value.note')}：${h.note}`}</div>}
            {h.reason && <div>{`${t('value.returnReason')}：${h.reason}`}</div>}
          </div>
        ),
      }))}
    />
  );
}
