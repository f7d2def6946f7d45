import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from './json-fields.js';
import { dataDirectory, listPlanFiles, readCatalog, readPlanFile } from './plan-files.js';
import { parsePlan } from './plan-shape.js';

function rawPlan(countyCode: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dataDirectory(), 'plans', `${countyCode}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

describe('plan files', () => {
  it('finds the repository data folder', () => {
    expect(existsSync(join(dataDirectory(), 'indicators', 'catalog.json'))).toBe(true);
  });

  it('lists the five county plans', () => {
    expect(listPlanFiles()).toEqual(['140423', '321323', '341302', '512022', '640221']);
  });

  it('reads and validates every plan, referring only to catalogue codes', () => {
    const catalogCodes = new Set(readCatalog().map((entry) => entry.code));
    for (const code of listPlanFiles()) {
      const plan = readPlanFile(code);
      expect(plan.countyCode).toBe(code);
      expect(plan.indicators.length).toBeGreaterThan(50);
      for (const indicator of plan.indicators) {
        if (indicator.standardCode !== null) {
          expect(catalogCodes, `${indicator.id} ${indicator.standardCode}`).toContain(indicator.standardCode);
        }
      }
    }
    const pingluo = readPlanFile('640221');
    expect(pingluo.countyName).toBe('平罗县');
    expect(pingluo.indicators[0]).toMatchObject({
      id: '640221-T01',
      name: '人均预期寿命',
      baseline: 76.46,
      targetValue: 78.2,
    });
  });

  it('reads the catalogue', () => {
    const catalog = readCatalog();
    expect(catalog.find((entry) => entry.code === 'INFANT_MORTALITY')).toEqual({
      code: 'INFANT_MORTALITY',
      name: '婴儿死亡率',
      unit: '‰',
      direction: 'down',
      kind: 'rate',
    });
  });

  it('names the file, the indicator and the field of a bad value', () => {
    const raw = rawPlan('640221');
    const indicators = raw['indicators'] as Record<string, unknown>[];
    indicators[3] = { ...indicators[3], comparator: 'about' };
    expect(() => parsePlan(raw, '640221.json')).toThrow(DataFileError);
    expect(() => parsePlan(raw, '640221.json')).toThrow(/640221\.json.*指标 640221-T04.*comparator/);

    indicators[3] = { ...indicators[3], comparator: 'gte', baseline: '76' };
    expect(() => parsePlan(raw, '640221.json')).toThrow(/指标 640221-T04 的字段 baseline 应为数字或 null/);
  });

  it('rejects duplicate ids, missing fields and a wrong county code', () => {
    const duplicate = rawPlan('341302');
    const indicators = duplicate['indicators'] as unknown[];
    indicators.push(indicators[0]);
    expect(() => parsePlan(duplicate, 'x.json')).toThrow(/指标 341302-T01 重复出现/);

    const missing = rawPlan('341302');
    const projects = missing['projects'] as Record<string, unknown>[];
    delete projects[1]?.['content'];
    expect(() => parsePlan(missing, 'x.json')).toThrow(/项目 341302-J02 的字段 content 应为非空字符串，实际为 缺失/);

    expect(() => readPlanFile('64022')).toThrow(DataFileError);
    expect(() => readPlanFile('000000')).toThrow(/无法读取数据文件/);
  });
});
