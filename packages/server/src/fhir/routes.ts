/**
 * FHIR R4 endpoints under /fhir: Measure (plan indicators) and MeasureReport (approved values); the health
 * records (Patient and what hangs off it) are in health-routes.ts.
 */
import type { RegisterValue, MonitoringValue } from '@chp/core';
import type { IndicatorRecord } from '@chp/db';
import { getIndicator, getValue, listCountySummaries, listInstalledCountyCodes, listValues } from '@chp/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCanRead, requireUser, visibleCounties } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { compareWithEntered } from '../evaluation/computed-values.js';
import { countyComputedValues } from '../evaluation/county-summaries.js';
import { notFound } from '../errors.js';
import { searchset } from './bundle.js';
import { capabilityStatement } from './capability.js';
import { toMeasure } from './measure.js';
import { toMeasureReport } from './measure-report.js';
import { registerHealthFhirRoutes } from './health-routes.js';
import { INDICATOR_SYSTEM, selfUrl, send, tokenValue } from './systems.js';

export function registerFhirRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, cache, computed } = deps;
  registerHealthFhirRoutes(app, deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const started = new Date().toISOString();

  /** Counties in the user's scope, optionally narrowed to one. */
  const countiesFor = async (request: FastifyRequest, county: string | undefined): Promise<string[]> => {
    const codes = county ? [county] : await listInstalledCountyCodes(db);
    return visibleCounties(requireUser(request), 'plan.read', codes);
  };

  const measuresOf = async (codes: string[]): Promise<{ indicator: IndicatorRecord; countyName: string }[]> => {
    const [summaries, data] = await Promise.all([
      listCountySummaries(db, codes),
      Promise.all(codes.map((c) => cache.county(c))),
    ]);
    const names = new Map(summaries.map((s) => [s.countyCode, s.name]));
    return data.flatMap((d) =>
      d.indicators.map((indicator) => ({ indicator, countyName: names.get(d.countyCode) ?? d.countyCode }))
    );
  };

  /** The values computed from the registers for the org unit, indicator and year of each approved value. */
  const computedFor = async (values: MonitoringValue[]): Promise<(RegisterValue | undefined)[]> => {
    const countyYear = (v: MonitoringValue): { key: string; county: string; year: number } => {
      const county = v.orgUnitCode.slice(0, 6);
      return { key: `${county}|${v.year}`, county, year: v.year };
    };
    const wanted = new Map(values.map((v) => [countyYear(v).key, countyYear(v)]));
    const linked = new Map(
      await Promise.all(
        [...wanted.values()].map(
          async ({ key, county, year }) => [key, await countyComputedValues(cache, computed, county, year)] as const
        )
      )
    );
    return values.map((v) => {
      const forIndicator = linked.get(countyYear(v).key)?.get(v.indicatorId);
      const own = [forIndicator?.county, ...(forIndicator?.townships ?? [])].find((c) => c?.orgUnit === v.orgUnitCode);
      return own && compareWithEntered(own, v.value);
    });
  };

  routes.get(
    '/metadata',
    { config: { public: true }, schema: { tags: ['fhir'], summary: 'CapabilityStatement' } },
    (_request, reply) => send(reply, capabilityStatement(started))
  );

  routes.get(
    '/Measure',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['fhir'],
        summary: '规划指标（Measure）检索',
        querystring: z.object({
          county: z.string().optional(),
          identifier: z.string().optional(),
          name: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { county, identifier, name } = request.query;
      const wantedId = identifier === undefined ? undefined : tokenValue(identifier, INDICATOR_SYSTEM);
      const needle = name?.toLowerCase();
      const measures = (await measuresOf(await countiesFor(request, county)))
        .filter(({ indicator }) => wantedId === undefined || indicator.id === wantedId)
        .map(({ indicator, countyName }) =>
          toMeasure(indicator, countyName, cache.standardDirection(indicator.standardCode))
        )
        .filter(
          (m) => needle === undefined || [m['name'], m['title']].some((v) => String(v).toLowerCase().includes(needle))
        );
      return send(reply, searchset(measures, selfUrl(request)));
    }
  );

  routes.get(
    '/Measure/:id',
    {
      config: { permission: 'plan.read' },
      schema: { tags: ['fhir'], summary: '规划指标（Measure）', params: z.object({ id: z.string().min(1).max(64) }) },
    },
    async (request, reply) => {
      const indicator = await getIndicator(db, request.params.id);
      if (!indicator) throw notFound('Measure 不存在');
      assertCanRead(request, 'plan.read', indicator.countyCode);
      const [county] = await listCountySummaries(db, [indicator.countyCode]);
      return send(
        reply,
        toMeasure(indicator, county?.name ?? indicator.countyCode, cache.standardDirection(indicator.standardCode))
      );
    }
  );

  routes.get(
    '/MeasureReport',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['fhir'],
        summary: '监测数据（MeasureReport）检索：仅已审核数据',
        querystring: z.object({
          measure: z.string().optional(),
          county: z.string().optional(),
          period: z
            .string()
            .regex(/^(eq)?\d{4}/, 'period 应为年份，如 2023')
            .optional(),
        }),
      },
    },
    async (request, reply) => {
      const { measure, county, period } = request.query;
      const indicatorId = measure?.replace(/^.*Measure\//, '');
      const year = period === undefined ? undefined : Number(period.replace(/^eq/, '').slice(0, 4));
      const codes = await countiesFor(request, county);
      const values = await listValues(db, { countyCodes: codes, status: 'approved', indicatorId, year });
      const units = new Map(
        (await Promise.all(codes.map((c) => cache.county(c)))).flatMap((d) => d.indicators.map((i) => [i.id, i.unit]))
      );
      const computedValues = await computedFor(values);
      const reports = values.map((v, index) =>
        toMeasureReport(v, units.get(v.indicatorId) ?? null, computedValues[index])
      );
      return send(reply, searchset(reports, selfUrl(request)));
    }
  );

  routes.get(
    '/MeasureReport/:id',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['fhir'],
        summary: '监测数据（MeasureReport）',
        params: z.object({ id: z.coerce.number().int().positive() }),
      },
    },
    async (request, reply) => {
      const value = await getValue(db, request.params.id);
      if (value?.status !== 'approved') throw notFound('MeasureReport 不存在');
      const indicator = await getIndicator(db, value.indicatorId);
      if (!indicator) throw notFound('MeasureReport 不存在');
      assertCanRead(request, 'plan.read', indicator.countyCode);
      const [own] = await computedFor([value]);
      return send(reply, toMeasureReport(value, indicator.unit, own));
    }
  );
}
