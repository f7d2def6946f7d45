/**
 * Residents (docs/health-records.md §5): search, create, the record, change, timeline, duplicates and
 * merge, and who read the record. Everything is scoped by the user's areas (residentScopeOf): a resident
 * outside them is a 404. Reads take record.read, writes record.write, the full ID number record.identify,
 * duplicates and merging record.manage. Each read of a record (the record, its timeline) is audited.
 */
import type {
  DuplicateGroup,
  DuplicateResidentError as DuplicateResidentBody,
  MergeResult,
  ResidentAccessEntry,
  ResidentDetail,
  ResidentSaved,
  ResidentSearchResult,
  TimelineItem,
} from '@chp/core';
import { ID_TYPE_CODES, PROGRAM_CODES, RECORD_STATUSES, RESIDENT_FLAG_CODES, SEXES } from '@chp/core';
import {
  createResident,
  DuplicateResidentError,
  findScopedResident,
  listDuplicateGroups,
  listRecordAccess,
  mergeResidents,
  residentDetail,
  residentTimeline,
  searchResidents,
  updateResident,
  writeRecordAccess,
} from '@chp/db';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireUser } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { forbidden, notFound } from '../errors.js';
import { isoDateSchema, today } from '../health/dates.js';
import { findResidentInScope, requestResidentScope, residentScopeOf } from '../health/resident-scope.js';
import { countyCodeSchema, countyParams } from '../schemas.js';

const tags = ['residents'];
const idSchema = z.coerce.number().int().positive();
const residentParams = z.object({ code: countyCodeSchema, id: idSchema });
const townshipCode = z.string().regex(/^\d{9}$/, '乡镇（街道）代码应为 9 位数字');
const villageCode = z.string().regex(/^\d{12}$/, '村（居）代码应为 12 位数字');
const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

const flagSchema = z.object({
  flag: z.enum(RESIDENT_FLAG_CODES),
  fromDate: isoDateSchema,
  toDate: isoDateSchema.nullable(),
});
const residentFields = {
  idType: z.enum(ID_TYPE_CODES),
  idNumber: z.string().max(50).nullable().optional(),
  name: z.string().trim().min(1).max(50),
  sex: z.enum(SEXES.map((sex) => sex.code)),
  birthDate: isoDateSchema,
  phone: z.string().max(30).nullable().optional(),
  townshipCode,
  villageCode: villageCode.nullable().optional(),
  householdNumber: z.string().trim().max(40).nullable().optional(),
  householdRelation: z.string().trim().max(2).nullable().optional(),
  recordDate: isoDateSchema.nullable().optional(),
  recordFacilityId: z.number().int().positive().nullable().optional(),
  flags: z.array(flagSchema).max(20).optional(),
};
const createBody = z.object(residentFields);
const patchBody = z
  .object({
    ...residentFields,
    recordStatus: z.enum(RECORD_STATUSES.map((status) => status.code)),
    statusDate: isoDateSchema.nullable(),
    deathDate: isoDateSchema.nullable(),
  })
  .partial();

/** A duplicate ID number answers 409 with the resident who holds it, so the client can open that record. */
async function orDuplicate<T>(reply: FastifyReply, save: () => Promise<T>): Promise<T | DuplicateResidentBody> {
  try {
    return await save();
  } catch (error) {
    if (!(error instanceof DuplicateResidentError)) throw error;
    void reply.code(409);
    return { error: 'duplicate_resident', message: error.message, existingResidentId: error.existingResidentId };
  }
}

