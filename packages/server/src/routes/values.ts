/** The monitoring-value workflow: save, submit, approve, return, and the lists around it. */
import { VALUE_STATUSES } from '@chp/core';
import type { MonitoringValue, Permission } from '@chp/core';
import { approveValue, listInstalledCountyCodes, listValues, returnValue, saveValue, submitValue } from '@chp/db';
import type { Authorize } from '@chp/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, assertCanRead, canActOn, assertCanWrite, requireUser, visibleCounties } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { countyCodeSchema, countyParams, numericIdParams, orgUnitCodeSchema, yearSchema } from '../schemas.js';

const saveValueBody = z.object({
  indicatorId: z.string().min(1).max(64),
  orgUnitCode: orgUnitCodeSchema.optional(),
  year: z.number().int().min(2000).max(2100),
  value: z.number(),
  sourceDocument: z.string().max(500).optional(),
  note: z.string().max(2000).optional(),
  submit: z.boolean().optional(),
});

/** Scope check run inside the workflow's transaction once the value's org unit is known (403 outside). */
function scopeCheck(request: FastifyRequest, permission: Permission): Authorize {
  return (target) => {
    assertCanWrite(request, permission, target.orgUnitCode);
  };
}

export function registerValueRoutes(app: FastifyInstance, { db, dashboards }: AppDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  /** Every workflow step may change what the county's dashboard shows. */
  const changed = (value: MonitoringValue): MonitoringValue => {
    dashboards.changed(value.orgUnitCode.slice(0, 6));
    return value;
  };

  routes.post(
    '/values',
    {
      config: { permission: 'value.enter' },
      schema: { tags: ['values'], summary: '录入或修改监测数据', body: saveValueBody },
    },
    async (request) => changed(await saveValue(db, actorOf(request), request.body, scopeCheck(request, 'value.enter')))
  );

  routes.post(
    '/values/:id/submit',
    {
      config: { permission: 'value.enter' },
      schema: { tags: ['values'], summary: '提交审核', params: numericIdParams },
    },
    async (request) =>
      changed(await submitValue(db, actorOf(request), request.params.id, scopeCheck(request, 'value.enter')))
  );

  routes.post(
    '/values/:id/approve',
    {
      config: { permission: 'value.approve' },
      schema: { tags: ['values'], summary: '审核通过', params: numericIdParams },
    },
    async (request) =>
      changed(await approveValue(db, actorOf(request), request.params.id, scopeCheck(request, 'value.approve')))
  );

  routes.post(
    '/values/:id/return',
    {
      config: { permission: 'value.approve' },
      schema: {
        tags: ['values'],
        summary: '退回修改',
        params: numericIdParams,
        body: z.object({ reason: z.string().trim().min(1, '请填写退回原因').max(1000) }),
      },
    },
    async (request) =>
      changed(
        await returnValue(
          db,
          actorOf(request),
          request.params.id,
          request.body.reason,
          scopeCheck(request, 'value.approve')
        )
      )
  );

  routes.get(
    '/approvals',
    {
      config: { permission: 'value.approve' },
      schema: {
        tags: ['values'],
        summary: '待审核数据',
        querystring: z.object({ county: countyCodeSchema.optional() }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const county = request.query.county;
      const counties = visibleCounties(user, 'value.approve', county ? [county] : await listInstalledCountyCodes(db));
      if (county && counties.length === 0) {
        throw notFound();
      }
      const values = await listValues(db, { countyCodes: counties, status: 'submitted' });
      return values.filter((v) => canActOn(user, 'value.approve', v.orgUnitCode));
    }
  );

  routes.get(
    '/counties/:code/values',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['values'],
        summary: '县监测数据',
        params: countyParams,
        querystring: z.object({ year: yearSchema.optional(), status: z.enum(VALUE_STATUSES).optional() }),
      },
    },
    async (request) => {
      assertCanRead(request, 'plan.read', request.params.code);
      return listValues(db, {
        countyCode: request.params.code,
        year: request.query.year,
        status: request.query.status,
      });
    }
  );
}
