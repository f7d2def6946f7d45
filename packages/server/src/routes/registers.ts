/**
 * Register imports (population, births, deaths and whatever else REGISTER_IMPORTERS lists): the kinds with
 * their columns, an empty template per kind, what a county holds, and the upload of CSV or Excel files.
 * Writing a register takes 'value.enter' (residents: 'record.write') over the whole county, since one file
 * spans its townships.
 */
import type { ImportResult, RegisterKind, RegisterSummary } from '@chp/core';
import { listCountySummaries, REGISTER_IMPORTERS, registerImporter } from '@chp/db';
import type { RegisterImporter } from '@chp/db';
import { buildRegisterTemplate } from '@chp/reports';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, assertCanRead, assertCanWrite, hasPermission, requireUser } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { XLSX_TYPE, sendFile } from '../download.js';
import { forbidden, notFound } from '../errors.js';
import { importRegisterFiles } from '../registers/register-files.js';
import { countyCodeSchema, countyParams } from '../schemas.js';
import { readUploads } from '../uploads.js';

/** Enough for a register split by year or township; each file is still held to the upload size limit. */
const MAX_REGISTER_FILES = 20;

const kindParams = z.object({ code: countyCodeSchema, kind: z.string().min(1).max(40) });

/**
 * The importer of the kind, when the user holds its permission (403 otherwise, as a route's declared
 * permission would give) and sees the county with it (404 otherwise).
 */
function permittedImporter(request: FastifyRequest, kind: string, code: string): RegisterImporter {
  const importer = importerOf(kind);
  const permission = importer.permission ?? 'value.enter';
  if (!hasPermission(requireUser(request), permission)) throw forbidden();
  assertCanRead(request, permission, code);
  return importer;
}

function importerOf(kind: string): RegisterImporter {
  const importer = registerImporter(kind);
  if (!importer) {
    throw notFound(`没有“${kind}”这类登记数据，可导入的有：${REGISTER_IMPORTERS.map((i) => i.kind).join('、')}`);
  }
  return importer;
}

export function registerRegisterRoutes(app: FastifyInstance, { db, computed, idCipher }: AppDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  const assertCountyInstalled = async (code: string): Promise<void> => {
    const [county] = await listCountySummaries(db, [code]);
    if (!county) {
      throw notFound('该县尚未添加到平台');
    }
  };

  routes.get(
    '/registers',
    { config: { permission: 'plan.read' }, schema: { tags: ['registers'], summary: '可导入的登记数据类型及其列' } },
    (): RegisterKind[] =>
      REGISTER_IMPORTERS.map((importer) => ({
        kind: importer.kind,
        name: importer.name,
        columns: importer.columns.map((column) => ({ header: column.header, required: column.required })),
      }))
  );

  routes.get(
    '/counties/:code/registers/summary',
    {
      config: { permission: 'plan.read' },
      schema: { tags: ['registers'], summary: '本县各类登记数据的记录数与年份', params: countyParams },
    },
    async (request): Promise<RegisterSummary[]> => {
      const { code } = request.params;
      assertCanRead(request, 'plan.read', code);
      await assertCountyInstalled(code);
      return Promise.all(
        REGISTER_IMPORTERS.map(async (importer) => ({
          kind: importer.kind,
          name: importer.name,
          ...(await importer.holdings(db, code)),
        }))
      );
    }
  );

  // The permission depends on the register (importer.permission), so the handlers check it.
  routes.get(
    '/counties/:code/registers/:kind/template.xlsx',
    {
      schema: { tags: ['registers'], summary: '下载登记数据导入模板（空表，中文表头）', params: kindParams },
    },
    async (request, reply) => {
      const { code, kind } = request.params;
      const importer = permittedImporter(request, kind, code);
      const file = await buildRegisterTemplate(importer);
      return sendFile(reply, file, XLSX_TYPE, `${importer.name}导入模板.xlsx`, `register-${importer.kind}.xlsx`);
    }
  );

  routes.post(
    '/counties/:code/registers/:kind/import',
    {
      schema: {
        tags: ['registers'],
        summary: `导入登记数据（multipart 字段 file，CSV 或 xlsx，最多 ${MAX_REGISTER_FILES} 个文件）`,
        consumes: ['multipart/form-data'],
        params: kindParams,
        querystring: z.object({ mode: z.enum(['all', 'valid-only']).default('all') }),
      },
    },
    async (request): Promise<ImportResult> => {
      const { code, kind } = request.params;
      const importer = permittedImporter(request, kind, code);
      assertCanWrite(request, importer.permission ?? 'value.enter', code);
      await assertCountyInstalled(code);
      const files = await readUploads(request, 'CSV 或 Excel 文件', MAX_REGISTER_FILES);
      const { mode } = request.query;
      const result = await importRegisterFiles(db, actorOf(request), code, importer, files, mode, idCipher);
      // The dashboard shows the new figures at once rather than after the computed-value TTL.
      if (result.imported > 0) computed.invalidate(code);
      return result;
    }
  );
}
