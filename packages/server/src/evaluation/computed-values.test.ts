import type {
  ComputedIndicatorResponse,
  DashboardResponse,
  IndicatorDetailResponse,
  IndicatorSummary,
  MonitoringValue,
} from '@chp/core';
import {
  CHENGGUAN,
  FIXTURE_COUNTY,
  FIXTURE_YEAR,
  HUANGQUQIAO,
  loadIndicatorFixture,
  openTestDatabase,
  schema,
  testDatabaseKinds,
} from '@chp/db';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login } from '../test-support.js';
import type { TestApp } from '../test-support.js';
import { ComputedCache } from './computed-values.js';
import type { RegisterComputation } from './computed-values.js';

// 平罗县's plan indicators and what the registers of loadIndicatorFixture give for them in 2023, by hand:
// 421 births in the county (400 in 城关镇, 20 in 黄渠桥镇, 1 at county level), 2 infant deaths (城关镇),
// 1 maternal death.
const LIFE_EXPECTANCY = '640221-T01';
const MATERNAL_MORTALITY = '640221-T03';
const INFANT_MORTALITY = '640221-T04';
const COUNTY_INFANT_MORTALITY = (2 / 421) * 1000;

interface Bundle {
  entry: { resource: { subject: { identifier: { value: string } }; group: Record<string, unknown>[] } }[];
}

