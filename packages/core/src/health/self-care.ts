/**
 * 老年人生活自理能力评估表 (规范 第三版, 附件): five items — 进餐 (0–5), 梳洗 (0–7), 穿衣 (0–5), 如厕 (0–10),
 * 活动 (0–10) — summed to 0–37; the higher the score, the more help the person needs.
 */
export const SELF_CARE_SCORE_MAX = 37;

export const SELF_CARE_LEVELS = [
  { code: 'independent', label: '可自理', min: 0, max: 3 },
  { code: 'mild', label: '轻度依赖', min: 4, max: 8 },
  { code: 'moderate', label: '中度依赖', min: 9, max: 18 },
  { code: 'dependent', label: '不能自理', min: 19, max: SELF_CARE_SCORE_MAX },
] as const;
export type SelfCareLevel = (typeof SELF_CARE_LEVELS)[number]['code'];

/** The level of a total score: 0–3 可自理, 4–8 轻度依赖, 9–18 中度依赖, ≥ 19 不能自理. */
export function selfCareLevel(score: number): SelfCareLevel {
  const level = SELF_CARE_LEVELS.find((item) => Number.isInteger(score) && score >= item.min && score <= item.max);
  if (level === undefined) {
    throw new RangeError(`生活自理能力评分 ${score} 无效（应为 0–${SELF_CARE_SCORE_MAX} 的整数）`);
  }
  return level.code;
}
