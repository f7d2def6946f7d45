/**
 * Register import in a real browser against the real server: the planner opens 登记数据 from the menu,
 * uploads a births CSV with a bad row (nothing is imported in the default mode, and the error table names
 * file, row, column and reason), uploads it again with 仅导入正确行, sees the held records grow in the
 * card, and follows the link to the 登记数据指标 page. Any console error or page error fails.
 */
import type { RegisterSummary } from '@chp/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowserSession } from './browser-session.js';
import type { BrowserSession } from './browser-session.js';

const COUNTY = '640221';
const CSV = [
  '来源编号,机构编码,出生日期,性别,出生体重（克）,母亲年龄',
  'E2E-1,640221100,2021-03-05,1,3200,28',
  'E2E-2,640221100,2021-02-30,2,,',
].join('\n');

describe('register import in the browser', () => {
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

  const birthsHeld = async (page: Page): Promise<number> => {
    const url = `${session.platform.baseUrl}/api/v1/counties/${COUNTY}/registers/summary`;
    const summary = (await (await page.request.get(url)).json()) as RegisterSummary[];
    return summary.find((entry) => entry.kind === 'births')?.records ?? -1;
  };

  it('uploads a births file, first refused whole, then its valid rows, and links to the computed indicators', async () => {
    const { page } = planner;
    await page.goto(`${session.platform.baseUrl}/counties/${COUNTY}/dashboard`);
    await page.getByTestId('menu-registers').click();
    await page.waitForURL(`**/counties/${COUNTY}/registers`);
    const births = page.getByTestId('register-births');
    await expect.poll(() => births.innerText()).toContain('出生登记');
    const before = await birthsHeld(page);

    const file = { name: '出生登记.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) };
    await births.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => births.getByTestId('import-result').innerText()).toContain('未导入任何数据');
    const errorRow = births.getByTestId('import-errors').locator('tbody tr').first();
    await expect
      .poll(() => errorRow.innerText())
      .toMatch(/^出生登记\.csv\s+3\s+出生日期 \(C\)\s+出生日期“2021-02-30”/u);
    expect(await birthsHeld(page)).toBe(before);

    await page.getByTestId('register-mode').getByText('仅导入正确行').click();
    await births.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => births.getByTestId('import-result').innerText()).toContain('导入 1 行，未导入 1 行');
    expect(await birthsHeld(page)).toBe(before + 1);
    await expect.poll(() => births.getByTestId('register-held').innerText()).toContain(`已有 ${before + 1} 条记录`);

    await births.getByText('查看登记数据指标').click();
    await page.waitForURL(`**/counties/${COUNTY}/computed`);
    expect(session.consoleErrors).toEqual([]);
  });
});
