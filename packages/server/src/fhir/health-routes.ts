/**
 * FHIR read and search of the health records: Patient, Encounter, Condition, Observation, Immunization and
 * EpisodeOfCare (docs/api.md). Scoped like the REST API (record.read over the user's areas): a record
 * outside the scope is a 404 on read and absent from searches. Every read of a resident's data writes a
 * record.read audit row for that resident, as the REST API does.
 */
import type { HealthRecordKind, HealthRecordRow, ResidentRow } from '@chp/db';
import {
  findResidentById,
  idNumberHashes,
  listScopedRecords,
  orgUnitNames,
  searchScopedResidents,
  writeRecordAccess,
} from '@chp/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { isoDateSchema, today } from '../health/dates.js';
import { toCondition } from './condition.js';
import { toEncounter } from './encounter.js';
import { toEpisodeOfCare } from './episode-of-care.js';
import { pagedSearchset, pageOf, pagingQuery, patientParam, recordReadScope } from './health-search.js';
import { toImmunization } from './immunization.js';
import { toObservation } from './observation.js';
import { toPatient } from './patient.js';
import type { FhirResource } from './systems.js';
import { send } from './systems.js';

const tags = ['fhir'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

interface RecordType<K extends HealthRecordKind> {
  kind: K;
  label: string;
  toResource: (row: HealthRecordRow<K>) => FhirResource;
}

/** The resource types that hang off a Patient, by FHIR name. */
const RECORD_TYPES = {
  Encounter: { kind: 'encounter', label: '就诊', toResource: toEncounter },
  Condition: { kind: 'diagnosis', label: '诊断', toResource: toCondition },
  Observation: { kind: 'observation', label: '检验检查', toResource: toObservation },
  Immunization: { kind: 'vaccination', label: '预防接种', toResource: toImmunization },
  EpisodeOfCare: { kind: 'programEnrolment', label: '项目管理', toResource: toEpisodeOfCare },
} as const satisfies {
  Encounter: RecordType<'encounter'>;
  Condition: RecordType<'diagnosis'>;
  Observation: RecordType<'observation'>;
  Immunization: RecordType<'vaccination'>;
  EpisodeOfCare: RecordType<'programEnrolment'>;
};

export function registerHealthFhirRoutes(app: FastifyInstance, { db, idCipher }: AppDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  /** One audit row per resident whose data the answer holds. */
  const audit = async (request: FastifyRequest, rows: readonly { countyCode: string; residentId: number }[]) => {
    const residents = new Map(rows.map((row) => [row.residentId, row.countyCode]));
    for (const [residentId, countyCode] of residents) {
      await writeRecordAccess(db, actorOf(request), countyCode, residentId, 'record.read');
    }
  };

  /** The names of the residents' townships and villages. */
  const areaNames = (rows: readonly ResidentRow[]): Promise<Map<string, string>> =>
    orgUnitNames(
      db,
      rows.flatMap((row) => [row.townshipCode, ...(row.villageCode === null ? [] : [row.villageCode])])
    );

  routes.get(
    '/Patient',
    {
      config: { permission: 'record.read' },
      schema: {
        tags,
        summary: '居民（Patient）检索：identifier 为证件号码（精确），name 包含匹配，birthdate 出生日期',
        querystring: z.object({
          identifier: z.string().max(100).optional(),
          name: z.string().trim().min(1).max(50).optional(),
          birthdate: isoDateSchema.optional(),
          ...pagingQuery,
        }),
      },
    },
    async (request, reply) => {
      const { identifier, name, birthdate } = request.query;
      const page = pageOf(request.query);
      // Any ID type's system (or none): the number alone finds the resident, whatever the document.
      const number = identifier?.slice(identifier.indexOf('|') + 1);
      const hashes = number === undefined ? undefined : idNumberHashes(idCipher, number, today());
      const scope = await recordReadScope(db, request);
      const { rows, total } = await searchScopedResidents(
        db,
        scope,
        { idNumberHashes: hashes, name, birthDate: birthdate },
        page
      );
      const names = await areaNames(rows);
      const resources = rows.map((row) => toPatient(row, names));
      return send(reply, pagedSearchset(request, resources, page, total));
    }
  );

  routes.get(
    '/Patient/:id',
    {
      config: { permission: 'record.read' },
      schema: { tags, summary: '居民（Patient），记录访问日志', params: idParams },
    },
    async (request, reply) => {
      const row = await findResidentById(db, await recordReadScope(db, request), request.params.id);
      if (row === null) throw notFound('Patient 不存在或不在您的管辖范围内');
      await audit(request, [{ countyCode: row.countyCode, residentId: row.id }]);
      return send(reply, toPatient(row, await areaNames([row])));
    }
  );

  for (const [resourceType, type] of Object.entries(RECORD_TYPES)) {
    const { kind, label } = type;
    const toResource = type.toResource as (row: HealthRecordRow<HealthRecordKind>) => FhirResource;

    routes.get(
      `/${resourceType}`,
      {
        config: { permission: 'record.read' },
        schema: {
          tags,
          summary: `${label}（${resourceType}）检索：patient（或 subject）= Patient/<编号>；记录访问日志`,
          querystring: z.object({ patient: patientParam, subject: patientParam, ...pagingQuery }),
        },
      },
      async (request, reply) => {
        const page = pageOf(request.query);
        const residentId = request.query.patient ?? request.query.subject;
        const scope = await recordReadScope(db, request);
        const { rows, total } = await listScopedRecords(db, kind, scope, { residentId }, page);
        await audit(request, rows);
        return send(reply, pagedSearchset(request, rows.map(toResource), page, total));
      }
    );

    routes.get(
      `/${resourceType}/:id`,
      {
        config: { permission: 'record.read' },
        schema: { tags, summary: `${label}（${resourceType}），记录访问日志`, params: idParams },
      },
      async (request, reply) => {
        const scope = await recordReadScope(db, request);
        const { rows } = await listScopedRecords(db, kind, scope, { id: request.params.id }, { count: 1, offset: 0 });
        const [row] = rows;
        if (row === undefined) throw notFound(`${resourceType} 不存在或不在您的管辖范围内`);
        await audit(request, rows);
        return send(reply, toResource(row));
      }
    );
  }
}
