import { describe, expect, it } from 'vitest';
import { computedUnitFactor } from './computed-unit.js';

describe('computedUnitFactor', () => {
  it('links the same unit, however the plan spells it', () => {
    expect(computedUnitFactor('‰', '‰')).toBe(1);
    expect(computedUnitFactor('/10万', '1/10万')).toBe(1);
    expect(computedUnitFactor('1/10万', '1/10万')).toBe(1);
    expect(computedUnitFactor('岁', '岁')).toBe(1);
    expect(computedUnitFactor('人/万', '人/万')).toBe(1);
  });

  it('takes a count per population from the standard definition unless both units name the base', () => {
    // 每万人口全科医生数 "名", 每千人口托位数 "张", 每10万人口精神科医师数 "名/10万人".
    expect(computedUnitFactor('名', '人')).toBe(1);
    expect(computedUnitFactor('张', '个')).toBe(1);
    expect(computedUnitFactor('名/10万人', '人')).toBe(1);
    expect(computedUnitFactor('人/10万', '人/万')).toBe(10);
  });

  it('converts a rate stated at another scale', () => {
    expect(computedUnitFactor('‰', '1/10万')).toBe(0.01);
    expect(computedUnitFactor('1/10万', '‰')).toBe(100);
    expect(computedUnitFactor('%', '‰')).toBe(0.1);
  });

  it('takes the standard unit when the plan states none', () => {
    expect(computedUnitFactor(null, '岁')).toBe(1);
    expect(computedUnitFactor('', '%')).toBe(1);
  });

  it('refuses units that measure something else', () => {
    expect(computedUnitFactor('%', '岁')).toBeNull();
    expect(computedUnitFactor('个', '%')).toBeNull();
    expect(computedUnitFactor('百分点', '%')).toBeNull();
    expect(computedUnitFactor('%', '')).toBeNull();
    expect(computedUnitFactor('元', '人')).toBeNull();
  });
});
