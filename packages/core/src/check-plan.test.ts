import { describe, expect, it } from 'vitest';
import { checkPlan } from './check-plan.js';
import type { CountyPlan, PlanIndicator, StandardIndicator } from './plan.js';

const catalog: StandardIndicator[] = [
  { code: 'INFANT_MORTALITY', name: '婴儿死亡率', unit: '‰', direction: 'down', kind: 'rate' },
  { code: 'GP_PER_10000', name: '每万人口全科医生数', unit: '人', direction: 'up', kind: 'ratio' },
];

let nextLine = 100;
const indicator = (overrides: Partial<PlanIndicator>): PlanIndicator => ({
  id: `999999-T${nextLine}`,
  seq: null,
  name: '孕产妇系统管理率',
  domain: null,
  unit: '%',
  baseline: 90,
  baselineText: '90',
  baselineYear: 2020,
  target: '≥95',
  comparator: 'gte',
  targetValue: 95,
  targetYear: 2025,
  attribute: '预期性',
  source: 'table',
  line: nextLine++,
  quote: '≥95',
  standardCode: null,
  ...overrides,
});
const plan = (indicators: PlanIndicator[], projects: CountyPlan['projects'] = []): CountyPlan => ({
  countyCode: '999999',
  countyName: '测试县',
  title: '测试县卫生健康事业发展“十四五”规划',
  seedFile: 'test.txt',
  period: { start: 2021, end: 2025 },
  indicators,
  projects,
});
const kinds = (p: CountyPlan): string[] => checkPlan(p, catalog).map((f) => f.kind);

