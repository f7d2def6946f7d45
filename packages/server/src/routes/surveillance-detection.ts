/**
 * The detection run on demand, its runs and results, and the epidemic curve (docs/surveillance.md "Daily
 * detection run"). Township users see their townships' results and cases only.
 */
import { epicurve, listDetectionResults, listDetectionRuns, runDetection } from '@chp/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { forbidden, HttpError } from '../errors.js';
import { isoDateSchema, today } from '../health/dates.js';
import { requestTownships } from '../health/township-scope.js';
import { countyParams, orgUnitCodeSchema } from '../schemas.js';

const MAX_EPICURVE_DAYS = 5 * 366;

export function registerSurveillanceDetectionRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const base = '/counties/:code/surveillance';

  routes.post(
    `${base}/detection/runs`,
    {
      config: { permission: 'alert.manage' },
      schema: {
        tags: ['surveillance'],
        summary: '立即运行某日的预警检测（重复运行替换该日结果）',
        params: countyParams,
        body: z.object({ date: isoDateSchema }),
      },
    },
    async (request, reply) => {
      const { date } = request.body;
      if (date > today()) throw new HttpError(400, 'future_date', '不能检测未来的日期');
      const summary = await runDetection(db, request.params.code, date, 'manual', actorOf(request).userId);
      void reply.status(201);
      return summary;
    }
  );

  routes.get(
    `${base}/detection/runs`,
    {
      config: { permission: 'surveillance.read' },
      schema: {
        tags: ['surveillance'],
        summary: '预警检测运行记录（最近在前）',
        params: countyParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(365).default(60) }),
      },
    },
    async (request) => listDetectionRuns(db, request.params.code, request.query.limit)
  );

  routes.get(
    `${base}/detection/results`,
    {
      config: { permission: 'surveillance.read' },
      schema: {
        tags: ['surveillance'],
        summary: '某日的预警检测结果',
        params: countyParams,
        querystring: z.object({ date: isoDateSchema, alarm: z.enum(['true', 'false']).optional() }),
      },
    },
    async (request) => {
      const { code } = request.params;
      const { date, alarm } = request.query;
      return listDetectionResults(db, code, {
        date,
        alarm: alarm === undefined ? undefined : alarm === 'true',
        townships: requestTownships(request, 'surveillance.read', code),
      });
    }
  );

  routes.get(
    `${base}/epicurve`,
    {
      config: { permission: 'surveillance.read' },
      schema: {
        tags: ['surveillance'],
        summary: '流行曲线：按发病日期的病例数（不含已删除和重卡）',
        params: countyParams,
        querystring: z.object({
          disease: z.string().min(1).optional(),
          township: orgUnitCodeSchema.optional(),
          from: isoDateSchema,
          to: isoDateSchema,
          by: z.enum(['day', 'week']).default('day'),
        }),
      },
    },
    async (request) => {
      const { code } = request.params;
      const { disease, township, from, to, by } = request.query;
      const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
      if (days < 0 || days > MAX_EPICURVE_DAYS)
        throw new HttpError(400, 'bad_range', `日期范围应在 0–${MAX_EPICURVE_DAYS} 天之间`);
      const allowed = requestTownships(request, 'surveillance.read', code);
      if (township !== undefined && allowed !== undefined && !allowed.includes(township)) {
        throw forbidden('您只能查看本乡镇（街道）的病例');
      }
      const townships = township === undefined ? allowed : [township];
      return epicurve(db, code, { disease, townships, from, to, by });
    }
  );
}
