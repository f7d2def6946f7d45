/** The county dashboard and one indicator's detail. */
import type { CountySummary, DashboardResponse, IndicatorDetailResponse, IndicatorStatus } from '@chp/core';
import { INDICATOR_STATUSES, evaluateIndicator, expectedTrajectory, planYears } from '@chp/core';
import { getIndicator, indicatorValueHistoryOf, listValues } from '@chp/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCanRead } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { countyIndicatorSummaries, defaultYear, loadSummaryInputs } from '../evaluation/county-summaries.js';
import { evaluationOptions, summarizeIndicator } from '../evaluation/indicator-summary.js';
import { notFound } from '../errors.js';
import { countyParams, yearSchema } from '../schemas.js';

export function registerDashboardRoutes(app: FastifyInstance, { db, cache, dashboards }: AppDeps): void {
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
      const body = await dashboards.get(code, year, () => buildDashboard(county, year));
      return reply.type('application/json; charset=utf-8').send(body);
    }
  );

  async function buildDashboard(county: CountySummary, year: number): Promise<DashboardResponse> {
    const indicators = await countyIndicatorSummaries(db, cache, county.countyCode, year);
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
      const indicator = summarizeIndicator(cache, inputs, record, year);
      const period = inputs.data.plan ?? { start: year, end: year };
      const years = planYears(period.start, period.end);
      const [values, history] = await Promise.all([
        listValues(db, { indicatorId: record.id }),
        indicatorValueHistoryOf(db, record.id),
      ]);
      return {
        indicator,
        trajectory: expectedTrajectory(record, evaluationOptions(cache, record, inputs.references, period.end)),
        // The regional reference may differ by year, so each year gets its own options.
        evaluations: years.map((y) =>
          evaluateIndicator(record, indicator.series, y, evaluationOptions(cache, record, inputs.references, y))
        ),
        values,
        history,
        findings: inputs.data.findings.filter((f) => f.indicatorId === record.id),
        regionalReferences: inputs.references
          .filter((r) => r.indicatorId === record.id)
          .map((r) => ({ year: r.year, value: r.value, sourceDocument: r.sourceDocument })),
      };
    }
  );
}
