/**
 * The county's facilities as a pick list (报告单位 on a case card, the facility of a surveillance site). Only
 * facilities open this year; township users see those of their townships and the county-level ones.
 */
import type { FacilityOption } from '@chp/core';
import { listFacilities } from '@chp/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertCanRead } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { requestTownships } from '../health/township-scope.js';
import { countyParams } from '../schemas.js';

export function registerFacilityRoutes(app: FastifyInstance, { db }: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/counties/:code/facilities',
    {
      config: { permission: 'case.report' },
      schema: { tags: ['registers'], summary: '本县现有医疗卫生机构（供报告单位等选择）', params: countyParams },
    },
    async (request): Promise<FacilityOption[]> => {
      const { code } = request.params;
      assertCanRead(request, 'case.report', code);
      const townships = requestTownships(request, 'case.report', code);
      const year = Number(new Date().toISOString().slice(0, 4));
      const facilities = await listFacilities(db, code, year);
      return facilities
        .filter((f) => townships === undefined || f.orgUnitCode === code || townships.includes(f.orgUnitCode))
        .map((f) => ({ id: f.id, name: f.name, facilityType: f.facilityType, orgUnitCode: f.orgUnitCode }));
    }
  );
}
