/**
 * Resident health records in a real browser against the real server (the demo's 平罗县 residents): the admin
 * opens 居民档案, finds an overdue hypertension patient by name, opens the record, reveals the full ID number
 * (and sees the reveal in 谁查看了此档案), then opens 工作清单, enters the patient's follow-up (a diastolic
 * pressure above the systolic is refused on its field first) and finds the visit in the record's timeline.
 * Any console error or page error fails.
 */
import type { OrgUnitNode, WorklistItem, WorklistResponse } from '@chp/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, inputOf, openBrowserSession } from './browser-session.js';
import type { BrowserSession } from './browser-session.js';

const COUNTY = '640221';

describe('resident records in the browser', () => {
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

  it('finds a patient, reveals the ID number, and records an overdue hypertension follow-up from the worklist', async () => {
    const { page } = admin;
    const overdue = await api<WorklistResponse>(`/counties/${COUNTY}/worklist?program=hypertension&view=overdue`);
    const patient: WorklistItem | undefined = overdue.overdue.find((item) => item.enrolmentId !== undefined);
    expect(patient, 'an overdue hypertension follow-up in the demo').toBeDefined();
    const { residentId, residentName, idNumberMasked, townshipCode } = patient!;

    // 居民档案: search by name, open the record.
    await page.goto(`${session.platform.baseUrl}/counties/${COUNTY}/dashboard`);
    await page.getByTestId('menu-residents').click();
    await page.waitForURL(`**/counties/${COUNTY}/residents`);
    await inputOf(page, 'resident-search').fill(residentName);
    await inputOf(page, 'resident-search').press('Enter');
    const row = page.getByTestId('residents-table').locator('tbody tr', { hasText: idNumberMasked ?? residentName });
    await row.getByTestId('resident-link').click();
    await page.waitForURL(`**/counties/${COUNTY}/residents/${residentId}`);
    await expect.poll(() => page.getByTestId('record-header').innerText()).toContain(residentName);
    await expect.poll(() => page.getByTestId('record-flags').innerText()).toContain('高血压患者');

    // 显示完整证件号: the full number replaces the masked one, and the access log records it.
    expect(await page.getByTestId('record-id-number').innerText()).toBe(idNumberMasked);
    await page.getByTestId('reveal-id').click();
    await expect.poll(() => page.getByTestId('record-id-number').innerText()).toMatch(/^\d{17}[\dX]$/u);
    await page.getByTestId('tab-access').click();
    await expect.poll(() => page.getByTestId('access-log').innerText()).toContain('查看完整证件号');

    // 工作清单: the patient's township and 高血压, the overdue tab, 录入随访.
    const townships = await api<OrgUnitNode[]>(`/org-units?parent=${COUNTY}`);
    const township = townships.find((unit) => unit.code === townshipCode);
    expect(township).toBeDefined();
    await page.getByTestId('menu-worklist').click();
    await page.waitForURL(`**/counties/${COUNTY}/worklist`);
    await chooseOption(page, 'place-township', township!.name);
    await chooseOption(page, 'worklist-program', '高血压');
    await page.getByTestId('tab-overdue').click();
    const item = page
      .getByTestId('worklist-overdue')
      .locator('tbody tr', { hasText: residentName })
      .filter({ hasText: idNumberMasked ?? residentName })
      .first();
    await item.getByTestId('worklist-follow-up').click();

    // A diastolic pressure above the systolic is named on its field; corrected, the visit saves.
    const form = page.getByTestId('follow-up-form');
    await form.waitFor();
    await inputOf(page, 'follow-up-sbp').fill('132');
    await inputOf(page, 'follow-up-dbp').fill('150');
    await page.getByTestId('follow-up-save').click();
    await expect.poll(() => form.innerText()).toContain('舒张压（dbp）150 mmHg 应低于收缩压（sbp）132 mmHg');
    await inputOf(page, 'follow-up-dbp').fill('84');
    await page.getByTestId('follow-up-save').click();
    await form.waitFor({ state: 'detached' });

    // The visit is in the record's timeline.
    await page.goto(`${session.platform.baseUrl}/counties/${COUNTY}/residents/${residentId}`);
    const visit = page.getByTestId('record-timeline').getByTestId('timeline-follow_up').first();
    await expect.poll(() => visit.innerText()).toContain('收缩压 132 mmHg，舒张压 84 mmHg');
    expect(session.consoleErrors).toEqual([]);
  });
});
