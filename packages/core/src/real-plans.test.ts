/** The engine run over the five transcribed county plans in data/plans. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPlan } from './check-plan.js';
import { parseTarget } from './parse-target.js';
import type { CountyPlan, StandardIndicator } from './plan.js';

const data = new URL('../../../data/', import.meta.url);
const plans = readdirSync(new URL('plans/', data))
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(new URL(`plans/${file}`, data), 'utf8')) as CountyPlan);
const catalog = JSON.parse(readFileSync(new URL('indicators/catalog.json', data), 'utf8')) as StandardIndicator[];
const indicators = plans.flatMap((p) => p.indicators);

/**
 * Targets the transcriber read from the sentence around the quoted words, not from the words alone. These
 * are the only disagreements; each is reported by checkPlan as an `unparsed_target` finding.
 */
const JUDGEMENT_CALLS: Record<string, string> = {
  '140423-P002': '“打造15分钟健身圈”读作15分钟以内',
  '140423-P025': '“100人以上”是建站条件，不是目标',
  '321323-P007': '“每1000-1500人”设一个采样点，取上限1500',
  '321323-P008': '“满足…运转30天”读作至少30天',
  '321323-P015': '“24小时改造到位”读作24小时以内',
  '321323-P086': '“四级水平”读作不低于4级',
  '321323-P089': '“三级等保”读作不低于三级',
  '341302-P014': '“千人口3.4个”读作不少于3.4个',
  '512022-P030': '“所有”读作100%',
  '512022-P042': '“均能提供”读作100%',
  '512022-P049': '“分别达到…90%”：“达到”在句首',
  '512022-P050': '“分别达到…70%”：“达到”在句首',
  '512022-P066': '“分别达到90%”：“达到”在句首',
  '512022-P067': '“分别达到70%”：“达到”在句首',
  '512022-P078': '“全覆盖”读作100%',
  '512022-P083': '“覆盖所有”读作100%',
  '512022-P087': '“分别不低于90%、80%”：“不低于”在句首',
  '512022-P088': '“分别不低于90%、80%、60%”：“不低于”在句首',
  '640221-P054': '“实现3名”读作至少3名',
  '640221-P068': '“四级乙等及以上”读作不低于，但无数字',
};

describe('parseTarget on the transcribed plans', () => {
  it('covers all five plans', () => {
    expect(plans.map((p) => p.countyCode).sort()).toEqual(['140423', '321323', '341302', '512022', '640221']);
    expect(indicators.length).toBeGreaterThan(400);
  });

  it('agrees with the transcription except for the listed judgement calls', () => {
    const disagreements = indicators
      .filter((i) => {
        const parsed = parseTarget(i.target);
        return parsed.comparator !== i.comparator || parsed.targetValue !== i.targetValue;
      })
      .map((i) => i.id);
    expect(disagreements.sort()).toEqual(Object.keys(JUDGEMENT_CALLS).sort());
  });

  it('agrees on every table row', () => {
    for (const row of indicators.filter((i) => i.source === 'table')) {
      expect(parseTarget(row.target), `${row.id} “${row.target}”`).toEqual({
        comparator: row.comparator,
        targetValue: row.targetValue,
      });
    }
  });
});

describe('checkPlan on the transcribed plans', () => {
  const findings = plans.flatMap((p) => checkPlan(p, catalog));
  const find = (indicatorId: string, kind: string): (typeof findings)[number] | undefined =>
    findings.find((f) => f.indicatorId === indicatorId && f.kind === kind);

  it('finds 襄垣 infant mortality target 5以内 worse than the baseline 1.52', () => {
    const finding = find('140423-T01', 'target_worse_than_baseline');
    expect(finding).toMatchObject({ countyCode: '140423', severity: 'warning', line: 130 });
    expect(finding?.message).toContain('第130行');
  });

  it('finds 襄垣 prose contradicting the table (全科医生 2 vs 3.5, 托位 4.5 vs 4)', () => {
    expect(find('140423-P048', 'contradicts_table')).toMatchObject({
      severity: 'error',
      line: 364,
      relatedLines: [154],
    });
    expect(find('140423-P042', 'contradicts_table')).toMatchObject({
      severity: 'error',
      line: 326,
      relatedLines: [159],
    });
  });

  it('finds 乐至 每千常住人口全科医生数 on the per-10,000 scale', () => {
    expect(find('512022-T14', 'implausible_unit')).toMatchObject({ severity: 'error', line: 197 });
  });

  it('finds other known contradictions', () => {
    expect(find('512022-P059', 'contradicts_table')?.relatedLines).toEqual([145]);
    expect(find('341302-P007', 'contradicts_table')?.relatedLines).toEqual([90]);
    expect(find('640221-P065', 'contradicts_table')?.relatedLines).toEqual([425]);
    expect(find('321323-P076', 'contradicts_table')?.relatedLines).toEqual([193]);
  });

  it('leaves consistent restatements alone', () => {
    for (const id of ['640221-P019', '640221-P064', '341302-P009', '512022-P002', '640221-P054']) {
      expect(find(id, 'contradicts_table'), id).toBeUndefined();
    }
  });

  it('finds missing baselines, units, duplicates and worse targets', () => {
    expect(find('341302-T05', 'missing_baseline')).toMatchObject({ severity: 'warning', line: 83 });
    expect(find('140423-T07', 'implausible_unit')).toMatchObject({ severity: 'warning' });
    expect(find('321323-P055', 'duplicate')?.relatedLines).toEqual([277]);
    expect(find('640221-T20', 'target_worse_than_baseline')).toBeDefined();
    expect(find('341302-T09', 'target_worse_than_baseline')).toBeDefined();
  });

  it('reports each judgement call and each transcriber note', () => {
    const unparsed = findings.filter((f) => f.kind === 'unparsed_target').map((f) => f.indicatorId);
    expect(unparsed.sort()).toEqual(Object.keys(JUDGEMENT_CALLS).sort());
    const notes = findings.filter((f) => f.kind === 'transcriber_note');
    const noted = [...indicators, ...plans.flatMap((p) => p.projects)].filter((x) => x.note !== undefined);
    expect(notes).toHaveLength(noted.length);
  });

  it('finds no impossible values in the plans as transcribed', () => {
    expect(findings.filter((f) => f.kind === 'implausible_value')).toEqual([]);
  });
});
