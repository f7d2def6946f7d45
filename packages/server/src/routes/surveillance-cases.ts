/**
 * Case report cards (传染病报告卡, docs/surveillance.md "Case reports"): the disease catalogue, reporting
 * (idempotent by sourceRef), 订正, 审核, 删除, 重卡, listing, 报告及时率 / 完整率 and the FHIR export. Township
 * users read and report only their township's cards (another township's card is a 404); county users all.
 */
import type { ImportIssue } from '@chp/core';
import { CASE_CLASSIFICATIONS, CASE_STATUSES, ID_TYPE_CODES, SEXES } from '@chp/core';
import {
  caseReportDetail,
  caseTimeliness,
  createCaseReport,
  deleteCaseReport,
  diseaseCatalogue,
  InvalidCaseReportError,
  listCaseReports,
  markCaseDuplicate,
  reviewCaseReport,
  reviseCaseReport,
} from '@chp/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../errors.js';
import { collection } from '../fhir/bundle.js';
import { caseReportResources } from '../fhir/case-report.js';
import { send } from '../fhir/systems.js';
import { isoDateSchema } from '../health/dates.js';
import { requestTownships } from '../health/township-scope.js';
import { countyParams, numericIdParams, yearSchema } from '../schemas.js';

const tags = ['surveillance'];
const cardParams = countyParams.extend(numericIdParams.shape);
const instant = z.iso.datetime({
  offset: true,
  message: '时间应为带时区的 ISO 8601 格式，如 2026-03-02T09:00:00+08:00',
});
const townshipCode = z.string().regex(/^\d{9}$/, '乡镇（街道）代码应为 9 位数字');
const villageCode = z.string().regex(/^\d{12}$/, '村（居）代码应为 12 位数字');

const cardFields = {
  patientName: z.string().trim().min(1, '患者姓名必填').max(50),
  idType: z.enum(ID_TYPE_CODES).nullish(),
  idNumber: z.string().max(50).nullish(),
  sex: z.enum(SEXES.map((sex) => sex.code)),
  birthDate: isoDateSchema.nullish(),
  phone: z.string().trim().max(30).nullish(),
  townshipCode,
  villageCode: villageCode.nullish(),
  address: z.string().trim().max(200).nullish(),
  diseaseCode: z.string().trim().min(1).max(40),
  classification: z.enum(CASE_CLASSIFICATIONS),
  onsetDate: isoDateSchema,
  diagnosedAt: instant,
  facilityId: z.number().int().positive(),
  reportingDoctor: z.string().trim().min(1, '报告医生必填').max(50),
};
const createBody = z.object({
  ...cardFields,
  sourceRef: z.string().trim().max(100).nullish(),
  reportedAt: instant.optional(),
});
const reviseBody = z
  .object(cardFields)
  .partial()
  .extend({ reason: z.string().trim().min(1, '请填写订正原因').max(500) });
const reasonBody = z.object({ reason: z.string().trim().min(1, '请填写原因').max(500) });
const duplicateBody = z.object({
  duplicateOfId: z.number().int().positive().nullable(),
  reason: z.string().trim().max(500).optional(),
});
const listFilters = {
  disease: z.string().trim().min(1).max(40).optional(),
  township: townshipCode.optional(),
  status: z.enum(CASE_STATUSES).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
};
const listQuery = z.object({ ...listFilters, pageSize: z.coerce.number().int().min(1).max(200).default(50) });
const fhirQuery = z.object({ ...listFilters, pageSize: z.coerce.number().int().min(1).max(100).default(50) });
const timelinessQuery = z
  .object({ year: yearSchema.optional(), from: isoDateSchema.optional(), to: isoDateSchema.optional() })
  .refine((query) => query.year !== undefined || (query.from !== undefined && query.to !== undefined), {
    message: '请给出 year，或同时给出 from 和 to',
  });

/** Field problems as a 422 with one detail per field (`column` is the input's property). */
function invalidCard(error: unknown): never {
  if (error instanceof InvalidCaseReportError) {
    const details: ImportIssue[] = error.problems.map((problem) => ({
      file: '',
      sheet: '',
      row: 0,
      column: problem.field,
      reason: problem.message,
    }));
    throw new HttpError(422, error.code, error.message, details);
  }
  throw error;
}

