import { testDatabaseKinds } from '@chp/db';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login } from '../test-support.js';
import type { TestApp } from '../test-support.js';

describe.each(testDatabaseKinds())('reports, documentation and the rest of the API on %s', (kind) => {
  let t: TestApp;
  let planner: string;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    [planner, admin] = await Promise.all([login(t.app, 'planner'), login(t.app, 'admin')]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('downloads the mid-term evaluation as Word with a Chinese file name, and it names the county', async () => {
    const response = await t.app.inject({
      url: '/api/v1/counties/640221/reports/midterm?format=docx',
      headers: { cookie: planner },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const disposition = String(response.headers['content-disposition']);
    expect(decodeURIComponent(disposition.slice(disposition.indexOf("UTF-8''") + 7))).toMatch(
      /^平罗县.*中期评估报告\.docx$/
    );
    const zip = await JSZip.loadAsync(response.rawPayload);
    const text = await zip.file('word/document.xml')!.async('string');
    expect(text).toContain('平罗县');
  });

  it('downloads the annual report as Excel', async () => {
    const response = await t.app.inject({
      url: '/api/v1/counties/640221/reports/annual?year=2022&format=xlsx',
      headers: { cookie: planner },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThan(0);
    expect(
      (await t.app.inject({ url: '/api/v1/counties/140423/reports/annual', headers: { cookie: planner } })).statusCode
    ).toBe(404);
  });

  it('publishes the OpenAPI document listing the routes', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json<{
      info: { title: string };
      paths: Record<string, unknown>;
    }>();
    expect(doc.info.title).toBe('县域卫生健康信息平台 API');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/counties/{code}/dashboard',
        '/api/v1/values/{id}/approve',
        '/api/v1/counties/{code}/values/import',
        '/fhir/Measure',
      ])
    );
  });

  it('lists findings, projects with milestones, and the comparison across counties', async () => {
    const findings = (
      await t.app.inject({ url: '/api/v1/counties/640221/findings', headers: { cookie: planner } })
    ).json<unknown[]>();
    expect(Array.isArray(findings)).toBe(true);
    const projects = (
      await t.app.inject({ url: '/api/v1/counties/640221/projects', headers: { cookie: planner } })
    ).json<{ id: string }[]>();
    expect(projects.length).toBeGreaterThan(0);
    const projectId = projects[0]!.id;
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/projects/${projectId}`,
      headers: { cookie: planner },
      payload: { status: 'in_progress', progressPct: 40 },
    });
    expect(patched.json()).toMatchObject({ status: 'in_progress', progressPct: 40 });
    const milestone = await t.app.inject({
      method: 'POST',
      url: `/api/v1/projects/${projectId}/milestones`,
      headers: { cookie: planner },
      payload: { name: '完成主体工程', dueDate: '2024-06-30' },
    });
    const { id } = milestone.json<{ id: number }>();
    const done = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/milestones/${id}`,
      headers: { cookie: planner },
      payload: { doneDate: '2024-06-01' },
    });
    expect(done.json()).toMatchObject({ doneDate: '2024-06-01', name: '完成主体工程' });
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/projects/${projectId}`,
      headers: { cookie: planner },
      payload: { progressPct: 140 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('progressPct');

    const rows = (await t.app.inject({ url: '/api/v1/comparison?year=2023', headers: { cookie: admin } })).json<
      { standardCode: string; counties: { countyCode: string }[] }[]
    >();
    const infant = rows.find((r) => r.standardCode === 'INFANT_MORTALITY');
    expect(infant?.counties.map((c) => c.countyCode).sort()).toEqual(['140423', '640221']);
    // A single-county user has nothing to compare.
    expect((await t.app.inject({ url: '/api/v1/comparison', headers: { cookie: planner } })).json()).toEqual([]);
  });

  it('lets an admin create users under the password policy and reset a password once', async () => {
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: {
        username: 'clerk',
        displayName: '录入员',
        password: 'clerk',
        roles: [{ role: 'planner', orgUnitCode: '140423' }],
      },
    });
    expect(weak.statusCode).toBe(400);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: {
        username: 'clerk',
        displayName: '录入员',
        password: 'Entry-Strong-2024!',
        roles: [{ role: 'planner', orgUnitCode: '140423' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: number }>();
    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: { cookie: admin },
      payload: { resetPassword: true },
    });
    const { oneTimePassword } = reset.json<{ oneTimePassword: string; mustChangePassword: boolean }>();
    expect(reset.json()).toMatchObject({ mustChangePassword: true });
    const clerk = await login(t.app, 'clerk', oneTimePassword);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: clerk } })).json()).toMatchObject({
      mustChangePassword: true,
    });
    expect((await t.app.inject({ url: '/api/v1/users', headers: { cookie: planner } })).statusCode).toBe(403);
    const users = (await t.app.inject({ url: '/api/v1/users', headers: { cookie: admin } })).json<
      { username: string }[]
    >();
    expect(users.map((u) => u.username)).toContain('clerk');
  });

  it('adds a county from the national division list', async () => {
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/counties',
      headers: { cookie: admin },
      payload: { countyCode: '640205' },
    });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ countyCode: '640205', hasPlan: false });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/counties',
      headers: { cookie: admin },
      payload: { countyCode: '999999' },
    });
    expect(unknown.statusCode).toBe(400);
    const townships = (await t.app.inject({ url: '/api/v1/org-units?parent=640205', headers: { cookie: admin } })).json<
      { level: number }[]
    >();
    expect(townships.length).toBeGreaterThan(0);
    expect(townships.every((u) => u.level === 4)).toBe(true);
    expect(
      (await t.app.inject({ url: '/api/v1/org-units?parent=640205', headers: { cookie: planner } })).statusCode
    ).toBe(404);
  });
});
