import { Tooltip } from 'antd';
import { ALERT_GRADE_LABELS, higherGrade, isOpenAlertStatus } from '@chp/core';
import type { AlertGrade, AlertSummary, OrgUnitNode } from '@chp/core';
import { useI18n } from '../i18n/i18n.js';
import { GRADE_COLOURS } from './surveillance-tags.js';

/** The highest grade of the open alerts of each area. */
export function highestGrades(alerts: readonly AlertSummary[]): Map<string, AlertGrade> {
  const grades = new Map<string, AlertGrade>();
  for (const alert of alerts) {
    if (!isOpenAlertStatus(alert.status)) continue;
    const current = grades.get(alert.areaCode);
    grades.set(alert.areaCode, current ? higherGrade(current, alert.grade) : alert.grade);
  }
  return grades;
}

/**
 * The county (for county-wide alerts) and its townships in code order as tiles, each coloured by the highest
 * grade of its open alerts.
 */
export function SurveillanceAlertGrid({
  county,
  townships,
  alerts,
}: {
  county: Pick<OrgUnitNode, 'code' | 'name'>;
  townships: readonly OrgUnitNode[];
  alerts: readonly AlertSummary[];
}) {
  const { t } = useI18n();
  const grades = highestGrades(alerts);
  const open = alerts.filter((a) => isOpenAlertStatus(a.status));
  const tiles = [county, ...[...townships].sort((a, b) => a.code.localeCompare(b.code))];
  return (
    <div
      data-testid="alert-grid"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(128px, 1fr))', gap: 8 }}
    >
      {tiles.map((unit) => {
        const grade = grades.get(unit.code);
        const count = open.filter((a) => a.areaCode === unit.code).length;
        return (
          <Tooltip key={unit.code} title={grade ? ALERT_GRADE_LABELS[grade] : t('surv.dash.noAlert')}>
            <div
              data-testid="alert-tile"
              data-org-unit={unit.code}
              data-grade={grade ?? ''}
              style={{
                background: grade ? GRADE_COLOURS[grade] : '#f5f5f5',
                color: grade && grade !== 'yellow' ? '#fff' : 'rgba(0, 0, 0, 0.88)',
                borderRadius: 6,
                padding: '8px 10px',
                minHeight: 64,
              }}
            >
              <div style={{ fontSize: 12 }}>{unit.name}</div>
              <div style={{ fontSize: 18, fontWeight: 600 }}>{t('surv.dash.openCount', { count })}</div>
            </div>
          </Tooltip>
        );
      })}
    </div>
  );
}
