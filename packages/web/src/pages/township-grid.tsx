import type { ComputedIndicatorResponse } from '@chp/core';
import { Tooltip } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber } from '../lib/format.js';
import { townshipDetailLines } from './township-detail.js';
import { SCALE_COLOURS, isDark, scaleColour } from './township-scale.js';
import type { ValueRange } from './township-scale.js';

/**
 * The townships as tiles in code order, coloured on the map's scale, where no boundaries are uploaded:
 * the same layout every time, so a township is found in the same place from year to year.
 */
export function TownshipGrid({
  items,
  range,
}: {
  items: readonly ComputedIndicatorResponse[];
  range: ValueRange | null;
}) {
  const { t } = useI18n();
  const tiles = [...items].sort((a, b) => a.orgUnit.localeCompare(b.orgUnit));
  return (
    <div>
      <div
        data-testid="township-grid"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(128px, 1fr))', gap: 8 }}
      >
        {tiles.map((item) => (
          <Tooltip
            key={item.orgUnit}
            title={townshipDetailLines(item, t).map((line, index) => (
              <div key={index}>{line}</div>
            ))}
          >
            <div
              data-testid="township-tile"
              data-org-unit={item.orgUnit}
              style={{
                background: scaleColour(item.value, range),
                color: isDark(item.value, range) ? '#fff' : 'rgba(0, 0, 0, 0.88)',
                borderRadius: 6,
                padding: '8px 10px',
                minHeight: 64,
              }}
            >
              <div style={{ fontSize: 12 }}>{item.orgUnitName}</div>
              <div style={{ fontSize: 18, fontWeight: 600 }}>
                {formatNumber(item.value, 2)}
                {item.warnings && item.warnings.length > 0 && (
                  <WarningOutlined style={{ color: '#faad14', fontSize: 14, marginLeft: 6 }} />
                )}
              </div>
            </div>
          </Tooltip>
        ))}
      </div>
      {range && (
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 12 }} data-testid="township-legend">
          <span>{formatNumber(range.min, 2)}</span>
          <div
            style={{
              width: 160,
              height: 10,
              borderRadius: 5,
              background: `linear-gradient(to right, ${SCALE_COLOURS.join(', ')})`,
            }}
          />
          <span>{formatNumber(range.max, 2)}</span>
        </div>
      )}
    </div>
  );
}