export function registerSurveillanceCaseRoutes(app: FastifyInstance, { db, idCipher }: AppDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const base = '/counties/:code/surveillance';

  routes.get(
    `${base}/diseases`,
    {
      config: { permission: 'surveillance.read' },
      schema: { tags, summary: '法定报告传染病及本地监测病种目录', params: countyParams },
    },
    async (request) => diseaseCatalogue(db, request.params.code)
  );

  routes.post(
    `${base}/cases`,
    {
      config: { permission: 'case.report' },
      schema: { tags, summary: '报告传染病报告卡（按 sourceRef 幂等）', params: countyParams, body: createBody },
    },
    async (request, reply) => {
      const { code } = request.params;
      const townships = requestTownships(request, 'case.report', code);
      const saved = await createCaseReport(db, idCipher, actorOf(request), code, townships, request.body).catch(
        invalidCard
      );
      void reply.status(saved.created ? 201 : 200);
      return saved;
    }
  );

  routes.get(
    `${base}/cases`,
    {
      config: { permission: 'surveillance.read' },
      schema: { tags, summary: '传染病报告卡列表', params: countyParams, querystring: listQuery },
    },
    async (request) => {
      const { code } = request.params;
      return listCaseReports(db, code, requestTownships(request, 'surveillance.read', code), request.query);
    }
  );

  routes.get(
    `${base}/cases/timeliness`,
    {
      config: { permission: 'surveillance.read' },
      schema: {
        tags,
        summary: '报告及时率与完整率（按机构、乡镇）',
        params: countyParams,
        querystring: timelinessQuery,
      },
    },
    async (request) => {
      const { code } = request.params;
      const { year } = request.query;
      const from = year === undefined ? (request.query.from ?? '') : `${String(year)}-01-01`;
      const to = year === undefined ? (request.query.to ?? '') : `${String(year)}-12-31`;
      if (from > to) throw new HttpError(400, 'validation_error', `起始日期 ${from} 晚于截止日期 ${to}`);
      return caseTimeliness(db, code, requestTownships(request, 'surveillance.read', code), from, to);
    }
  );

  routes.get(
    `${base}/cases/fhir`,
    {
      config: { permission: 'surveillance.read' },
      schema: {
        tags,
        summary: '导出报告卡为 FHIR R4 Bundle（collection）',
        params: countyParams,
        querystring: fhirQuery,
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const townships = requestTownships(request, 'surveillance.read', code);
      const page = await listCaseReports(db, code, townships, request.query);
      const cards = await Promise.all(page.items.map((item) => caseReportDetail(db, code, townships, item.id)));
      return send(reply, collection(cards.flatMap(caseReportResources)));
    }
  );

  routes.get(
    `${base}/cases/:id`,
    {
      config: { permission: 'surveillance.read' },
      schema: { tags, summary: '报告卡详情（含订正记录、疑似重卡）', params: cardParams },
    },
    async (request) => {
      const { code, id } = request.params;
      return caseReportDetail(db, code, requestTownships(request, 'surveillance.read', code), id);
    }
  );

  routes.get(
    `${base}/cases/:id/fhir`,
    {
      config: { permission: 'surveillance.read' },
      schema: { tags, summary: '报告卡的 FHIR R4 Bundle（Patient、Condition、Encounter）', params: cardParams },
    },
    async (request, reply) => {
      const { code, id } = request.params;
      const card = await caseReportDetail(db, code, requestTownships(request, 'surveillance.read', code), id);
      return send(reply, collection(caseReportResources(card)));
    }
  );

  routes.put(
    `${base}/cases/:id`,
    {
      config: { permission: 'case.report' },
      schema: { tags, summary: '订正报告卡（须填原因）', params: cardParams, body: reviseBody },
    },
    async (request) => {
      const { code, id } = request.params;
      const townships = requestTownships(request, 'case.report', code);
      return reviseCaseReport(db, idCipher, actorOf(request), code, townships, id, request.body).catch(invalidCard);
    }
  );

  routes.post(
    `${base}/cases/:id/review`,
    {
      config: { permission: 'case.review' },
      schema: { tags, summary: '审核报告卡', params: cardParams },
    },
    async (request) => {
      const { code, id } = request.params;
      return reviewCaseReport(db, actorOf(request), code, id);
    }
  );

  routes.post(
    `${base}/cases/:id/delete`,
    {
      config: { permission: 'case.report' },
      schema: { tags, summary: '删除报告卡（须填原因，保留记录）', params: cardParams, body: reasonBody },
    },
    async (request) => {
      const { code, id } = request.params;
      const townships = requestTownships(request, 'case.report', code);
      return deleteCaseReport(db, actorOf(request), code, townships, id, request.body.reason).catch(invalidCard);
    }
  );

  routes.post(
    `${base}/cases/:id/duplicate-of`,
    {
      config: { permission: 'case.review' },
      schema: { tags, summary: '标记重卡', params: cardParams, body: duplicateBody },
    },
    async (request) => {
      const { code, id } = request.params;
      const { duplicateOfId, reason } = request.body;
      return markCaseDuplicate(db, actorOf(request), code, id, duplicateOfId, reason ?? null).catch(invalidCard);
    }
  );
}
