/** Cross-county comparison of the standard indicators that at least two visible counties share. */
import type { ComparisonRow } from '@chp/core';
import { evaluateIndicator } from '@chp/core';
import type { IndicatorRecord } from '@chp/db';
import {
  approvedCountySeries,
  listCountySummaries,
  listInstalledCountyCodes,
  listRegionalReferences,
  listStandardIndicators,
} from '@chp/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser, visibleCounties } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { defaultYear } from '../evaluation/county-summaries.js';
import { evaluationOptions } from '../evaluation/indicator-summary.js';
import { yearSchema } from '../schemas.js';

export function registerComparisonRoutes(app: FastifyInstance, { db, cache }: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/comparison',
    {
      config: { permission: 'plan.read' },
      schema: { tags: ['plan'], summary: '跨县指标比较', querystring: z.object({ year: yearSchema.optional() }) },
    },
    async (request): Promise<ComparisonRow[]> => {
      const user = requireUser(request);
      const codes = visibleCounties(user, 'plan.read', await listInstalledCountyCodes(db));
      const year = request.query.year ?? defaultYear({ start: 2021, end: 2025 });
      const [counties, indicators, series, references] = await Promise.all([
        listCountySummaries(db, codes),
        listStandardIndicators(db, codes),
        approvedCountySeries(db, codes),
        Promise.all(codes.map((code) => listRegionalReferences(db, code))).then((lists) => lists.flat()),
      ]);
      const countyName = new Map(counties.map((c) => [c.countyCode, c.name]));
      // One indicator per county and standard code: the first in plan order (table rows come first).
      const byStandard = new Map<string, Map<string, IndicatorRecord>>();
      for (const indicator of indicators) {
        const code = indicator.standardCode;
        if (code === null) continue;
        const perCounty = byStandard.get(code) ?? new Map<string, IndicatorRecord>();
        if (!perCounty.has(indicator.countyCode)) perCounty.set(indicator.countyCode, indicator);
        byStandard.set(code, perCounty);
      }
      return cache.catalog().flatMap((standard): ComparisonRow[] => {
        const perCounty = [...(byStandard.get(standard.code)?.values() ?? [])];
        if (perCounty.length < 2) return [];
        return [
          {
            standardCode: standard.code,
            name: standard.name,
            unit: standard.unit,
            direction: standard.direction,
            counties: perCounty.map((indicator) => {
              const values = series.get(indicator.id) ?? [];
              const evaluation = evaluateIndicator(
                indicator,
                values,
                year,
                evaluationOptions(cache, indicator, references, year)
              );
              return {
                countyCode: indicator.countyCode,
                countyName: countyName.get(indicator.countyCode) ?? indicator.countyCode,
                indicatorId: indicator.id,
                baseline: indicator.baseline,
                target: indicator.target,
                targetValue: indicator.targetValue,
                latestValue: evaluation.value,
                latestYear: evaluation.valueYear,
                status: evaluation.status,
              };
            }),
          },
        ];
      });
    }
  );
}
