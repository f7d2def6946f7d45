/**
 * Alerts (docs/surveillance.md "Alerts"): list, detail, workflow, assignment, notes, escalation, response
 * metrics and the county's grading rules. Reads take surveillance.read, writes alert.manage; township users
 * see and work only their townships' alerts (county-wide alerts are the county's), and only county-level
 * users change the rules.
 */
import { ALERT_GRADES, ALERT_STATUSES } from '@chp/core';
import type {
  AlertDetail,
  AlertListResponse,
  AlertRules,
  AlertSummary,
  EmergencyEventSummary,
  Permission,
  ResponseMetrics,
} from '@chp/core';
import {
  addAlertNote,
  alertDetail,
  alertResponseMetrics,
  assignAlert,
  escalateAlert,
  listAlerts,
  loadAlertRules,
  saveAlertRules,
  toAlertSummary,
  transitionAlert,
} from '@chp/db';
import type { AlertScope } from '@chp/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { forbidden } from '../errors.js';
import { isoDateSchema } from '../health/dates.js';
import { requestTownships } from '../health/township-scope.js';
import { countyCodeSchema, countyParams } from '../schemas.js';

const tags = ['surveillance'];
const alertParams = z.object({ code: countyCodeSchema, id: z.coerce.number().int().positive() });

const listQuery = z.object({
  status: z.enum(ALERT_STATUSES).optional(),
  grade: z.enum(ALERT_GRADES).optional(),
  township: z
    .string()
    .regex(/^\d{6}(\d{3})?$/, '地区代码应为 9 位乡镇或 6 位县代码')
    .optional(),
  subject: z.string().trim().min(1).max(40).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const metricsQuery = z.object({ from: isoDateSchema, to: isoDateSchema });
const transitionBody = z.object({ to: z.enum(ALERT_STATUSES), note: z.string().trim().max(2000).nullish() });
const assignBody = z.object({ assigneeId: z.number().int().positive() });
const noteBody = z.object({ note: z.string().trim().min(1, '请填写备注内容').max(2000) });
const escalateBody = z.object({ title: z.string().trim().max(200).nullish() }).default({});

/** The alerts the user may see or work with the permission; a user without it in the county gets a 404. */
function alertScopeOf(request: FastifyRequest, permission: Permission, countyCode: string): AlertScope {
  return { countyCode, townships: requestTownships(request, permission, countyCode) ?? null };
}

export function registerSurveillanceAlertRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const base = '/counties/:code/surveillance';

  routes.get(
    `${base}/alerts`,
    {
      config: { permission: 'surveillance.read' },
      schema: {
        tags,
        summary: '预警列表（按状态、级别、乡镇、病种、日期筛选，分页）',
        params: countyParams,
        querystring: listQuery,
      },
    },
    async (request): Promise<AlertListResponse> => {
      const { township, ...filter } = request.query;
      return listAlerts(db, alertScopeOf(request, 'surveillance.read', request.params.code), {
        ...filter,
        areaCode: township,
      });
    }
  );

  routes.get(
    `${base}/alerts/metrics`,
    {
      config: { permission: 'surveillance.read' },
      schema: {
        tags,
        summary: '预警响应时间（发出至核实、核实完成、结案的中位数与 P90 分钟数，按乡镇和报告单位）',
        params: countyParams,
        querystring: metricsQuery,
      },
    },
    async (request): Promise<ResponseMetrics> => {
      const scope = alertScopeOf(request, 'surveillance.read', request.params.code);
      return alertResponseMetrics(db, scope, request.query.from, request.query.to);
    }
  );

  routes.get(
    `${base}/alerts/:id`,
    {
      config: { permission: 'surveillance.read' },
      schema: { tags, summary: '预警详情（处置记录与相关探测结果）', params: alertParams },
    },
    async (request): Promise<AlertDetail> =>
      alertDetail(db, alertScopeOf(request, 'surveillance.read', request.params.code), request.params.id)
  );

  routes.post(
    `${base}/alerts/:id/transition`,
    {
      config: { permission: 'alert.manage' },
      schema: { tags, summary: '变更预警状态（排除、结案须填写说明）', params: alertParams, body: transitionBody },
    },
    async (request): Promise<AlertSummary> => {
      const scope = alertScopeOf(request, 'alert.manage', request.params.code);
      const { to, note } = request.body;
      return toAlertSummary(await transitionAlert(db, actorOf(request), scope, request.params.id, to, note ?? null));
    }
  );

  routes.post(
    `${base}/alerts/:id/assign`,
    {
      config: { permission: 'alert.manage' },
      schema: { tags, summary: '指派预警处置人', params: alertParams, body: assignBody },
    },
    async (request): Promise<AlertSummary> => {
      const scope = alertScopeOf(request, 'alert.manage', request.params.code);
      return toAlertSummary(await assignAlert(db, actorOf(request), scope, request.params.id, request.body.assigneeId));
    }
  );

  routes.post(
    `${base}/alerts/:id/notes`,
    {
      config: { permission: 'alert.manage' },
      schema: { tags, summary: '添加预警处置备注', params: alertParams, body: noteBody },
    },
    async (request, reply): Promise<{ ok: true }> => {
      const scope = alertScopeOf(request, 'alert.manage', request.params.code);
      await addAlertNote(db, actorOf(request), scope, request.params.id, request.body.note);
      void reply.code(201);
      return { ok: true };
    }
  );

  routes.post(
    `${base}/alerts/:id/escalate`,
    {
      config: { permission: 'alert.manage' },
      schema: {
        tags,
        summary: '将已确认的预警升级为突发公共卫生事件（仅一次）',
        params: alertParams,
        body: escalateBody,
      },
    },
    async (request, reply): Promise<EmergencyEventSummary> => {
      const scope = alertScopeOf(request, 'alert.manage', request.params.code);
      const event = await escalateAlert(db, actorOf(request), scope, request.params.id, request.body.title ?? null);
      void reply.code(201);
      return event;
    }
  );

  routes.get(
    `${base}/alert-rules`,
    {
      config: { permission: 'surveillance.read' },
      schema: { tags, summary: '预警分级规则', params: countyParams },
    },
    async (request): Promise<AlertRules> => {
      alertScopeOf(request, 'surveillance.read', request.params.code);
      return loadAlertRules(db, request.params.code);
    }
  );

  routes.put(
    `${base}/alert-rules`,
    {
      config: { permission: 'alert.manage' },
      schema: { tags, summary: '修改预警分级规则（县级用户）', params: countyParams, body: z.unknown() },
    },
    async (request): Promise<AlertRules> => {
      const { code } = request.params;
      if (alertScopeOf(request, 'alert.manage', code).townships !== null) {
        throw forbidden('只有县级用户可以修改预警分级规则');
      }
      return saveAlertRules(db, actorOf(request), code, request.body);
    }
  );
}
