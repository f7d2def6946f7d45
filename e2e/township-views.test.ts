/**
 * Township views of the register-computed indicators in a real browser against the demo installation:
 * the county's administrator opens 登记数据指标 for 每千人口床位数, sees the township tiles (no boundaries
 * yet) and the trend chart, uploads township boundaries as GeoJSON and gets the map; the dashboard shows
 * the computed value beside the entered one. Any console error or page error fails.
 */
import type { OrgUnitNode } from '@chp/core';
import { syntheticTownshipBoundaries } from '@chp/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserSession } from './browser-session.js';
import type { BrowserSession } from './browser-session.js';

const COUNTY = '640221';

describe('township views in the browser', () => {
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

  it('shows tiles, then the uploaded map, and the trend of a computed indicator by township', async () => {
    const { page } = admin;
    const base = session.platform.baseUrl;
    await page.goto(`${base}/counties/${COUNTY}/computed?indicator=BEDS_PER_1000`);
    const tiles = page.getByTestId('township-tile');
    await expect.poll(() => tiles.count()).toBeGreaterThan(5);
    // The demo registers give every township a value: no tile reads 无法计算.
    await expect.poll(() => page.getByTestId('township-grid').innerText()).not.toContain('无法计算');
    await expect.poll(() => page.getByTestId('township-trend-chart').locator('canvas').count()).toBe(1);

    const response = await page.request.get(`${base}/api/v1/org-units?parent=${COUNTY}`);
    const townships = (await response.json()) as OrgUnitNode[];
    const geojson = syntheticTownshipBoundaries(townships.map(({ code, name }) => ({ code, name })));
    await page
      .getByTestId('boundary-admin')
      .locator('input[type=file]')
      .setInputFiles({
        name: `${COUNTY}-townships.geojson`,
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify(geojson)),
      });
    await expect.poll(() => page.getByTestId('township-map').locator('canvas').count()).toBe(1);
    expect(await tiles.count()).toBe(0);
    expect(await page.getByTestId('township-missing-boundaries').count()).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });

  it('shows the register-computed value with its provenance beside the entered value on the dashboard', async () => {
    const { page } = admin;
    await page.goto(`${session.platform.baseUrl}/counties/${COUNTY}/dashboard`);
    const computed = page.getByTestId('computed-value');
    await expect.poll(() => computed.count()).toBeGreaterThan(0);
    await computed.first().hover();
    await expect
      .poll(() => page.locator('.ant-tooltip').last().innerText())
      .toMatch(/由登记数据计算（\d{4}-\d{2}-\d{2}）/u);
    expect(session.consoleErrors).toEqual([]);
  });
});
