/**
 * The issue's user journey in a real browser against the real server: a planner logs in (changing the
 * one-time password), opens 襄垣县's dashboard, enters a 2023 value with its source and submits it; an
 * approver approves it; the mid-term evaluation report is downloaded and its content checked.
 * Any console error or page error fails the test.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform } from './server-process.js';
import type { RunningPlatform } from './server-process.js';

const COUNTY = '140423';
const SOURCE = '襄垣县卫健委2023年统计年报';
const NEW_PASSWORDS: Record<string, string> = { planner: 'Xiangyuan#Plan2026', approver: 'Xiangyuan#Check2026' };

interface DashboardIndicator {
  id: string;
  name: string;
  source: 'table' | 'prose';
  unit: string | null;
}

describe('plan monitoring journey in the browser', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    platform = await startPlatform();
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  });

  afterAll(async () => {
    await browser.close();
    await platform.stop();
  });

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') {
        consoleErrors.push(`${page.url()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    return { context, page };
  }

  async function signInFirstTime(page: Page, username: string): Promise<void> {
    const password = platform.passwords.get(username);
    expect(password, `one-time password of ${username} printed at first start`).toBeTruthy();
    await page.goto(platform.baseUrl);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password!);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/change-password');
    await page.getByTestId('password-current').fill(password!);
    await page.getByTestId('password-new').fill(NEW_PASSWORDS[username]!);
    await page.getByTestId('password-confirm').fill(NEW_PASSWORDS[username]!);
    await page.getByTestId('password-submit').click();
    await page.waitForURL('**/counties/**');
  }

  /** antd puts a test id on the input itself or on its wrapper, depending on the component. */
  function inputOf(page: Page, testId: string): ReturnType<Page['locator']> {
    return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  }

  async function chooseOption(page: Page, testId: string, label: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
  }

  it('enters, approves and reports a 2023 value for 襄垣县', async () => {
    const planner = await newPage();
    await signInFirstTime(planner.page, 'planner');

    await planner.page.goto(`${platform.baseUrl}/counties/${COUNTY}/dashboard?year=2023`);
    await expect.poll(() => planner.page.getByTestId('county-select').innerText()).toContain('襄垣县');
    await planner.page.getByTestId('dashboard').waitFor();
    // The dashboard lists the plan's main table, row 1 of 襄垣县's table is 婴儿死亡率.
    const firstRow = planner.page.getByTestId(`indicator-row-${COUNTY}-T01`);
    await expect.poll(() => firstRow.innerText()).toContain('婴儿死亡率');
    expect(await firstRow.getByTestId('status-tag').getAttribute('data-status')).toBeTruthy();

    // Pick a table indicator with no 2023 value yet (the demo data leaves some open).
    const dashboard = (await (
      await planner.page.request.get(`${platform.baseUrl}/api/v1/counties/${COUNTY}/dashboard?year=2023`)
    ).json()) as { indicators: DashboardIndicator[] };
    const taken = (await (
      await planner.page.request.get(`${platform.baseUrl}/api/v1/counties/${COUNTY}/values?year=2023`)
    ).json()) as { indicatorId: string }[];
    const takenIds = new Set(taken.map((v) => v.indicatorId));
    const candidates = dashboard.indicators.filter((i) => !takenIds.has(i.id) && i.unit === '%');
    const open = candidates.find((i) => i.source === 'table') ?? candidates[0];
    expect(open, 'an indicator in % without a 2023 value').toBeDefined();

    await inputOf(planner.page, 'filter-text').fill(open!.name);
    await planner.page.getByTestId(`indicator-row-${open!.id}`).click();
    await planner.page.waitForURL(`**/indicators/${open!.id}**`);
    await expect.poll(() => planner.page.getByTestId('indicator-name').innerText()).toContain(open!.name);
    await chooseOption(planner.page, 'entry-year', '2023');
    await inputOf(planner.page, 'entry-value').fill('87.6');
    await planner.page.getByTestId('entry-source').fill(SOURCE);
    await planner.page.getByTestId('entry-submit').click();
    const enteredRow = planner.page.getByTestId('values-table').locator('tr', { hasText: SOURCE });
    await expect.poll(() => enteredRow.getByTestId('value-status-tag').getAttribute('data-status')).toBe('submitted');
    expect(await enteredRow.innerText()).toMatch(/^2023\t/u);
    await planner.context.close();

    const approver = await newPage();
    await signInFirstTime(approver.page, 'approver');
    await approver.page.goto(`${platform.baseUrl}/approvals`);
    const row = approver.page.getByTestId('approvals-table').locator('tr', { hasText: SOURCE });
    await row.waitFor();
    await row.locator('[data-testid^="approve-"]').click();
    await row.waitFor({ state: 'detached' });

    await approver.page.goto(`${platform.baseUrl}/indicators/${open!.id}`);
    const approvedRow = approver.page.getByTestId('values-table').locator('tr', { hasText: SOURCE });
    await expect.poll(() => approvedRow.getByTestId('value-status-tag').getAttribute('data-status')).toBe('approved');

    await approver.page.goto(`${platform.baseUrl}/counties/${COUNTY}/reports?year=2023`);
    await approver.page.getByTestId('report-kind').getByText('中期评估').click();
    const [download] = await Promise.all([
      approver.page.waitForEvent('download'),
      approver.page.getByTestId('report-docx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/u);
    const file = await readFile(await download.path());
    const zip = await JSZip.loadAsync(file);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/gu, '');
    expect(text).toContain('襄垣县');
    expect(text).toContain('中期评估报告');
    expect(text).toContain(open!.name);
    expect(text).toContain('87.6');
    await approver.context.close();

    expect(consoleErrors).toEqual([]);
  });
});
