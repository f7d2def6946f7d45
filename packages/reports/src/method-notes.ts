/** The method and provenance notes, worded once for the Word report and the Excel annex. */

export function trajectoryNote(periodStart: number): string {
  return (
    `各指标以${periodStart - 1}年基期值为起点、规划目标值为终点，按年等分得到每年的预期进度值，` +
    '用评估年度（无当年数值时用此前最近年份）的数值与目标值和预期进度值比较，判定状态。'
  );
}

export const GAP_NOTE = '与预期进度差距为实际值与预期进度值之差，以指标单位计，正数表示优于预期进度，负数表示落后。';

export const COMPUTED_NOTE =
  '与标准指标对应、可由平台登记数据（人口、出生、死亡、卫生资源登记）计算的指标，同时列出登记数据计算值、' +
  '计算时间、分子和分母，以及计算值与当年审核通过的填报值之差；当年没有审核通过的填报值时，以登记数据计算值评估，并注明“登记数据计算”。';

export const PROVENANCE_NOTE =
  '报告中的指标数值均为在县域卫生健康信息平台上填报、并经审核人审核通过的县级监测数据；' +
  '草稿、待审核和退回的数值不参与评估。基期值、目标值及属性取自规划文本。';
