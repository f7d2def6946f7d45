/** The county dashboard and one indicator's detail. */
import type { CountySummary, DashboardResponse, IndicatorDetailResponse, IndicatorStatus } from '@chp/core';
import { INDICATOR_STATUSES, evaluateIndicator, expectedTrajectory, planYears } from '@chp/core';
import { getIndicator, indicatorValueHistoryOf, listValues } from '@chp/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCanRead } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { compareWithEntered } from '../evaluation/computed-values.js';
import type { RegisterComputation } from '../evaluation/computed-values.js';
import {
  countyComputedValues,
  countyIndicatorSummaries,
  defaultYear,
  loadSummaryInputs,
} from '../evaluation/county-summaries.js';
import { evaluationOptions, summarizeIndicator } from '../evaluation/indicator-summary.js';
import { notFound } from '../errors.js';
import { countyParams, yearSchema } from '../schemas.js';

export function registerDashboardRoutes(app: FastifyInstance, { db, cache, computed, dashboards }: AppDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/counties/:code/dashboard',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['plan'],
        summary: '县规划监测总览',
        params: countyParams,
        querystring: z.object({ year: yearSchema.optional() }),
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      assertCanRead(request, 'plan.read', code);
      const data = await cache.county(code);
      const county = data.county;
      if (!county) {
        throw notFound('该县尚未安装');
      }
      const year = request.query.year ?? defaultYear(data.plan);
      const computation = await computed.get(code, year);
      const body = await dashboards.get(code, year, computation.computedAt, () =>
        buildDashboard(county, year, computation)
      );
      return reply.type('application/json; charset=utf-8').send(body);
    }
  );

  async function buildDashboard(
    county: CountySummary,
    year: number,
    computation: RegisterComputation
  ): Promise<DashboardResponse> {
    const indicators = await countyIndicatorSummaries(db, cache, county.countyCode, year, computation);
    const statusCounts = Object.fromEntries(INDICATOR_STATUSES.map((s) => [s, 0])) as Record<IndicatorStatus, number>;
    let bindingAlerts = 0;
    for (const indicator of indicators) {
      statusCounts[indicator.evaluation.status] += 1;
      bindingAlerts += indicator.evaluation.bindingAlert ? 1 : 0;
    }
    return { county, year, indicators, statusCounts, bindingAlerts };
  }

  routes.get(
    '/indicators/:id',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['plan'],
        summary: '指标详情：轨迹、逐年评估、数据与历史',
        params: z.object({ id: z.string().min(1).max(64) }),
        querystring: z.object({ year: yearSchema.optional() }),
      },
    },
    async (request): Promise<IndicatorDetailResponse> => {
      const record = await getIndicator(db, request.params.id);
      if (!record) {
        throw notFound('指标不存在');
      }
      assertCanRead(request, 'plan.read', record.countyCode);
      const inputs = await loadSummaryInputs(db, cache, record.countyCode);
      const year = request.query.year ?? defaultYear(inputs.data.plan);
      const period = inputs.data.plan ?? { start: year, end: year };
      const years = planYears(period.start, period.end);
      // The registers' values of every plan year, so that each year's evaluation can fall back on them.
      const computedIn = new Map(
        await Promise.all(
          [...new Set([year, ...years])].map(
            async (y) =>
              [y, (await countyComputedValues(cache, computed, record.countyCode, y)).get(record.id)] as const
          )
        )
      );
      const linked = computedIn.get(year);
      const indicator = summarizeIndicator(cache, inputs, record, year, linked);
      const [values, history] = await Promise.all([
        listValues(db, { indicatorId: record.id }),
        indicatorValueHistoryOf(db, record.id),
      ]);
      const approvedIn = (orgUnitCode: string): number | null =>
        values.find((v) => v.orgUnitCode === orgUnitCode && v.year === year && v.status === 'approved')?.value ?? null;
      return {
        indicator,
        trajectory: expectedTrajectory(record, evaluationOptions(cache, record, inputs.references, period.end)),
        // The regional reference and the computed value differ by year, so each year gets its own options.
        evaluations: years.map((y) =>
          evaluateIndicator(
            record,
            indicator.series,
            y,
            evaluationOptions(cache, record, inputs.references, y, computedIn.get(y)?.county.value)
          )
        ),
        values,
        history,
        findings: inputs.data.findings.filter((f) => f.indicatorId === record.id),
        regionalReferences: inputs.references
          .filter((r) => r.indicatorId === record.id)
          .map((r) => ({ year: r.year, value: r.value, sourceDocument: r.sourceDocument })),
        computedTownships: (linked?.townships ?? []).map((township) =>
          compareWithEntered(township, approvedIn(township.orgUnit))
        ),
      };
    }
  );
}
