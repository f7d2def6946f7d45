/**
 * Family doctors and programmes in a real browser against the demo's 平罗县 residents: the administrator opens
 * 公卫项目看板 and sees a service indicator charted by township, opens 家庭医生团队 and a team's panel of
 * contracted residents, then 家庭医生签约, filters the expiry reminders and terminates one contract, which
 * leaves the reminders and reads 已解约, and tries to sign a resident still under contract, seeing the
 * server's reason. Any other console error or page error fails.
 */
import type { ContractList } from '@chp/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, openBrowserSession } from './browser-session.js';
import type { BrowserSession } from './browser-session.js';

const COUNTY = '640221';
/** The demo's residents make the family-doctor and programme reads take seconds on a shared machine. */
const SLOW = { timeout: 60_000 };

describe('family doctors and programme dashboards in the browser', () => {
  let session: BrowserSession;
  let admin: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    session = await openBrowserSession();
    admin = await session.newPage();
    await session.signInFirstTime(admin.page, 'admin', 'Platform#Chief2026');
  });

  afterAll(async () => {
    await session.close();
  });

  const contracts = async (query: string): Promise<ContractList> => {
    const url = `${session.platform.baseUrl}/api/v1/counties/${COUNTY}/family-doctor/contracts?${query}`;
    const response = await admin.page.request.get(url);
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()) as ContractList;
  };

  it('charts a programme indicator by township and lists the township summary', async () => {
    const { page } = admin;
    await page.goto(`${session.platform.baseUrl}/counties/${COUNTY}/dashboard`);
    await page.getByTestId('menu-programs').click();
    await page.waitForURL(`**/counties/${COUNTY}/programs**`);
    await page.getByTestId('program-select').getByText('高血压').click();
    const card = page.getByTestId('program-indicator-HYPERTENSION_STD_MGMT');
    await expect.poll(() => card.locator('canvas').count(), SLOW).toBe(1);
    await expect.poll(() => card.locator('tbody tr').count(), SLOW).toBeGreaterThan(5);
    expect(await card.innerText()).toContain('分母');

    await chooseOption(page, 'program-summary-township', '城关镇');
    const summary = page.getByTestId('program-summary-table');
    await expect.poll(() => summary.locator('tbody tr').count(), SLOW).toBeGreaterThan(0);
    expect(await summary.innerText()).toContain('高血压');
    expect(session.consoleErrors).toEqual([]);
  });

  it('opens a team and its panel of contracted residents', async () => {
    const { page } = admin;
    await page.getByTestId('menu-teams').click();
    await page.waitForURL(`**/counties/${COUNTY}/teams**`);
    const teams = page.getByTestId('teams-table').locator('tbody tr');
    await expect.poll(() => teams.count(), SLOW).toBeGreaterThan(0);
    expect(await teams.first().innerText()).toMatch(/团队长|全科医生|乡村医生/u);
    await page.getByTestId('team-open-panel').first().click();
    const panel = page.getByTestId('team-panel');
    await expect.poll(() => panel.count(), SLOW).toBe(1);
    await expect.poll(() => panel.getByTestId('team-panel-table').innerText(), SLOW).toContain('合同到期');
    expect(session.consoleErrors).toEqual([]);
  });

  it('filters the expiry reminders, terminates one contract and shows why a signing is refused', async () => {
    const { page } = admin;
    // The demo's contracts are signed relative to today, so some end within the reminder window; the page
    // derives statuses on the browser's day, as does this (sv-SE formats dates as YYYY-MM-DD).
    const asOf = new Date().toLocaleDateString('sv-SE');
    const before = await contracts(`asOf=${asOf}&status=expiring&limit=1`);
    expect(before.total, 'expiring contracts in the demo').toBeGreaterThan(0);

    await page.getByTestId('menu-contracts').click();
    await page.waitForURL(`**/counties/${COUNTY}/contracts`);
    await expect.poll(() => page.getByTestId('contracts-table').locator('tbody tr').count(), SLOW).toBeGreaterThan(0);
    await page.getByTestId('contracts-expiring').click();
    const table = page.getByTestId('contracts-table');
    const total = page.getByTestId('contracts-total');
    await expect.poll(() => total.innerText(), SLOW).toBe(`共 ${before.total} 份`);
    const first = table.locator('tbody tr').first();
    await expect.poll(() => first.getByTestId('contract-status').innerText(), SLOW).toBe('即将到期');
    const target = before.contracts[0]!;
    expect(await first.innerText()).toContain(target.resident.name);

    await first.getByTestId('contract-terminate').click();
    await page.getByTestId('terminate-reason').fill('迁出本县');
    await page.getByTestId('terminate-submit').click();
    await expect.poll(() => total.innerText(), SLOW).toBe(`共 ${before.total - 1} 份`);
    const after = await contracts(`asOf=${asOf}&resident=${target.resident.id}`);
    const terminated = after.contracts.find((c) => c.id === target.id);
    expect(terminated?.status).toBe('terminated');
    expect(terminated?.terminatedDate).toBe(asOf);
    expect(terminated?.terminationReason).toBe('迁出本县');

    // The 已解约 filter lists terminated contracts with their status.
    await page.getByTestId('contracts-status').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '已解约' }).click();
    await expect
      .poll(() => table.locator('tbody tr').first().getByTestId('contract-status').innerText(), SLOW)
      .toBe('已解约');

    // Signing a resident whose contract is still in force is refused, and the server's reason is shown.
    const other = (await contracts(`asOf=${asOf}&status=expiring&limit=1`)).contracts[0]!;
    await page.getByTestId('contract-sign').click();
    await page.getByTestId('sign-resident').click();
    await page.keyboard.type(other.resident.name);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
      hasText: other.resident.idNumberMasked ?? other.resident.birthDate,
    });
    await option.first().click(SLOW);
    await chooseOption(page, 'sign-team', other.team.name);
    await chooseOption(page, 'sign-package', other.package.name);
    await page.getByTestId('sign-submit').click();
    await expect
      .poll(() => page.getByTestId('contract-error').innerText(), SLOW)
      .toContain('重叠；请续约或先解约原合同');
    // The browser logs the refused request itself; nothing else may have failed.
    expect(session.consoleErrors).toEqual([expect.stringContaining('status of 409 (Conflict)')]);
  });
});
