/** Excel template download and import of monitoring values (all-or-nothing or valid rows only). */
import type { ImportIssue, ImportResult } from '@chp/core';
import { checkMonitoringValue } from '@chp/core';
import { importValues, listCountyOrgUnits, listCountySummaries } from '@chp/db';
import { buildValueTemplate, parseValueWorkbook } from '@chp/reports';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, assertCanRead, canActOn } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { XLSX_TYPE, sendFile } from '../download.js';
import { defaultYear } from '../evaluation/county-summaries.js';
import { HttpError, notFound } from '../errors.js';
import { countyParams, yearSchema } from '../schemas.js';
import { readUploads } from '../uploads.js';

/** Townships carry values where the plans break an indicator down; villages are too fine for the template. */
const TEMPLATE_MAX_LEVEL = 4;

export function registerValueImportRoutes(app: FastifyInstance, { db, cache, dashboards }: AppDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  const loadCounty = async (code: string) => {
    const [[county], data] = await Promise.all([listCountySummaries(db, [code]), cache.county(code)]);
    if (!county || !data.plan) {
      throw notFound('该县尚未安装或未加载规划');
    }
    return { county, data, plan: data.plan };
  };

  routes.get(
    '/counties/:code/values/template.xlsx',
    {
      config: { permission: 'value.enter' },
      schema: {
        tags: ['values'],
        summary: '下载监测数据导入模板',
        params: countyParams,
        querystring: z.object({ year: yearSchema.optional() }),
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      assertCanRead(request, 'value.enter', code);
      const { county, data, plan } = await loadCounty(code);
      const year = request.query.year ?? defaultYear(plan);
      const orgUnits = await listCountyOrgUnits(db, code, TEMPLATE_MAX_LEVEL);
      const file = await buildValueTemplate({
        countyCode: code,
        countyName: county.name,
        year,
        indicators: data.indicators.map((i) => ({ id: i.id, name: i.name, unit: i.unit, domain: i.domain })),
        orgUnits: orgUnits.map((u) => ({ code: u.code, name: u.name })),
        allowedYears: { min: plan.start - 1, max: plan.end },
      });
      return sendFile(
        reply,
        file,
        XLSX_TYPE,
        `${county.name}${year}年监测数据导入模板.xlsx`,
        `values-${code}-${year}.xlsx`
      );
    }
  );

  routes.post(
    '/counties/:code/values/import',
    {
      config: { permission: 'value.enter' },
      schema: {
        tags: ['values'],
        summary: '导入监测数据（multipart 字段 file）',
        consumes: ['multipart/form-data'],
        params: countyParams,
        querystring: z.object({ mode: z.enum(['all', 'valid-only']).default('all') }),
      },
    },
    async (request): Promise<ImportResult> => {
      const { code } = request.params;
      const user = assertCanRead(request, 'value.enter', code);
      const { data, plan } = await loadCounty(code);
      const [file] = await readUploads(request, 'Excel 文件');
      const orgUnits = await listCountyOrgUnits(db, code);
      const parsed = await parseValueWorkbook(file, {
        countyCode: code,
        indicators: data.indicatorsById,
        orgUnitCodes: new Set([code, ...orgUnits.map((u) => u.code)]),
        allowedYears: { min: plan.start - 1, max: plan.end },
        checkValue: checkMonitoringValue,
      });
      const outOfScope: ImportIssue[] = parsed.rows
        .filter((row) => !canActOn(user, 'value.enter', row.orgUnitCode))
        .map((row) => ({
          file: file.name,
          sheet: '监测数据',
          row: row.row,
          column: '机构编码',
          reason: `您没有录入机构 ${row.orgUnitCode} 数据的权限`,
        }));
      const issues = [...parsed.issues, ...outOfScope].sort((a, b) => a.row - b.row);
      const mode = request.query.mode;
      if (mode === 'all' && issues.length > 0) {
        throw new HttpError(
          422,
          'import_invalid',
          `文件中有 ${issues.length} 处错误，未导入任何数据，请修改后重新上传`,
          issues
        );
      }
      const badRows = new Set(issues.map((issue) => issue.row));
      const valid = parsed.rows.filter((row) => !badRows.has(row.row));
      if (valid.length > 0) {
        await importValues(db, actorOf(request), code, valid, file.name);
        dashboards.changed(code);
      }
      const skipped = new Set(issues.filter((issue) => issue.row > 1).map((issue) => issue.row)).size;
      return { mode, imported: valid.length, skipped, errors: issues };
    }
  );
}
