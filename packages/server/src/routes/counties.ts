/** Counties within the user's scope, adding a county, and the org-unit tree. */
import type { CountySummary } from '@chp/core';
import { isWithinScope } from '@chp/core';
import {
  addCounty,
  getOrgUnits,
  listCountySummaries,
  listInstalledCountyCodes,
  listOrgUnitChildren,
  writeAudit,
} from '@chp/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, assertCanWrite, requireUser, scopesWith, visibleCounties } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { countyCodeSchema, orgUnitCodeSchema } from '../schemas.js';

export function registerCountyRoutes(app: FastifyInstance, { db, cache, dashboards }: AppDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/counties',
    { config: { permission: 'plan.read' }, schema: { tags: ['counties'], summary: '县列表' } },
    async (request) => {
      const user = requireUser(request);
      const codes = visibleCounties(user, 'plan.read', await listInstalledCountyCodes(db));
      return listCountySummaries(db, codes);
    }
  );

  routes.post(
    '/counties',
    {
      config: { permission: 'county.manage' },
      schema: {
        tags: ['counties'],
        summary: '添加县（从全国区划数据加载乡镇、村）',
        body: z.object({ countyCode: countyCodeSchema }),
      },
    },
    async (request): Promise<CountySummary> => {
      const { countyCode } = request.body;
      assertCanWrite(request, 'county.manage', countyCode);
      await db.transaction(async (tx) => {
        const added = await addCounty(tx, countyCode);
        await writeAudit(tx, actorOf(request), {
          action: 'county.add',
          entity: 'county',
          entityId: countyCode,
          countyCode,
          after: added,
        });
      });
      cache.invalidate(countyCode);
      dashboards.invalidate(countyCode);
      const [summary] = await listCountySummaries(db, [countyCode]);
      if (!summary) {
        throw new Error(`county ${countyCode} missing after addCounty`);
      }
      return summary;
    }
  );

  routes.get(
    '/org-units',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['counties'],
        summary: '下级机构/区划',
        querystring: z.object({ parent: orgUnitCodeSchema.optional() }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const scopes = scopesWith(user, 'plan.read');
      const overlaps = (code: string): boolean => scopes.some((s) => isWithinScope(s, code) || isWithinScope(code, s));
      const parent = request.query.parent ?? null;
      if (parent !== null) {
        const [unit] = await getOrgUnits(db, [parent]);
        if (!unit || !overlaps(parent)) {
          throw notFound('机构/区划不存在或无权访问');
        }
      }
      const children = await listOrgUnitChildren(db, parent);
      return children.filter((child) => overlaps(child.code));
    }
  );
}
