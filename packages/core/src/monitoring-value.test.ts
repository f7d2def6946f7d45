import { describe, expect, it } from 'vitest';
import { checkMonitoringValue } from './monitoring-value.js';

describe('checkMonitoringValue', () => {
  it('accepts possible values', () => {
    expect(checkMonitoringValue({ unit: '%', name: '居民健康素养水平' }, 100)).toBeNull();
    expect(checkMonitoringValue({ unit: '‰', name: '婴儿死亡率' }, 0)).toBeNull();
    expect(checkMonitoringValue({ unit: '岁', name: '人均预期寿命' }, 78.2)).toBeNull();
    expect(checkMonitoringValue({ unit: null, name: '医护比' }, 1.2)).toBeNull();
  });
  it('rejects what cannot be', () => {
    expect(checkMonitoringValue({ unit: '%', name: '孕产妇系统管理率' }, 100.5)).toContain('超过上限100');
    expect(checkMonitoringValue({ unit: '‰', name: '婴儿死亡率' }, 1200)).toContain('超过上限1000');
    expect(checkMonitoringValue({ unit: '1/10万', name: '孕产妇死亡率' }, 100_001)).toContain('100000');
    expect(checkMonitoringValue({ unit: '张', name: '每千人口床位数' }, -1)).toContain('不能为负数');
    expect(checkMonitoringValue({ unit: '%', name: '覆盖率' }, Number.NaN)).toBe('数值不是有效数字');
    expect(checkMonitoringValue({ unit: '人', name: '全科医生数' }, Number.POSITIVE_INFINITY)).toBe('数值不是有效数字');
  });
  it('lets growth rates be negative or above 100 %', () => {
    expect(checkMonitoringValue({ unit: '‰', name: '人口自然增长率' }, -1.5)).toBeNull();
    expect(checkMonitoringValue({ unit: '%', name: '健康服务业总规模年均增速' }, 120)).toBeNull();
  });
});
