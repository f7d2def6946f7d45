/** Data-quality findings of a county's plan (computed once per plan load). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertCanRead } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { countyParams } from '../schemas.js';

export function registerFindingRoutes(app: FastifyInstance, { cache }: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/counties/:code/findings',
    {
      config: { permission: 'plan.read' },
      schema: { tags: ['plan'], summary: '规划数据质量问题', params: countyParams },
    },
    async (request) => {
      assertCanRead(request, 'plan.read', request.params.code);
      return (await cache.county(request.params.code)).findings;
    }
  );
}