describe.each(testDatabaseKinds())('plan indicators computed from the registers on %s', (kind) => {
  let t: TestApp;
  let planner: string;
  let approver: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await loadIndicatorFixture(t.database.db);
    // The plan states 孕产妇死亡率 in ‰ (a scale of 1/10万) and 人均预期寿命 in % (not a scale of 岁).
    const { indicator } = schema;
    await t.database.db.update(indicator).set({ unit: '‰' }).where(eq(indicator.id, MATERNAL_MORTALITY));
    await t.database.db.update(indicator).set({ unit: '%' }).where(eq(indicator.id, LIFE_EXPECTANCY));
    [planner, approver] = await Promise.all([login(t.app, 'planner'), login(t.app, 'approver')]);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string) => t.app.inject({ url, headers: { cookie: planner } });
  const dashboard = async (): Promise<Map<string, IndicatorSummary>> => {
    const response = await get(`/api/v1/counties/${FIXTURE_COUNTY}/dashboard?year=${FIXTURE_YEAR}`);
    return new Map(response.json<DashboardResponse>().indicators.map((i) => [i.id, i]));
  };
  const approve = async (indicatorId: string, orgUnitCode: string, value: number): Promise<void> => {
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/values',
      headers: { cookie: planner },
      payload: { indicatorId, orgUnitCode, year: FIXTURE_YEAR, value, submit: true },
    });
    const { id } = saved.json<MonitoringValue>();
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/values/${id}/approve`,
      headers: { cookie: approver },
    });
    expect(approved.statusCode).toBe(200);
  };

  it('links plan indicators by standard code and evaluates the computed value when none was entered', async () => {
    const before = Date.now();
    const indicators = await dashboard();
    const infant = indicators.get(INFANT_MORTALITY)!;
    expect(infant.computed).toMatchObject({
      numerator: 2,
      denominator: 421,
      unit: '‰',
      orgUnit: FIXTURE_COUNTY,
      orgUnitName: '平罗县',
      difference: null,
    });
    expect(infant.computed?.value).toBeCloseTo(COUNTY_INFANT_MORTALITY, 9);
    expect(Date.parse(infant.computed!.computedAt)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(infant.computed!.computedAt)).toBeGreaterThan(before - 60_000);
    expect(infant.evaluation).toMatchObject({ valueSource: 'computed', valueYear: FIXTURE_YEAR });
    expect(infant.evaluation.value).toBeCloseTo(COUNTY_INFANT_MORTALITY, 9);
    expect(infant.evaluation.reason).toContain('2023年登记数据计算值4.7506‰');

    // 1 per 421 births is 237.5 per 100 000, stated by this plan in ‰.
    const maternal = indicators.get(MATERNAL_MORTALITY)!;
    expect(maternal.computed).toMatchObject({ numerator: 1, denominator: 421, unit: '‰' });
    expect(maternal.computed?.value).toBeCloseTo((1 / 421) * 1000, 9);

    // % is no scale of 岁: not linked, nothing computed, nothing to evaluate.
    expect(indicators.get(LIFE_EXPECTANCY)?.computed).toBeUndefined();
    expect(indicators.get(LIFE_EXPECTANCY)?.evaluation).toMatchObject({ status: 'no_data', valueSource: null });
    // The other plan indicator of 人均预期寿命 states 岁 and is linked, with its confidence interval.
    const lifeExpectancy = indicators.get('640221-P002')?.computed;
    expect(lifeExpectancy?.unit).toBe('岁');
    expect(lifeExpectancy?.ciLower).toBeLessThan(lifeExpectancy!.value!);
    // No standard code the registers compute: not linked.
    expect(indicators.get('640221-T08')?.computed).toBeUndefined();
  });

  it('keeps an approved entered value evaluated, with the difference, for the county and each township', async () => {
    await approve(INFANT_MORTALITY, FIXTURE_COUNTY, 4);
    await approve(INFANT_MORTALITY, CHENGGUAN, 4.5);

    const infant = (await dashboard()).get(INFANT_MORTALITY)!;
    expect(infant.evaluation).toMatchObject({ valueSource: 'entered', value: 4, valueYear: FIXTURE_YEAR });
    expect(infant.computed?.difference).toBeCloseTo(COUNTY_INFANT_MORTALITY - 4, 9);

    const detail = (
      await get(`/api/v1/indicators/${INFANT_MORTALITY}?year=${FIXTURE_YEAR}`)
    ).json<IndicatorDetailResponse>();
    expect(detail.indicator.computed?.difference).toBeCloseTo(COUNTY_INFANT_MORTALITY - 4, 9);
    const township = (code: string): unknown => detail.computedTownships.find((c) => c.orgUnit === code);
    expect(township(CHENGGUAN)).toMatchObject({ value: 5, numerator: 2, denominator: 400, difference: 0.5 });
    expect(township(HUANGQUQIAO)).toMatchObject({ value: 0, numerator: 0, denominator: 20, difference: null });
    // Townships without registers are listed, not computable.
    expect(detail.computedTownships.filter((c) => c.value === null).length).toBeGreaterThan(0);
    const byYear = new Map(detail.evaluations.map((e) => [e.year, e]));
    expect(byYear.get(2023)).toMatchObject({ valueSource: 'entered', value: 4 });
    // 2022: nothing entered, so the registers' 2022 value is evaluated.
    const computed2022 = (await get(`/api/v1/counties/${FIXTURE_COUNTY}/computed-indicators?year=2022`))
      .json<ComputedIndicatorResponse[]>()
      .find((c) => c.orgUnit === FIXTURE_COUNTY && c.code === 'INFANT_MORTALITY')?.value;
    expect(typeof computed2022).toBe('number');
    expect(byYear.get(2022)).toMatchObject({ valueSource: 'computed', value: computed2022, valueYear: 2022 });
    // 2024: the registers hold nothing, so the 2023 entered value is carried forward.
    expect(byYear.get(2024)).toMatchObject({ valueSource: 'entered', value: 4, valueYear: 2023 });
  });

  it('adds the computed score with numerator and denominator counts to the FHIR MeasureReport', async () => {
    const bundle = (await get(`/fhir/MeasureReport?measure=Measure/${INFANT_MORTALITY}&period=2023`)).json<Bundle>();
    const bySubject = new Map(bundle.entry.map((e) => [e.resource.subject.identifier.value, e.resource.group]));
    const population = (numerator: number, denominator: number): object[] => [
      { code: { coding: [{ code: 'numerator' }] }, count: numerator },
      { code: { coding: [{ code: 'denominator' }] }, count: denominator },
    ];
    const [entered, computed, ...rest] = bySubject.get(FIXTURE_COUNTY) ?? [];
    expect(rest).toEqual([]);
    expect(entered).toEqual({ measureScore: { value: 4, unit: '‰' } });
    expect(computed).toMatchObject({
      code: { coding: [{ system: 'urn:chp:value-source', code: 'computed' }] },
      population: population(2, 421),
      measureScore: { unit: '‰' },
    });
    expect((computed?.['measureScore'] as { value: number }).value).toBeCloseTo(COUNTY_INFANT_MORTALITY, 9);
    expect(bySubject.get(CHENGGUAN)?.[1]).toMatchObject({ population: population(2, 400), measureScore: { value: 5 } });
  });

  it('writes the computed value, its provenance and the difference into the Word report and the Excel annex', async () => {
    const xlsx = await get(`/api/v1/counties/${FIXTURE_COUNTY}/reports/annual?year=${FIXTURE_YEAR}&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('指标监测')!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const rowOf = (id: string): ExcelJS.Row =>
      sheet.getRow([...Array(sheet.rowCount).keys()].find((r) => sheet.getCell(r + 1, 1).value === id)! + 1);
    const cell = (row: ExcelJS.Row, header: string): unknown => row.getCell(headers.indexOf(header)).value;
    const infant = rowOf(INFANT_MORTALITY);
    expect(cell(infant, '2023年')).toBe(4);
    expect(cell(infant, '2023年登记数据计算值')).toBeCloseTo(COUNTY_INFANT_MORTALITY, 9);
    expect(cell(infant, '计算值与填报值之差')).toBeCloseTo(COUNTY_INFANT_MORTALITY - 4, 9);
    expect(cell(infant, '计算依据')).toMatch(/^由登记数据计算（\d{4}年\d{1,2}月\d{1,2}日）：分子2 \/ 分母421$/);
    expect(cell(rowOf(MATERNAL_MORTALITY), '2023年状态')).not.toBe('无数据');
    expect(cell(rowOf(LIFE_EXPECTANCY), '计算依据')).toBeNull();

    const docx = await get(`/api/v1/counties/${FIXTURE_COUNTY}/reports/annual?year=${FIXTURE_YEAR}&format=docx`);
    const text = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(text).toContain('登记数据计算值与填报值对照');
    expect(text).toContain('分子2 / 分母421');
    expect(text).toContain('（登记数据计算）');
  });
});

