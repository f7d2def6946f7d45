/** The HTTP application: REST API under /api/v1, FHIR under /fhir, OpenAPI docs, and the web UI. */
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Db, IdCipher } from '@chp/db';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HashCost } from './auth/passwords.js';
import { registerAuthRoutes } from './auth/routes.js';
import { SessionCache } from './auth/session-cache.js';
import { registerSessionHook } from './auth/session-hook.js';
import type { AppDeps } from './deps.js';
import { sendError } from './errors.js';
import { ComputedCache } from './evaluation/computed-values.js';
import { DashboardCache } from './evaluation/dashboard-cache.js';
import { PlanCache } from './evaluation/plan-cache.js';
import { registerFhirRoutes } from './fhir/routes.js';
import { registerAuditRoutes } from './routes/audit.js';
import { registerComparisonRoutes } from './routes/comparison.js';
import { registerComputedIndicatorRoutes } from './routes/computed-indicators.js';
import { registerCountyRoutes } from './routes/counties.js';
import { registerDashboardRoutes } from './routes/dashboard.js';
import { registerFacilityRoutes } from './routes/facilities.js';
import { registerFamilyDoctorRoutes } from './routes/family-doctors.js';
import { registerFindingRoutes } from './routes/findings.js';
import { registerRegionalReferenceRoutes } from './routes/regional-references.js';
import { registerRegisterRoutes } from './routes/registers.js';
import { registerSurveillanceDetectionRoutes } from './routes/surveillance-detection.js';
import { registerSurveillanceAlertRoutes } from './routes/surveillance-alerts.js';
import { registerSurveillanceSignalRoutes } from './routes/surveillance-signals.js';
import { registerSurveillanceCaseRoutes } from './routes/surveillance-cases.js';
import { registerResidentRoutes } from './routes/residents.js';
import { registerProgramRoutes } from './routes/programs.js';
import { registerProjectRoutes } from './routes/projects.js';
import { registerReportRoutes } from './routes/reports.js';
import { registerTownshipBoundaryRoutes } from './routes/township-boundaries.js';
import { registerUserRoutes } from './routes/users.js';
import { registerValueImportRoutes } from './routes/value-import.js';
import { registerValueRoutes } from './routes/values.js';
import { registerWebUi } from './web-ui.js';

export interface AppOptions {
  db: Db;
  /** Encrypts and hashes residents' ID numbers (the installation's key). */
  idCipher: IdCipher;
  /** Directory of the built web UI (index.html and assets). */
  webRoot?: string;
  logger?: boolean;
  /** Mark the session cookie Secure (behind HTTPS). */
  secureCookies?: boolean;
  /** argon2 cost for new password hashes; tests may lower it. */
  hashCost?: HashCost;
  /** How long a session lookup is reused (default 2 s); 0 reads the database on every request. */
  sessionCacheTtlMs?: number;
}

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

// Validation messages in Chinese, the users' language.
z.config(z.locales.zhCN());

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '县域卫生健康信息平台 API',
        description: '规划监测评估、监测数据审核、报告与 FHIR 接口',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'chp_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onSend', async (_request, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'same-origin');
  });
  const sessions = new SessionCache(options.db, options.sessionCacheTtlMs);
  registerSessionHook(app, options.db, sessions);

  const deps: AppDeps = {
    db: options.db,
    idCipher: options.idCipher,
    sessions,
    cache: new PlanCache(options.db),
    computed: new ComputedCache(options.db),
    dashboards: new DashboardCache(options.db),
    hashCost: options.hashCost,
  };
  await app.register(
    (api, _options, done) => {
      api.get('/health', { config: { public: true }, schema: { tags: ['system'], summary: '健康检查' } }, () => ({
        status: 'ok',
      }));
      registerAuthRoutes(api, {
        db: options.db,
        sessions,
        secureCookies: options.secureCookies ?? false,
        hashCost: options.hashCost,
      });
      registerCountyRoutes(api, deps);
      registerDashboardRoutes(api, deps);
      registerComputedIndicatorRoutes(api, deps);
      registerTownshipBoundaryRoutes(api, deps);
      registerRegisterRoutes(api, deps);
      registerResidentRoutes(api, deps);
      registerValueRoutes(api, deps);
      registerValueImportRoutes(api, deps);
      registerRegionalReferenceRoutes(api, deps);
      registerProgramRoutes(api, deps);
      registerProjectRoutes(api, deps);
      registerFindingRoutes(api, deps);
      registerReportRoutes(api, deps);
      registerComparisonRoutes(api, deps);
      registerUserRoutes(api, deps);
      registerAuditRoutes(api, deps);
      registerFacilityRoutes(api, deps);
      registerFamilyDoctorRoutes(api, deps);
      registerSurveillanceSignalRoutes(api, deps);
      registerSurveillanceCaseRoutes(api, deps);
      registerSurveillanceAlertRoutes(api, deps);
      registerSurveillanceDetectionRoutes(api, deps);
      done();
    },
    { prefix: '/api/v1' }
  );
  await app.register(
    (fhir, _options, done) => {
      registerFhirRoutes(fhir, deps);
      done();
    },
    { prefix: '/fhir' }
  );
  await registerWebUi(app, options.webRoot);
  return app;
}
