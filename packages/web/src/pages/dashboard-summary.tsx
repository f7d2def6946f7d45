import { Card, Col, Row, Statistic } from 'antd';
import { INDICATOR_STATUSES } from '@chp/core';
import type { DashboardResponse, IndicatorStatus } from '@chp/core';
import { STATUS_COLORS } from '../components/labels.js';
import { useI18n } from '../i18n/i18n.js';

interface Props {
  data: DashboardResponse;
  selected: IndicatorStatus | undefined;
  onSelect: (status: IndicatorStatus | undefined) => void;
}

/** One card per status (click to filter) and the binding-alert count. */
export function DashboardSummary({ data, selected, onSelect }: Props) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {INDICATOR_STATUSES.map((status) => (
        <Col key={status} xs={12} sm={8} md={6} xl={3}>
          <Card
            size="small"
            hoverable
            data-testid={`summary-${status}`}
            style={selected === status ? { borderColor: STATUS_COLORS[status] } : undefined}
            onClick={() => {
              onSelect(selected === status ? undefined : status);
            }}
          >
            <Statistic
              title={t(`status.${status}`)}
              value={data.statusCounts[status]}
              styles={{ content: { color: STATUS_COLORS[status] } }}
            />
          </Card>
        </Col>
      ))}
      <Col xs={24} sm={16} md={12} xl={6}>
        <Card size="small" data-testid="summary-binding-alerts">
          <Statistic
            title={t('dashboard.bindingAlerts')}
            value={data.bindingAlerts}
            styles={{ content: { color: data.bindingAlerts > 0 ? STATUS_COLORS.off_track : undefined } }}
          />
        </Card>
      </Col>
    </Row>
  );
}
