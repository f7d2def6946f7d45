/** Evaluation report downloads (Word or Excel). */
import { buildEvaluationDocx, buildEvaluationXlsx, reportTitle } from '@chp/reports';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCanRead } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { DOCX_TYPE, XLSX_TYPE, sendFile } from '../download.js';
import { HttpError } from '../errors.js';
import { ReportInputError, buildReportInput } from '../reports/report-input.js';
import { countyCodeSchema, yearSchema } from '../schemas.js';

export function registerReportRoutes(app: FastifyInstance, { db, cache, computed }: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/counties/:code/reports/:kind',
    {
      config: { permission: 'report.download' },
      schema: {
        tags: ['reports'],
        summary: '下载评估报告（年度监测、中期评估、终期评估）',
        params: z.object({ code: countyCodeSchema, kind: z.enum(['annual', 'midterm', 'final']) }),
        querystring: z.object({ year: yearSchema.optional(), format: z.enum(['docx', 'xlsx']).default('docx') }),
      },
    },
    async (request, reply) => {
      const { code, kind } = request.params;
      assertCanRead(request, 'report.download', code);
      const input = await buildReportInput(db, code, kind, request.query.year, cache, computed).catch(
        (error: unknown) => {
          throw error instanceof ReportInputError ? new HttpError(400, 'report_unavailable', error.message) : error;
        }
      );
      const { format } = request.query;
      const file = format === 'docx' ? await buildEvaluationDocx(input) : await buildEvaluationXlsx(input);
      return sendFile(
        reply,
        file,
        format === 'docx' ? DOCX_TYPE : XLSX_TYPE,
        `${reportTitle(input)}.${format}`,
        `report-${code}-${kind}-${input.year}.${format}`
      );
    }
  );
}
