/**
 * A browser against a freshly started platform, with the steps every journey shares: pages that record
 * console and page errors, the first sign-in that changes the one-time password, and antd form helpers.
 */
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startPlatform } from './server-process.js';
import type { RunningPlatform } from './server-process.js';

export interface BrowserSession {
  platform: RunningPlatform;
  /** Console errors and page errors of every page opened, prefixed with the page's URL. */
  consoleErrors: string[];
  newPage: () => Promise<{ context: BrowserContext; page: Page }>;
  /**
   * Signs in with a password that must be changed and changes it to `newPassword`: the one printed at first
   * start, or `currentPassword` when an administrator set it.
   */
  signInFirstTime: (page: Page, username: string, newPassword: string, currentPassword?: string) => Promise<void>;
  close: () => Promise<void>;
}

export async function openBrowserSession(): Promise<BrowserSession> {
  const platform = await startPlatform();
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  } catch (err) {
    await platform.stop();
    throw err;
  }
  const consoleErrors: string[] = [];

  const newPage = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') {
        consoleErrors.push(`${page.url()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    return { context, page };
  };

  const signInFirstTime = async (
    page: Page,
    username: string,
    newPassword: string,
    currentPassword?: string
  ): Promise<void> => {
    const password = currentPassword ?? platform.passwords.get(username);
    expect(password, `one-time password of ${username} printed at first start`).toBeTruthy();
    await page.goto(platform.baseUrl);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password!);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/change-password');
    await page.getByTestId('password-current').fill(password!);
    await page.getByTestId('password-new').fill(newPassword);
    await page.getByTestId('password-confirm').fill(newPassword);
    await page.getByTestId('password-submit').click();
    await page.waitForURL('**/counties/**');
  };

  return {
    platform,
    consoleErrors,
    newPage,
    signInFirstTime,
    close: async (): Promise<void> => {
      await browser.close();
      await platform.stop();
    },
  };
}

/** antd puts a test id on the input itself or on its wrapper, depending on the component. */
export function inputOf(page: Page, testId: string): Locator {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** The open antd Select or TreeSelect dropdown. */
export function visibleDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:visible');
}

/** Opens the antd Select with `testId` and picks the option whose label contains `label`. */
export async function chooseOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await visibleDropdown(page).locator('.ant-select-item-option', { hasText: label }).first().click();
}
