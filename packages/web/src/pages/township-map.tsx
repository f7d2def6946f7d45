import { useMemo } from 'react';
import type { ComputedIndicatorResponse, TownshipBoundariesResponse } from '@chp/core';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { EChart } from '../components/echart.js';
import { useI18n } from '../i18n/i18n.js';
import { formatNumber } from '../lib/format.js';
import { townshipDetailLines } from './township-detail.js';
import { NO_VALUE_COLOUR, SCALE_COLOURS } from './township-scale.js';
import type { ValueRange } from './township-scale.js';

echarts.use([MapChart, TooltipComponent, VisualMapContinuousComponent]);

type MapGeoJson = Parameters<typeof echarts.registerMap>[1];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The townships coloured by value on the county's uploaded boundaries. Regions are keyed by township
 * code (the server annotates each feature with `townshipCode`), so names never collide.
 */
export function TownshipMap({
  boundaries,
  items,
  range,
}: {
  boundaries: TownshipBoundariesResponse;
  items: readonly ComputedIndicatorResponse[];
  range: ValueRange | null;
}) {
  const { t } = useI18n();
  // A new name per upload: ECharts keeps registered maps, and a replaced file must not show the old one.
  const mapName = `chp-townships-${boundaries.countyCode}-${boundaries.uploadedAt}`;
  const option = useMemo(() => {
    echarts.registerMap(mapName, boundaries.geojson as unknown as MapGeoJson);
    const byCode = new Map(items.map((item) => [item.orgUnit, item]));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params: { name: string }) => {
          const item = byCode.get(params.name);
          return item ? townshipDetailLines(item, t).map(escapeHtml).join('<br/>') : escapeHtml(params.name);
        },
      },
      visualMap: range
        ? {
            type: 'continuous',
            min: range.min,
            max: range.max,
            calculable: false,
            left: 8,
            bottom: 8,
            text: [formatNumber(range.max, 2), formatNumber(range.min, 2)],
            inRange: { color: [...SCALE_COLOURS] },
          }
        : undefined,
      series: [
        {
          type: 'map',
          map: mapName,
          nameProperty: 'townshipCode',
          roam: true,
          // Outlined names stay readable on the darkest colours as on the lightest.
          label: {
            show: true,
            fontSize: 11,
            color: '#262626',
            textBorderColor: '#fff',
            textBorderWidth: 2,
            formatter: (params: { name: string }) => byCode.get(params.name)?.orgUnitName ?? '',
          },
          itemStyle: { areaColor: NO_VALUE_COLOUR, borderColor: '#8c8c8c' },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd666' } },
          data: items.map((item) => ({ name: item.orgUnit, value: item.value })),
        },
      ],
    };
  }, [mapName, boundaries.geojson, items, range, t]);
  return <EChart option={option} style={{ width: '100%', height: 480 }} testId="township-map" />;
}
