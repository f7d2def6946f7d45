/**
 * A county's township boundaries (GeoJSON) for the township map: uploaded and deleted by the county's
 * administrator, read by everyone who sees the county.
 */
import type { BoundaryIssue, ImportIssue, TownshipBoundariesResponse, TownshipBoundaryReport } from '@chp/core';
import { MAX_BOUNDARY_BYTES } from '@chp/core';
import { deleteTownshipBoundaries, getTownshipBoundaries, saveTownshipBoundaries } from '@chp/db';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, assertCanRead, assertCanWrite } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { HttpError, sendError } from '../errors.js';
import { countyParams } from '../schemas.js';

const PATH = '/counties/:code/township-boundaries';
const GEOJSON_TYPES = ['application/json', 'application/geo+json'];
const MAX_MEGABYTES = MAX_BOUNDARY_BYTES / (1024 * 1024);

function invalidBoundaries(issues: BoundaryIssue[]): HttpError {
  const details: ImportIssue[] = issues.map((issue) => ({
    file: '乡镇边界',
    sheet: '',
    row: issue.feature ?? 0,
    column: '',
    reason: issue.reason,
  }));
  const more = issues.length > 1 ? `；另有 ${issues.length - 1} 条` : '';
  return new HttpError(400, 'invalid_boundaries', `乡镇边界文件未保存：${issues[0]?.reason ?? ''}${more}`, details);
}

function isBodyTooLarge(error: unknown): boolean {
  return (error as Partial<FastifyError> | null)?.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
}

export function registerTownshipBoundaryRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    PATH,
    {
      config: { permission: 'plan.read' },
      schema: {
        tags: ['counties'],
        summary: '乡镇边界（GeoJSON，要素带 townshipCode/townshipName；未上传时 204）',
        params: countyParams,
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      assertCanRead(request, 'plan.read', code);
      const boundaries: TownshipBoundariesResponse | null = await getTownshipBoundaries(db, code);
      // No boundaries is a normal state (the page shows tiles), not an error: 204 rather than 404.
      return boundaries ? boundaries : reply.code(204).send();
    }
  );

  routes.delete(
    PATH,
    {
      config: { permission: 'county.manage' },
      schema: { tags: ['counties'], summary: '删除乡镇边界', params: countyParams },
    },
    async (request, reply) => {
      const { code } = request.params;
      assertCanWrite(request, 'county.manage', code);
      if (!(await deleteTownshipBoundaries(db, actorOf(request), code))) {
        throw new HttpError(404, 'boundaries_not_uploaded', '该县尚未上传乡镇边界');
      }
      return reply.code(204).send();
    }
  );

  // The upload is read as text in its own scope: its size limit is the boundary file's, larger than the
  // API's JSON limit, and the text is checked (and syntax errors located) before anything is parsed.
  void app.register((scoped, _options, done) => {
    scoped.removeContentTypeParser(GEOJSON_TYPES);
    scoped.addContentTypeParser(
      GEOJSON_TYPES,
      { parseAs: 'string', bodyLimit: MAX_BOUNDARY_BYTES },
      (_request, body, parsed) => {
        parsed(null, body);
      }
    );
    scoped.setErrorHandler((error, request, reply) =>
      sendError(
        isBodyTooLarge(error)
          ? new HttpError(
              413,
              'boundaries_too_large',
              `乡镇边界文件超过 ${MAX_MEGABYTES} MB 上限，请先简化边界（如用 mapshaper 抽稀）再上传`
            )
          : error,
        request,
        reply
      )
    );
    scoped.withTypeProvider<ZodTypeProvider>().put(
      PATH,
      {
        config: { permission: 'county.manage' },
        schema: {
          tags: ['counties'],
          summary: `上传乡镇边界（请求体为 GeoJSON FeatureCollection，不超过 ${MAX_MEGABYTES} MB）`,
          consumes: GEOJSON_TYPES,
          params: countyParams,
          body: z.string().describe('GeoJSON FeatureCollection 原文'),
        },
      },
      async (request): Promise<TownshipBoundaryReport> => {
        const { code } = request.params;
        assertCanWrite(request, 'county.manage', code);
        const upload = await saveTownshipBoundaries(db, actorOf(request), code, request.body);
        if (!upload.saved) {
          throw invalidBoundaries(upload.issues);
        }
        return upload.report;
      }
    );
    done();
  });
}
