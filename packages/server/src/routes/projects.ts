/** Major projects: listing, tracking updates and milestones. */
import { PROJECT_STATUSES } from '@chp/core';
import { addMilestone, listProjects, milestoneCounty, projectCounty, updateMilestone, updateProject } from '@chp/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, assertCanRead, assertCanWrite } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { countyParams, numericIdParams } from '../schemas.js';

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Writes on a county's project need project.update over the whole county. */
function assertCanUpdate(request: FastifyRequest, countyCode: string | undefined): void {
  if (countyCode === undefined) {
    throw notFound('项目不存在');
  }
  assertCanWrite(request, 'project.update', countyCode);
}

export function registerProjectRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/counties/:code/projects',
    { config: { permission: 'plan.read' }, schema: { tags: ['projects'], summary: '重大项目', params: countyParams } },
    async (request) => {
      assertCanRead(request, 'plan.read', request.params.code);
      return listProjects(db, request.params.code);
    }
  );

  routes.patch(
    '/projects/:id',
    {
      config: { permission: 'project.update' },
      schema: {
        tags: ['projects'],
        summary: '更新项目进展',
        params: z.object({ id: z.string().min(1).max(64) }),
        body: z.object({
          status: z.enum(PROJECT_STATUSES).optional(),
          progressPct: z.number().min(0).max(100).optional(),
          investmentToDate: z.number().min(0).optional(),
        }),
      },
    },
    async (request) => {
      assertCanUpdate(request, await projectCounty(db, request.params.id));
      return updateProject(db, actorOf(request), request.params.id, request.body);
    }
  );

  routes.post(
    '/projects/:id/milestones',
    {
      config: { permission: 'project.update' },
      schema: {
        tags: ['projects'],
        summary: '添加里程碑',
        params: z.object({ id: z.string().min(1).max(64) }),
        body: z.object({
          name: z.string().trim().min(1).max(200),
          dueDate: dateSchema.optional(),
          note: z.string().max(2000).optional(),
        }),
      },
    },
    async (request) => {
      assertCanUpdate(request, await projectCounty(db, request.params.id));
      return addMilestone(db, actorOf(request), request.params.id, request.body);
    }
  );

  routes.patch(
    '/milestones/:id',
    {
      config: { permission: 'project.update' },
      schema: {
        tags: ['projects'],
        summary: '更新里程碑',
        params: numericIdParams,
        body: z.object({
          doneDate: dateSchema.nullable().optional(),
          note: z.string().max(2000).nullable().optional(),
        }),
      },
    },
    async (request) => {
      assertCanUpdate(request, await milestoneCounty(db, request.params.id));
      return updateMilestone(db, actorOf(request), request.params.id, request.body);
    }
  );
}
