import { useState } from 'react';
import { Empty, Segmented, Tag, Timeline, Typography } from 'antd';
import { FOLLOW_UP_FIELDS, PROGRAMS, TIMELINE_ITEM_TYPES, isFollowUpField, visitKindLabel } from '@chp/core';
import type { TimelineItem, TimelineItemType } from '@chp/core';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/zh.js';

export const TIMELINE_TYPE_LABELS: Record<TimelineItemType, MessageKey> = {
  encounter: 'record.type.encounter',
  diagnosis: 'record.type.diagnosis',
  prescription: 'record.type.prescription',
  observation: 'record.type.observation',
  enrolment: 'record.type.enrolment',
  follow_up: 'record.type.follow_up',
  vaccination: 'record.type.vaccination',
  contract: 'record.type.contract',
};

const TYPE_COLORS: Record<TimelineItemType, string> = {
  encounter: 'blue',
  diagnosis: 'red',
  prescription: 'purple',
  observation: 'cyan',
  enrolment: 'geekblue',
  follow_up: 'green',
  vaccination: 'orange',
  contract: 'gold',
};

const FIELD_ORDER: readonly string[] = Object.keys(FOLLOW_UP_FIELDS);

/** "收缩压 132 mmHg，舒张压 84 mmHg": a visit's values with core's labels and units, in the form's order. */
function valuesText(values: Record<string, unknown>): string {
  return Object.entries(values)
    .toSorted(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b))
    .map(([key, value]) => {
      if (!isFollowUpField(key)) return `${key} ${String(value)}`;
      const spec = FOLLOW_UP_FIELDS[key];
      switch (spec.type) {
        case 'number':
          return `${spec.label} ${String(value)} ${spec.unit}`;
        case 'choice':
          return `${spec.label} ${spec.options.find((o) => o.code === value)?.label ?? String(value)}`;
      }
    })
    .join('，');
}

/** One line saying what the item was. */
function describe(item: TimelineItem, t: ReturnType<typeof useI18n>['t']): string {
  switch (item.type) {
    case 'encounter':
      return [item.kind, item.department, item.clinician].filter(Boolean).join(' · ');
    case 'diagnosis':
      return `${item.icd10} ${item.name}${item.primary ? t('record.primary') : ''}`;
    case 'prescription':
      return [item.drugName, item.dose, item.frequency, item.route, item.days === null ? null : `${item.days}天`]
        .filter(Boolean)
        .join(' ');
    case 'observation':
      return `${item.name} ${item.valueNumber ?? item.valueText ?? ''} ${item.unit ?? ''}${item.abnormal ? `（${item.abnormal}）` : ''}`;
    case 'enrolment':
      return `${PROGRAMS[item.program].label}${item.endedDate ? t('record.ended', { date: item.endedDate }) : ''}`;
    case 'follow_up': {
      const control =
        item.controlled === null ? '' : item.controlled ? t('record.controlled') : t('record.uncontrolled');
      return `${PROGRAMS[item.program].label}${visitKindLabel(item.program, item.kind)}：${valuesText(item.values)}${control}${item.referral ? t('record.referral') : ''}`;
    }
    case 'vaccination':
      return t('record.dose', { vaccine: item.vaccine, dose: item.dose });
    case 'contract':
      return `${item.teamName} · ${item.packageName}（${item.signedDate}–${item.endDate}）`;
  }
}

/** The record's items, oldest first as the API gives them, shown newest first and filterable by type. */
export function RecordTimeline({ items }: { items: readonly TimelineItem[] }) {
  const { t } = useI18n();
  const [type, setType] = useState<TimelineItemType | 'all'>('all');
  const shown = items.filter((item) => type === 'all' || item.type === type).toReversed();
  return (
    <>
      <Segmented<TimelineItemType | 'all'>
        data-testid="timeline-filter"
        style={{ marginBottom: 16 }}
        value={type}
        onChange={(value) => {
          setType(value);
        }}
        options={[
          { value: 'all', label: t('record.allTypes') },
          ...TIMELINE_ITEM_TYPES.map((value) => ({ value, label: t(TIMELINE_TYPE_LABELS[value]) })),
        ]}
      />
      {shown.length === 0 ? (
        <Empty />
      ) : (
        <Timeline
          data-testid="record-timeline"
          items={shown.map((item) => ({
            key: `${item.type}-${item.id}`,
            color: TYPE_COLORS[item.type],
            content: (
              <div data-testid={`timeline-${item.type}`}>
                <Typography.Text strong>{item.date}</Typography.Text> <Tag>{t(TIMELINE_TYPE_LABELS[item.type])}</Tag>
                {describe(item, t)}
                {item.facilityName && <Typography.Text type="secondary">（{item.facilityName}）</Typography.Text>}
              </div>
            ),
          }))}
        />
      )}
    </>
  );
}