describe('ComputedCache', () => {
  const births = (c: RegisterComputation): number | null | undefined =>
    c.indicators.find((i) => i.orgUnit === FIXTURE_COUNTY && i.code === 'INFANT_MORTALITY')?.denominator;

  it('reads the registers again after its TTL, serving the figures held meanwhile', async () => {
    const database = await openTestDatabase('pglite');
    const { db } = database;
    try {
      await loadIndicatorFixture(db);
      const cache = new ComputedCache(db, 0);
      const first = await cache.get(FIXTURE_COUNTY, FIXTURE_YEAR);
      expect(births(first)).toBe(421);
      await db.insert(schema.liveBirth).values({
        countyCode: FIXTURE_COUNTY,
        orgUnitCode: CHENGGUAN,
        birthDate: '2023-07-01',
        sex: '1',
        sourceRef: 'B-LATE',
      });
      // The request that finds the TTL passed is answered from what is held; a later one gets the new figures.
      expect(await cache.get(FIXTURE_COUNTY, FIXTURE_YEAR)).toBe(first);
      await expect.poll(async () => births(await cache.get(FIXTURE_COUNTY, FIXTURE_YEAR))).toBe(422);
      const second = await cache.get(FIXTURE_COUNTY, FIXTURE_YEAR);
      expect(second.computedAt > first.computedAt).toBe(true);
      // Read again with nothing changed: the same figures, with the time they were first read.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await cache.get(FIXTURE_COUNTY, FIXTURE_YEAR)).toBe(second);

      // Within the TTL, the same computation is reused whatever the registers hold.
      const kept = new ComputedCache(db, 60_000);
      const once = await kept.get(FIXTURE_COUNTY, FIXTURE_YEAR);
      await db.delete(schema.liveBirth).where(eq(schema.liveBirth.sourceRef, 'B-LATE'));
      expect(await kept.get(FIXTURE_COUNTY, FIXTURE_YEAR)).toBe(once);
      // An import in this process forgets the county's figures: the next request reads the registers.
      kept.invalidate(FIXTURE_COUNTY);
      expect(births(await kept.get(FIXTURE_COUNTY, FIXTURE_YEAR))).toBe(421);
    } finally {
      await database.destroy();
    }
  });
});
