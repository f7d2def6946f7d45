/**
 * Signal sites and multi-source signal counts (docs/surveillance.md "Signals"): JSON batches, CSV import,
 * manual entry, series and listing. Township users see and submit only their township's sites.
 */
import { createHash, randomUUID } from 'node:crypto';
import { firstRowNumber, parseSignalCsv, SITE_KINDS } from '@chp/core';
import type { SignalBatchError, SignalChannel, SignalIngestResult } from '@chp/core';
import {
  createSite,
  diseaseLookup,
  findSite,
  listSignalCounts,
  listSites,
  signalSeries,
  SiteError,
  submitSignalBatch,
  updateSite,
} from '@chp/db';
import type { Db } from '@chp/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { forbidden, HttpError, notFound } from '../errors.js';
import { isoDateSchema, today } from '../health/dates.js';
import { requestTownships } from '../health/township-scope.js';
import { countyParams, numericIdParams, orgUnitCodeSchema } from '../schemas.js';

const TOWNSHIP_CODE_LENGTH = 9;
const MAX_SERIES_DAYS = 3 * 366;

const siteBody = z.object({
  code: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(SITE_KINDS),
  townshipCode: orgUnitCodeSchema,
  villageCode: orgUnitCodeSchema.nullish(),
  facilityId: z.number().int().positive().nullish(),
  active: z.boolean().optional(),
});

function assertTownshipAllowed(townships: string[] | undefined, townshipCode: string): void {
  if (townships !== undefined && !townships.includes(townshipCode)) {
    throw forbidden(`您没有管理乡镇（街道）${townshipCode} 哨点的权限`);
  }
}

function siteHttpError(error: unknown): never {
  if (error instanceof SiteError) {
    switch (error.code) {
      case 'duplicate_code':
        throw new HttpError(409, 'duplicate_code', error.message);
      case 'bad_township':
        throw new HttpError(422, 'bad_township', error.message);
      case 'not_found':
        throw notFound(error.message);
    }
  }
  throw error;
}

/**
 * 422 with every error as an ImportIssue: `row` is the 1-based row of `rows` for JSON, the file line for CSV
 * (header = line 1), 0 for the batch itself; `column` is the field.
 */
function batchRejected(errors: SignalBatchError[], file: string, firstRow: number): HttpError {
  const issues = errors.map((error) => ({
    file,
    sheet: '',
    row: error.row === null ? 0 : error.row + firstRow,
    column: error.field,
    reason: error.message,
  }));
  return new HttpError(422, 'batch_invalid', `批次中有 ${errors.length} 处错误，未导入任何数据`, issues);
}

async function submit(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  code: string,
  input: unknown,
  channel: SignalChannel,
  file = ''
): Promise<SignalIngestResult> {
  const townships = requestTownships(request, 'signal.submit', code);
  const findDisease = await diseaseLookup(db, code);
  const outcome = await submitSignalBatch(db, actorOf(request), code, input, {
    channel,
    today: today(),
    isDisease: (signal) => findDisease(signal) !== undefined,
    townships,
  });
  if (!outcome.ok) throw batchRejected(outcome.errors, file, firstRowNumber(channel));
  void reply.status(outcome.result.repeated ? 200 : 201);
  return outcome.result;
}

/** The CSV file and the optional `batchId` form field of a multipart request. */
async function readCsvUpload(request: FastifyRequest): Promise<{ text: string; batchId: string; name: string }> {
  let batchId: string | undefined;
  let data: Buffer | undefined;
  let name = '';
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (data !== undefined) throw new HttpError(413, 'too_many_files', '一次最多上传 1 个文件');
      data = await part.toBuffer();
      name = part.filename;
    } else if (part.fieldname === 'batchId' && typeof part.value === 'string' && part.value.trim() !== '') {
      batchId = part.value.trim();
    }
  }
  if (data === undefined) throw new HttpError(400, 'file_missing', '请上传 CSV 文件（表单字段 file）');
  // Without a given id the file's hash is the batch id, so uploading the same file twice is a no-op.
  const hash = `sha256:${createHash('sha256').update(data).digest('hex')}`;
  return { text: data.toString('utf8'), batchId: batchId ?? hash, name };
}

