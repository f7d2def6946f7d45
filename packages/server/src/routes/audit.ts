/** The audit trail, for those holding audit.read (scoped to their counties unless platform-wide). */
import { listAudit, PLATFORM_SCOPE } from '@chp/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser, scopesWith } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';

export function registerAuditRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: '审计日志',
        querystring: z.object({
          entity: z.string().max(64).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (request) => {
      const scopes = scopesWith(requireUser(request), 'audit.read');
      return listAudit(db, { ...request.query, scopes: scopes.includes(PLATFORM_SCOPE) ? null : scopes });
    }
  );
}
