/** Indicators computed from the registers (births, deaths, population, facilities, staff) for a county. */
import type { ComputedIndicatorResponse } from '@chp/core';
import { computeIndicators } from '@chp/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCanRead } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { defaultYear } from '../evaluation/county-summaries.js';
import { countyParams, yearSchema } from '../schemas.js';

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
}
