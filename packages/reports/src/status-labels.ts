import type { FindingKind, IndicatorStatus, ProjectStatus } from '@chp/core';

/** Chinese labels of indicator statuses, as every report and screen shows them. */
export const STATUS_LABELS: Record<IndicatorStatus, string> = {
  achieved: '已完成/达到目标',
  on_track: '进展顺利',
  at_risk: '存在风险',
  off_track: '严重滞后',
  no_data: '无数据',
  not_assessable: '无法评估',
};

/** What each status means, for the method note (说明) of the reports. */
export const STATUS_RULES: Record<IndicatorStatus, string> = {
  achieved: '评估年度的数值已达到规划目标值（按目标的比较方式判断，如≥、≤、以内、左右）。',
  on_track: '尚未达到目标，但数值达到或优于从基期值到目标值按年等分的预期进度。',
  at_risk: '数值落后于预期进度，但差距尚在允许范围内，按现有趋势有可能无法按期完成。',
  off_track: '数值明显落后于预期进度，或变化方向与目标相反，按现有趋势无法按期完成。',
  no_data: '评估年度及之前年份均没有审核通过的县级数值。',
  not_assessable: '目标为定性表述、缺少基期值或目标值，无法按数值判断进度。',
};

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  not_started: '未开工',
  in_progress: '实施中',
  completed: '已完成',
  delayed: '进度滞后',
  suspended: '暂停',
};

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  missing_baseline: '缺少基期值',
  target_worse_than_baseline: '目标劣于基期值',
  contradicts_table: '正文与指标表不一致',
  implausible_unit: '单位存疑',
  implausible_value: '数值存疑',
  duplicate: '重复指标',
  unparsed_target: '目标无法解析',
  transcriber_note: '录入说明',
};

export const SEVERITY_LABELS: Record<'error' | 'warning' | 'info', string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};
