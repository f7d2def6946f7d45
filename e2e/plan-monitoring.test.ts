/**
 * The issue's user journey in a real browser against the real server: a planner logs in (changing the
 * one-time password), opens 襄垣县's dashboard, enters a 2023 value with its source and submits it; an
 * approver approves it; the mid-term evaluation report is downloaded and its content checked.
 * Any console error or page error fails the test.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, inputOf, openBrowserSession } from './browser-session.js';
import type { BrowserSession } from './browser-session.js';

const COUNTY = '140423';
const SOURCE = '襄垣县卫健委2023年统计年报';
const NEW_PASSWORDS = { planner: 'Xiangyuan#Plan2026', approver: 'Xiangyuan#Check2026' };

interface DashboardIndicator {
  id: string;
  name: string;
  source: 'table' | 'prose';
  unit: string | null;
}

describe('plan monitoring journey in the browser', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowserSession();
  });

  afterAll(async () => {
    await session.close();
  });

  it('enters, approves and reports a 2023 value for 襄垣县', async () => {
    const planner = await session.newPage();
    await session.signInFirstTime(planner.page, 'planner', NEW_PASSWORDS.planner);

    await planner.page.goto(`${session.platform.baseUrl}/counties/${COUNTY}/dashboard?year=2023`);
    await expect.poll(() => planner.page.getByTestId('county-select').innerText()).toContain('襄垣县');
    await planner.page.getByTestId('dashboard').waitFor();
    // The dashboard lists the plan's main table, row 1 of 襄垣县's table is 婴儿死亡率.
    const firstRow = planner.page.getByTestId(`indicator-row-${COUNTY}-T01`);
    await expect.poll(() => firstRow.innerText()).toContain('婴儿死亡率');
    expect(await firstRow.getByTestId('status-tag').getAttribute('data-status')).toBeTruthy();

    // Pick a table indicator with no 2023 value yet (the demo data leaves some open).
    const dashboard = (await (
      await planner.page.request.get(`${session.platform.baseUrl}/api/v1/counties/${COUNTY}/dashboard?year=2023`)
    ).json()) as { indicators: DashboardIndicator[] };
    const taken = (await (
      await planner.page.request.get(`${session.platform.baseUrl}/api/v1/counties/${COUNTY}/values?year=2023`)
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

    const approver = await session.newPage();
    await session.signInFirstTime(approver.page, 'approver', NEW_PASSWORDS.approver);
    await approver.page.goto(`${session.platform.baseUrl}/approvals`);
    const row = approver.page.getByTestId('approvals-table').locator('tr', { hasText: SOURCE });
    await row.waitFor();
    await row.locator('[data-testid^="approve-"]').click();
    await row.waitFor({ state: 'detached' });

    await approver.page.goto(`${session.platform.baseUrl}/indicators/${open!.id}`);
    const approvedRow = approver.page.getByTestId('values-table').locator('tr', { hasText: SOURCE });
    await expect.poll(() => approvedRow.getByTestId('value-status-tag').getAttribute('data-status')).toBe('approved');

    await approver.page.goto(`${session.platform.baseUrl}/counties/${COUNTY}/reports?year=2023`);
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

    expect(session.consoleErrors).toEqual([]);
  });
});
