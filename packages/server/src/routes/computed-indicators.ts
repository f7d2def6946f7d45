/** Indicators computed from the registers (births, deaths, population, facilities, staff) for a county. */
import type { ComputedIndicatorResponse, ComputedTrendResponse } from '@chp/core';
import { computeIndicators, computeIndicatorTrend } from '@chp/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCanRead } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../errors.js';
import { defaultYear } from '../evaluation/county-summaries.js';
import { countyParams, yearSchema } from '../schemas.js';

/** Longest trend computed in one request (each year reads the registers afresh). */
const MAX_TREND_YEARS = 20;

export function registerComputedIndicatorRoutes(app: FastifyInstance, { db, cache }: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/counties/:code/computed-indicators',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['plan'],
        summary: '由登记数据计算的指标（全县及各乡镇）',
        params: countyParams,
        querystring: z.object({ year: yearSchema.optional() }),
      },
    },
    async (request): Promise<ComputedIndicatorResponse[]> => {
      const { code } = request.params;
      assertCanRead(request, 'plan.read', code);
      const year = request.query.year ?? defaultYear((await cache.county(code)).plan);
      return computeIndicators(db, code, year);
    }
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/counties/:code/computed-indicators/trend',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['plan'],
        summary: '登记数据指标的历年趋势（全县及各乡镇）',
        params: countyParams,
        querystring: z.object({
          indicator: z.string().trim().min(1).max(64),
          from: yearSchema.optional(),
          to: yearSchema.optional(),
        }),
      },
    },
    async (request): Promise<ComputedTrendResponse> => {
      const { code } = request.params;
      assertCanRead(request, 'plan.read', code);
      const { plan } = await cache.county(code);
      const to = request.query.to ?? defaultYear(plan);
      // By default from the plan's baseline year (the year before it starts), else the last five years.
      const from = request.query.from ?? Math.min(to, plan ? plan.start - 1 : to - 4);
      if (from > to) {
        throw new HttpError(400, 'invalid_range', `起始年份 ${from} 晚于结束年份 ${to}`);
      }
      if (to - from + 1 > MAX_TREND_YEARS) {
        throw new HttpError(400, 'invalid_range', `趋势一次最多计算 ${MAX_TREND_YEARS} 年，请缩小年份范围`);
      }
      return computeIndicatorTrend(db, code, request.query.indicator, from, to);
    }
  );
}