export function registerSurveillanceSignalRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const base = '/counties/:code/surveillance';

  routes.get(
    `${base}/sites`,
    {
      config: { permission: 'surveillance.read' },
      schema: { tags: ['surveillance'], summary: '哨点列表', params: countyParams },
    },
    async (request) => {
      const { code } = request.params;
      const read = requestTownships(request, 'surveillance.read', code);
      return listSites(db, code, read);
    }
  );

  routes.post(
    `${base}/sites`,
    {
      config: { permission: 'signal.submit' },
      schema: { tags: ['surveillance'], summary: '新增哨点', params: countyParams, body: siteBody },
    },
    async (request, reply) => {
      const { code } = request.params;
      assertTownshipAllowed(requestTownships(request, 'signal.submit', code), request.body.townshipCode);
      const site = await createSite(db, code, request.body).catch(siteHttpError);
      void reply.status(201);
      return site;
    }
  );

  routes.put(
    `${base}/sites/:id`,
    {
      config: { permission: 'signal.submit' },
      schema: {
        tags: ['surveillance'],
        summary: '修改哨点',
        params: countyParams.extend(numericIdParams.shape),
        body: siteBody,
      },
    },
    async (request) => {
      const { code, id } = request.params;
      const townships = requestTownships(request, 'signal.submit', code);
      const existing = await findSite(db, code, id);
      if (existing === null || (townships !== undefined && !townships.includes(existing.townshipCode))) {
        throw notFound();
      }
      assertTownshipAllowed(townships, request.body.townshipCode);
      return updateSite(db, code, id, request.body).catch(siteHttpError);
    }
  );

  routes.post(
    `${base}/signals/batches`,
    {
      config: { permission: 'signal.submit' },
      schema: { tags: ['surveillance'], summary: '报送信号批次（JSON）', params: countyParams, body: z.unknown() },
    },
    async (request, reply) => submit(db, request, reply, request.params.code, request.body, 'api')
  );

  routes.post(
    `${base}/signals/import`,
    {
      config: { permission: 'signal.submit' },
      schema: {
        tags: ['surveillance'],
        summary: '导入信号 CSV（multipart 字段 file，可选字段 batchId）',
        consumes: ['multipart/form-data'],
        params: countyParams,
      },
    },
    async (request, reply) => {
      const { text, batchId, name } = await readCsvUpload(request);
      const parsed = parseSignalCsv(text);
      if (!parsed.ok) throw batchRejected(parsed.errors, name, firstRowNumber('csv'));
      return submit(db, request, reply, request.params.code, { batchId, rows: parsed.rows }, 'csv', name);
    }
  );

  routes.post(
    `${base}/signals`,
    {
      config: { permission: 'signal.submit' },
      schema: {
        tags: ['surveillance'],
        summary: '手工录入一条信号',
        params: countyParams,
        body: z.object({ site: z.string(), date: z.string(), signal: z.string(), count: z.number() }),
      },
    },
    async (request, reply) =>
      submit(
        db,
        request,
        reply,
        request.params.code,
        { batchId: `manual:${randomUUID()}`, rows: [request.body] },
        'manual'
      )
  );

  routes.get(
    `${base}/signals/series`,
    {
      config: { permission: 'surveillance.read' },
      schema: {
        tags: ['surveillance'],
        summary: '信号日序列（乡镇或全县，缺日补零）',
        params: countyParams,
        querystring: z.object({
          signal: z.string().min(1),
          area: orgUnitCodeSchema,
          from: isoDateSchema,
          to: isoDateSchema,
        }),
      },
    },
    async (request) => {
      const { code } = request.params;
      const { area, from, to } = request.query;
      const townships = requestTownships(request, 'surveillance.read', code);
      if (area !== code && area.length !== TOWNSHIP_CODE_LENGTH)
        throw new HttpError(400, 'bad_area', '区域应为本县或本县的乡镇（街道）');
      if (townships !== undefined && !townships.includes(area)) throw forbidden('您只能查看本乡镇（街道）的信号');
      const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
      if (days < 0 || days > MAX_SERIES_DAYS)
        throw new HttpError(400, 'bad_range', `日期范围应在 0–${MAX_SERIES_DAYS} 天之间`);
      return signalSeries(db, code, request.query);
    }
  );

  routes.get(
    `${base}/signals`,
    {
      config: { permission: 'surveillance.read' },
      schema: {
        tags: ['surveillance'],
        summary: '信号明细（最近日期在前，分页）',
        params: countyParams,
        querystring: z.object({
          signal: z.string().optional(),
          site: z.string().optional(),
          from: isoDateSchema.optional(),
          to: isoDateSchema.optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(50),
        }),
      },
    },
    async (request) => {
      const { code } = request.params;
      return listSignalCounts(db, code, {
        ...request.query,
        townships: requestTownships(request, 'surveillance.read', code),
      });
    }
  );
}
