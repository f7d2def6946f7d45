import { describe, expect, it } from 'vitest';
import { SELF_CARE_LEVELS, selfCareLevel } from './self-care.js';

describe('selfCareLevel', () => {
  it('maps the bounds of each band of the 老年人生活自理能力评估表', () => {
    expect([0, 3, 4, 8, 9, 18, 19, 37].map(selfCareLevel)).toEqual([
      'independent',
      'independent',
      'mild',
      'mild',
      'moderate',
      'moderate',
      'dependent',
      'dependent',
    ]);
    expect(SELF_CARE_LEVELS.map((level) => level.label)).toEqual(['可自理', '轻度依赖', '中度依赖', '不能自理']);
  });

  it('rejects scores the form cannot give', () => {
    expect(() => selfCareLevel(-1)).toThrow('生活自理能力评分 -1 无效（应为 0–37 的整数）');
    expect(() => selfCareLevel(38)).toThrow(RangeError);
    expect(() => selfCareLevel(3.5)).toThrow(RangeError);
  });
});