export function registerResidentRoutes(app: FastifyInstance, { db, idCipher }: AppDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/counties/:code/residents',
    {
      config: { permission: 'record.read' },
      schema: {
        tags,
        summary: '查找居民（姓名、证件号码、脱敏号码、电话；按乡镇、村、管理项目筛选）',
        params: countyParams,
        querystring: z.object({
          q: z.string().max(100).optional(),
          township: townshipCode.optional(),
          village: villageCode.optional(),
          program: z.enum(PROGRAM_CODES).optional(),
          ...pageQuery,
        }),
      },
    },
    async (request): Promise<ResidentSearchResult> => {
      const { code } = request.params;
      const scope = requestResidentScope(request, 'record.read', code);
      return searchResidents(db, idCipher, code, scope, request.query, today());
    }
  );

  routes.post(
    '/counties/:code/residents',
    {
      config: { permission: 'record.write' },
      schema: { tags, summary: '新建居民档案（证件号码重复时 409）', params: countyParams, body: createBody },
    },
    async (request, reply): Promise<ResidentSaved | DuplicateResidentBody> => {
      const { code } = request.params;
      const scope = requestResidentScope(request, 'record.write', code);
      return orDuplicate(reply, async () => {
        const saved = await createResident(db, idCipher, actorOf(request), code, scope, request.body, today());
        void reply.code(201);
        return saved;
      });
    }
  );

  routes.get(
    '/counties/:code/residents/duplicates',
    {
      config: { permission: 'record.manage' },
      schema: {
        tags,
        summary: '疑似重复档案（同姓名、出生日期、性别）',
        params: countyParams,
        querystring: z.object(pageQuery),
      },
    },
    async (request): Promise<DuplicateGroup[]> => {
      const { code } = request.params;
      return listDuplicateGroups(db, code, requestResidentScope(request, 'record.manage', code), request.query);
    }
  );

  routes.get(
    '/counties/:code/residents/:id',
    {
      config: { permission: 'record.read' },
      schema: {
        tags,
        summary: '居民健康档案（记录访问日志；identify=1 显示完整证件号码，需 record.identify）',
        params: residentParams,
        querystring: z.object({ identify: z.enum(['0', '1']).optional() }),
      },
    },
    async (request): Promise<ResidentDetail> => {
      const { code, id } = request.params;
      const scope = requestResidentScope(request, 'record.read', code);
      const identify = request.query.identify === '1';
      await findResidentInScope(db, scope, code, id);
      if (identify) {
        const identifyScope = residentScopeOf(requireUser(request), 'record.identify', code);
        if ((await findScopedResident(db, identifyScope, code, id)) === null) {
          throw forbidden('您没有查看该居民完整证件号码的权限');
        }
      }
      const detail = await residentDetail(db, scope, code, id, identify ? idCipher : undefined);
      if (detail === null) throw notFound();
      await writeRecordAccess(db, actorOf(request), code, id, identify ? 'record.identify' : 'record.read');
      return detail;
    }
  );

  routes.patch(
    '/counties/:code/residents/:id',
    {
      config: { permission: 'record.write' },
      schema: {
        tags,
        summary: '修改居民档案（含迁出、死亡及其日期）',
        params: residentParams,
        body: patchBody,
      },
    },
    async (request, reply): Promise<ResidentSaved | DuplicateResidentBody> => {
      const { code, id } = request.params;
      const scope = requestResidentScope(request, 'record.write', code);
      return orDuplicate(reply, () =>
        updateResident(db, idCipher, actorOf(request), code, scope, id, request.body, today())
      );
    }
  );

  routes.get(
    '/counties/:code/residents/:id/timeline',
    {
      config: { permission: 'record.read' },
      schema: { tags, summary: '居民健康档案时间线（记录访问日志）', params: residentParams },
    },
    async (request): Promise<TimelineItem[]> => {
      const { code, id } = request.params;
      await findResidentInScope(db, requestResidentScope(request, 'record.read', code), code, id);
      const items = await residentTimeline(db, code, id);
      await writeRecordAccess(db, actorOf(request), code, id, 'record.read');
      return items;
    }
  );

  routes.post(
    '/counties/:code/residents/:id/merge',
    {
      config: { permission: 'record.manage' },
      schema: {
        tags,
        summary: '把该档案合并到另一档案（全部记录转移，原档案保留并标记）',
        params: residentParams,
        body: z.object({ intoId: idSchema }),
      },
    },
    async (request): Promise<MergeResult> => {
      const { code, id } = request.params;
      const scope = requestResidentScope(request, 'record.manage', code);
      return mergeResidents(db, actorOf(request), code, scope, id, request.body.intoId);
    }
  );

  routes.get(
    '/counties/:code/residents/:id/access-log',
    {
      config: { permission: 'record.read' },
      schema: {
        tags,
        summary: '档案访问与修改日志',
        params: residentParams,
        querystring: z.object(pageQuery),
      },
    },
    async (request): Promise<ResidentAccessEntry[]> => {
      const { code, id } = request.params;
      await findResidentInScope(db, requestResidentScope(request, 'record.read', code), code, id);
      return listRecordAccess(db, code, id, request.query);
    }
  );
}
