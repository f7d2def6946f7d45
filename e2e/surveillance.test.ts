/**
 * Infectious-disease reporting and early warning in a real browser against the real server (the demo's 平罗县):
 * the admin opens 疫情看板 (the epidemic curve draws), reports a 霍乱 card with yesterday's onset from
 * 传染病报告卡 and reviews it, then runs the detection from 预警 (one 甲类 case is an immediate signal) and
 * moves the alert 新预警 → 初步核实 → 确认, seen in the list. Any console error or page error fails.
 */
import { randomBytes } from 'node:crypto';
import type { FacilityOption, OrgUnitNode } from '@chp/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputOf, openBrowserSession } from './browser-session.js';
import type { BrowserSession } from './browser-session.js';

const COUNTY = '640221';

/** A date as the pickers type it, `days` before today (the browser and the server share the clock). */
function daysAgo(days: number): string {
  const date = new Date(Date.now() - days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

describe('disease surveillance in the browser', () => {
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

  const api = async <T>(path: string): Promise<T> => {
    const res = await admin.page.request.get(`${session.platform.baseUrl}/api/v1${path}`);
    expect(res.status(), path).toBe(200);
    return (await res.json()) as T;
  };

  it('reports and reviews a card, runs the detection and works the alert to 确认', async () => {
    const { page } = admin;
    const [township] = await api<OrgUnitNode[]>(`/org-units?parent=${COUNTY}`);
    const [facility] = await api<FacilityOption[]>(`/counties/${COUNTY}/facilities`);
    expect(township, 'a township of the demo county').toBeDefined();
    expect(facility, 'a facility of the demo county').toBeDefined();
    const patient = `测试${randomBytes(2).toString('hex')}`;

    // 疫情看板: the epidemic curve draws.
    await page.goto(`${session.platform.baseUrl}/counties/${COUNTY}/dashboard`);
    await page.getByTestId('menu-surveillance-dashboard').click();
    await page.waitForURL(`**/counties/${COUNTY}/surveillance/dashboard`);
    await page.getByTestId('epicurve').locator('canvas').waitFor();
    await page.getByTestId('alert-grid').waitFor();

    // 多源监测信号: the sites and the recent counts load.
    await page.getByTestId('menu-surveillance-signals').click();
    await page.waitForURL(`**/counties/${COUNTY}/surveillance/signals`);
    await page.getByTestId('sites-table').waitFor();
    await page.getByTestId('signal-series').locator('canvas').waitFor();

    // 新建报告卡: 霍乱 must be reported within 2 hours; onset yesterday, diagnosed now.
    await page.getByTestId('menu-surveillance-cases').click();
    await page.waitForURL(`**/counties/${COUNTY}/surveillance/cases`);
    await page.getByTestId('case-new').click();
    const form = page.getByTestId('case-form');
    await form.waitFor();
    // Selects in the form are typed and picked with Enter: a click can land while a dropdown still moves in.
    await inputOf(page, 'case-disease').fill('霍乱');
    await inputOf(page, 'case-disease').press('Enter');
    await expect.poll(() => page.getByTestId('case-deadline').innerText()).toContain('2 小时');
    await inputOf(page, 'case-onset').fill(daysAgo(1));
    await inputOf(page, 'case-onset').press('Enter');
    await inputOf(page, 'case-facility').fill(facility!.name);
    await inputOf(page, 'case-facility').press('Enter');
    await inputOf(page, 'case-doctor').fill('王医生');
    await inputOf(page, 'case-patient').fill(patient);
    await page.getByTestId('case-sex').getByText('男').click();
    await inputOf(page, 'case-township').fill(township!.name);
    await inputOf(page, 'case-township').press('Enter');
    await page.getByTestId('case-form-submit').click();
    await form.waitFor({ state: 'detached' });

    // 审核 in the card's drawer.
    const row = page.getByTestId('cases-table').locator('tbody tr', { hasText: patient });
    await expect.poll(() => row.innerText()).toContain('待审核');
    await row.click();
    const drawer = page.getByTestId('case-drawer');
    await drawer.getByTestId('case-review').click();
    await expect.poll(() => drawer.getByTestId('case-detail').innerText()).toContain('已审核');
    await expect.poll(() => drawer.getByTestId('case-revisions').innerText()).toContain('审核');
    await page.keyboard.press('Escape');
    await expect.poll(() => row.innerText()).toContain('已审核');
    await page.getByRole('tab', { name: '报告及时率/完整率' }).click();
    await expect.poll(() => page.getByTestId('timeliness-township').innerText()).toContain(township!.name);

    // 预警: run the detection for yesterday; the 霍乱 case raises a graded alert.
    await page.getByTestId('menu-surveillance-alerts').click();
    await page.waitForURL(`**/counties/${COUNTY}/surveillance/alerts`);
    await page.getByTestId('detection-run').click();
    const alertRow = page.getByTestId('alerts-table').locator('tbody tr', { hasText: '霍乱' }).first();
    await expect.poll(() => alertRow.innerText(), { timeout: 30_000 }).toContain('新预警');
    expect(await alertRow.getByTestId('alert-grade').innerText()).toMatch(/^(红|橙|黄|蓝)色预警$/u);
    await alertRow.click();
    const alertDrawer = page.getByTestId('alert-drawer');
    await alertDrawer.getByTestId('alert-evidence').waitFor();

    // 开始核实 (note optional), then 确认.
    await alertDrawer.getByTestId('alert-to-verifying').click();
    await page.getByTestId('reason-text').fill('电话核实报告单位');
    await page.getByTestId('reason-ok').click();
    await expect.poll(() => alertDrawer.getByTestId('alert-detail').innerText()).toContain('初步核实');
    await alertDrawer.getByTestId('alert-to-confirmed').click();
    await page.getByTestId('reason-ok').click();
    await expect.poll(() => alertDrawer.getByTestId('alert-detail').innerText()).toContain('确认');
    await expect.poll(() => alertDrawer.getByTestId('alert-events').innerText()).toContain('电话核实报告单位');
    await page.keyboard.press('Escape');
    await expect.poll(() => alertRow.innerText()).toContain('确认');

    // Back on 疫情看板 the open alert colours its tile.
    await page.getByTestId('menu-surveillance-dashboard').click();
    await expect.poll(() => page.locator('[data-testid="alert-tile"]:not([data-grade=""])').count()).toBeGreaterThan(0);
    expect(session.consoleErrors).toEqual([]);
  });
});
