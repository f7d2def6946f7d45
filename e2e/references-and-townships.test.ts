/**
 * Regional reference values and township values in a real browser against the real server: the planner
 * signs in (changing the one-time password), enters 平罗县's 2024 全区平均水平 for 人均预期寿命 (the
 * "达到全区平均水平" target 640221-P002) and sees the evaluation take it as the target; then enters a 2024
 * draft for the township 城关镇 on 640221-T01, sees it in the values table marked as a township value, and
 * sees the entry form prefill from the chosen org unit's draft. Any console error or page error fails.
 */
import type { MonitoringValue } from '@chp/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, inputOf, openBrowserSession } from './browser-session.js';
import type { BrowserSession } from './browser-session.js';

const COUNTY = '640221';
const TOWNSHIP = { code: '640221100', name: '城关镇' };
const REFERENCE = { value: '77.0', source: '宁夏回族自治区2024年卫生健康统计公报' };
const TOWNSHIP_VALUE = { value: '76.9', source: '城关镇卫生院2024年人口死亡监测报表' };

describe('regional references and township values in the browser', () => {
  let session: BrowserSession;
  let planner: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    session = await openBrowserSession();
    planner = await session.newPage();
    await session.signInFirstTime(planner.page, 'planner', 'Pingluo#Plan2026');
  });

  afterAll(async () => {
    await session.close();
  });

  it('enters a 2024 全区平均水平 and evaluates the target against it', async () => {
    const { page } = planner;
    await page.goto(`${session.platform.baseUrl}/indicators/${COUNTY}-P002`);
    await expect.poll(() => page.getByTestId('indicator-target').innerText()).toBe('达到全区平均水平');
    const card = page.getByTestId('reference-card');
    await expect.poll(() => card.innerText()).toContain('参照值（全区/全省平均水平）');
    // Nothing to measure against yet: the 2024 target is unresolved.
    await expect.poll(() => page.getByTestId('resolved-target-2024').innerText()).toBe('—');

    await chooseOption(page, 'reference-year', '2024');
    await inputOf(page, 'reference-value').fill(REFERENCE.value);
    await page.getByTestId('reference-source').fill(REFERENCE.source);
    await page.getByTestId('reference-save').click();

    const row = page.getByTestId('reference-table').locator('tr', { hasText: REFERENCE.source });
    await expect.poll(() => row.innerText()).toMatch(/^2024\t77岁\t/u);
    await expect.poll(() => page.getByTestId('resolved-target-2024').innerText()).toBe('77');
    // The reference in force for 2025 is 2024's until a newer one is entered.
    expect(await page.getByTestId('resolved-target-2025').innerText()).toBe('77');
  });

  it('enters a 2024 draft for the township 城关镇 and prefills from the chosen org unit', async () => {
    const { page } = planner;
    await page.goto(`${session.platform.baseUrl}/indicators/${COUNTY}-T01`);
    await expect.poll(() => page.getByTestId('indicator-name').innerText()).toContain('人均预期寿命');
    // The form starts on the county.
    await expect.poll(() => page.getByTestId('entry-org-unit').innerText()).toContain('平罗县（全县）');

    await chooseOption(page, 'entry-org-unit', TOWNSHIP.name);
    await chooseOption(page, 'entry-year', '2024');
    await inputOf(page, 'entry-value').fill(TOWNSHIP_VALUE.value);
    await page.getByTestId('entry-source').fill(TOWNSHIP_VALUE.source);
    await page.getByTestId('entry-save-draft').click();

    const row = page.getByTestId('values-table').locator('tr', { hasText: TOWNSHIP_VALUE.source });
    await expect.poll(() => row.getByTestId('value-status-tag').getAttribute('data-status')).toBe('draft');
    expect(await row.getByTestId('value-org-unit').getAttribute('data-org-unit')).toBe(TOWNSHIP.code);
    expect(await row.innerText()).toMatch(/^2024\s+乡镇\s+城关镇\s+76\.9\s/u);
    // The county's own values come first, the townships' after them.
    const units = await page
      .getByTestId('values-table')
      .getByTestId('value-org-unit')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-org-unit')));
    expect(units.at(-1)).toBe(TOWNSHIP.code);
    expect(units.slice(0, -1).every((code) => code === COUNTY)).toBe(true);

    // The server stored it under the township, not the county.
    const saved = (await (
      await page.request.get(`${session.platform.baseUrl}/api/v1/counties/${COUNTY}/values?year=2024`)
    ).json()) as MonitoringValue[];
    const township = saved.find((v) => v.sourceDocument === TOWNSHIP_VALUE.source);
    expect(township).toMatchObject({ indicatorId: `${COUNTY}-T01`, orgUnitCode: TOWNSHIP.code, value: 76.9 });

    // Switching to the county prefills the county's own 2024 draft (if any), not the township's.
    const countyDraft = saved.find(
      (v) =>
        v.indicatorId === `${COUNTY}-T01` &&
        v.orgUnitCode === COUNTY &&
        (v.status === 'draft' || v.status === 'returned')
    );
    await chooseOption(page, 'entry-org-unit', '平罗县（全县）');
    await expect
      .poll(() => inputOf(page, 'entry-value').inputValue())
      .toBe(countyDraft ? String(countyDraft.value) : '');
    await chooseOption(page, 'entry-org-unit', TOWNSHIP.name);
    await expect.poll(() => inputOf(page, 'entry-value').inputValue()).toBe(TOWNSHIP_VALUE.value);
    expect(await page.getByTestId('entry-source').inputValue()).toBe(TOWNSHIP_VALUE.source);

    expect(session.consoleErrors).toEqual([]);
  });
});