describe('checkPlan', () => {
  it('finds nothing in a clean plan', () => {
    expect(checkPlan(plan([indicator({})]), catalog)).toEqual([]);
  });

  it('warns of a missing table baseline, not a prose one', () => {
    const row = indicator({ baseline: null, baselineText: '—', baselineYear: null, line: 7 });
    const findings = checkPlan(plan([row, indicator({ baseline: null, source: 'prose' })]), catalog);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'missing_baseline', severity: 'warning', line: 7 });
    expect(findings[0]?.message).toContain('第7行');
  });

  it('warns of a target worse than the baseline, by direction', () => {
    const infant = indicator({
      name: '婴儿死亡率',
      unit: '‰',
      baseline: 1.52,
      target: '5 以内',
      comparator: 'within',
      targetValue: 5,
      standardCode: 'INFANT_MORTALITY',
    });
    expect(kinds(plan([infant]))).toEqual(['target_worse_than_baseline']);
    const doctors = indicator({
      name: '每万人口全科医生数',
      unit: '人',
      baseline: 3.6,
      target: '3.3',
      comparator: 'eq',
      targetValue: 3.3,
      standardCode: 'GP_PER_10000',
    });
    expect(kinds(plan([doctors]))).toEqual(['target_worse_than_baseline']);
    expect(kinds(plan([indicator({ baseline: 95 })]))).toEqual([]);
  });

  it('finds impossible values as errors', () => {
    const findings = checkPlan(plan([indicator({ baseline: 102, target: '≥105', targetValue: 105 })]), catalog);
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([
      ['implausible_value', 'error'],
      ['implausible_value', 'error'],
    ]);
  });

  it('does not check a relative number as a value', () => {
    const growth = indicator({
      unit: '%',
      baseline: 50,
      target: '增长150%',
      comparator: 'increase_pct',
      targetValue: 150,
    });
    expect(kinds(plan([growth]))).toEqual([]);
  });

  it('finds a per-1,000 name on a per-10,000 standard indicator and a rate without a unit', () => {
    const gp = indicator({
      name: '每千常住人口全科医生数',
      unit: '人',
      baseline: 2.8,
      target: '3.5',
      comparator: 'eq',
      targetValue: 3.5,
      standardCode: 'GP_PER_10000',
    });
    expect(checkPlan(plan([gp]), catalog).map((f) => [f.kind, f.severity])).toEqual([['implausible_unit', 'error']]);
    expect(kinds(plan([indicator({ unit: null })]))).toEqual(['implausible_unit']);
  });

  it('finds prose that contradicts the table by standard code or by name', () => {
    const row = indicator({
      name: '每万人口全科医生数',
      unit: '人',
      baseline: 1.7,
      target: '3.5',
      comparator: 'eq',
      targetValue: 3.5,
      standardCode: 'GP_PER_10000',
      line: 154,
    });
    const prose = indicator({
      id: '999999-P001',
      name: '每万名居民合格全科医生数',
      source: 'prose',
      baseline: null,
      target: '有2名',
      comparator: 'eq',
      targetValue: 2,
      standardCode: 'GP_PER_10000',
      line: 364,
    });
    const findings = checkPlan(plan([row, prose]), catalog).filter((f) => f.kind === 'contradicts_table');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      indicatorId: '999999-P001',
      severity: 'error',
      line: 364,
      relatedLines: [154],
    });

    const byName = indicator({
      id: '999999-P002',
      source: 'prose',
      target: '90%以上',
      comparator: 'gte',
      targetValue: 90,
    });
    expect(kinds(plan([indicator({}), byName]))).toEqual(['contradicts_table']);
  });

  it('accepts prose that restates the table in other words', () => {
    const restated = [
      indicator({ id: '999999-P001', source: 'prose', target: '达到95%', comparator: 'gte', targetValue: 95 }),
      indicator({ id: '999999-P002', source: 'prose', target: '提高', comparator: 'increase', targetValue: null }),
      indicator({ id: '999999-P003', source: 'prose', target: '95%以上', targetYear: 2035 }),
    ];
    expect(kinds(plan([indicator({ target: '95', comparator: 'eq' }), ...restated]))).toEqual([]);
    const smoke = { name: '吸烟率', baseline: 25, comparator: 'lte', targetValue: 20 } as const;
    const table = indicator({ ...smoke, target: '≤20' });
    const prose = indicator({
      ...smoke,
      id: '999999-P004',
      source: 'prose',
      target: '控制在20%以内',
      comparator: 'within',
    });
    expect(kinds(plan([table, prose]))).toEqual([]);
  });

  it('finds duplicate targets and duplicate ids', () => {
    const first = indicator({ id: '999999-P001', source: 'prose', line: 10 });
    const again = indicator({ id: '999999-P002', source: 'prose', line: 20 });
    const sameId = indicator({ id: '999999-P001', source: 'prose', name: '其他', line: 30 });
    const findings = checkPlan(plan([first, again, sameId]), catalog).filter((f) => f.kind === 'duplicate');
    expect(findings.map((f) => [f.indicatorId, f.severity, f.relatedLines])).toEqual([
      ['999999-P002', 'warning', [10]],
      ['999999-P001', 'error', [10]],
    ]);
  });

  it('reports a target its wording does not support', () => {
    const findings = checkPlan(plan([indicator({ target: '≥95', comparator: 'gte', targetValue: 96 })]), catalog);
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([['unparsed_target', 'info']]);
    expect(findings[0]?.message).toContain('不低于 95');
  });

  it('passes on transcriber notes of indicators and projects', () => {
    const project = {
      id: '999999-J01',
      name: '县医院迁建',
      column: null,
      content: '',
      investmentPlanned: 10000,
      fundingSources: [],
      responsibleUnit: null,
      period: null,
      line: 400,
      note: '投资额由亿元换算',
    };
    const findings = checkPlan(plan([indicator({ note: '单位存疑', line: 50 })], [project]), catalog);
    expect(findings.map((f) => [f.kind, f.severity, f.line, f.projectId])).toEqual([
      ['transcriber_note', 'info', 50, null],
      ['transcriber_note', 'info', 400, '999999-J01'],
    ]);
    expect(findings[1]?.message).toContain('投资额由亿元换算');
  });
});
