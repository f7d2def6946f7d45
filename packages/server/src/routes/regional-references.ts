/** Reference values for "达到全区平均水平"-style targets, entered with their source. */
import { setRegionalReference } from '@chp/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, assertCanWrite } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { yearSchema } from '../schemas.js';

export function registerRegionalReferenceRoutes(app: FastifyInstance, { db, dashboards }: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().put(
    '/indicators/:id/references/:year',
    {
      config: { permission: 'value.enter' },
      schema: {
        tags: ['values'],
        summary: '录入参照值（如全区平均水平）',
        params: z.object({ id: z.string().min(1).max(64), year: yearSchema }),
        body: z.object({ value: z.number(), sourceDocument: z.string().trim().max(500).optional() }),
      },
    },
    async (request) => {
      const reference = await setRegionalReference(
        db,
        actorOf(request),
        {
          indicatorId: request.params.id,
          year: request.params.year,
          value: request.body.value,
          sourceDocument: request.body.sourceDocument || null,
        },
        (countyCode) => {
          assertCanWrite(request, 'value.enter', countyCode);
        }
      );
      dashboards.changed(reference.countyCode);
      return reference;
    }
  );
}
