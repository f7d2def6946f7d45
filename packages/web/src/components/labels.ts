import type { Attribute, DataQualityFinding, IndicatorStatus } from '@chp/core';
import type { MessageKey } from '../i18n/zh.js';

/** Summary-card and chart colours per indicator status. */
export const STATUS_COLORS: Record<IndicatorStatus, string> = {
  achieved: '#52c41a',
  on_track: '#1677ff',
  at_risk: '#fa8c16',
  off_track: '#f5222d',
  no_data: '#8c8c8c',
  not_assessable: '#bfbfbf',
};

/** antd Tag colours per status ('default' = the neutral tag). */
export const STATUS_TAG_COLORS: Record<IndicatorStatus, string> = {
  achieved: 'green',
  on_track: 'blue',
  at_risk: 'orange',
  off_track: 'red',
  no_data: '#8c8c8c',
  not_assessable: 'default',
};

/** The plan data stores attributes in Chinese; the UI labels them per language. */
export const ATTRIBUTE_LABELS: Record<Attribute, MessageKey> = {
  约束性: 'attribute.binding',
  预期性: 'attribute.expected',
  指导性: 'attribute.guiding',
};

export const ATTRIBUTE_COLORS: Record<Attribute, string> = {
  约束性: 'volcano',
  预期性: 'geekblue',
  指导性: 'cyan',
};

export const SEVERITY_COLORS: Record<DataQualityFinding['severity'], string> = {
  error: 'red',
  warning: 'orange',
  info: 'blue',
};
