/**
 * The basic public-health programmes (docs/health-records.md §5): a resident's enrolments, follow-ups,
 * vaccinations and due items, the worklist of the user's area and the programme summary by township. Reads
 * take record.read, writes record.write, both within the user's resident scope; 妇幼 (maternal_child) staff
 * write only the maternal and child programmes and vaccinations, and see only their items.
 */
import type {
  DueItem,
  ProgramEnrolment,
  ProgramSummaryResponse,
  ResidentDueResponse,
  SavedFollowUpResponse,
  SavedVaccinationResponse,
  WorklistResponse,
} from '@chp/core';
import { ENROLMENT_END_REASONS, PROGRAMS, PROGRAM_CODES, VISIT_KIND_CODES, isWithinScope } from '@chp/core';
import {
  MATERNAL_CHILD_PROGRAMS,
  enrol,
  findScopedResident,
  listEnrolments,
  programSummary,
  recordFollowUp,
  recordVaccination,
  residentDueItems,
  updateEnrolment,
  worklistOf,
  writeRecordAccess,
} from '@chp/db';
import type { Db, DueProgram, ResidentRow, ResidentScope } from '@chp/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { HttpError, forbidden, notFound } from '../errors.js';
import { isoDateSchema, today } from '../health/dates.js';
import { findResidentInScope, requestResidentScope } from '../health/resident-scope.js';
import { countyCodeSchema, countyParams, yearSchema } from '../schemas.js';

const tags = ['programs'];
const idSchema = z.coerce.number().int().positive();
const residentParams = z.object({ code: countyCodeSchema, id: idSchema });
const enrolmentParams = residentParams.extend({ enrolmentId: idSchema });
const facilityId = z.number().int().positive().nullable().optional();

const detailsSchema = z.strictObject({
  lmp: isoDateSchema.optional(),
  edd: isoDateSchema.optional(),
  gravidity: z.number().int().optional(),
  parity: z.number().int().optional(),
  deliveryDate: isoDateSchema.optional(),
  dischargeDate: isoDateSchema.optional(),
  treatmentStart: isoDateSchema.optional(),
  continuationStart: isoDateSchema.optional(),
});
const endReasons = Object.keys(ENROLMENT_END_REASONS) as [keyof typeof ENROLMENT_END_REASONS];

const enrolmentBody = z.object({
  program: z.enum(PROGRAM_CODES),
  enrolledDate: isoDateSchema,
  facilityId,
  details: detailsSchema.optional(),
});
const enrolmentChangesBody = z
  .object({
    endedDate: isoDateSchema.optional(),
    endReason: z.enum(endReasons).optional(),
    details: detailsSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, '请填写结案日期与原因，或要修改的登记信息');
const followUpBody = z.object({
  program: z.enum(PROGRAM_CODES),
  kind: z.enum(VISIT_KIND_CODES),
  visitDate: isoDateSchema,
  enrolmentId: z.number().int().positive().optional(),
  facilityId,
  doctor: z.string().trim().max(50).nullable().optional(),
  // Ranges and which values a visit records are core's (validateFollowUpValues), with field-level messages.
  values: z.record(z.string().max(40), z.union([z.number(), z.string().max(40)])),
  referral: z.boolean().optional(),
  nextVisitDate: isoDateSchema.nullable().optional(),
});
const vaccinationBody = z.object({
  vaccine: z.string().trim().min(1).max(20),
  dose: z.number().int(),
  vaccinatedDate: isoDateSchema,
  facilityId,
  lotNumber: z.string().trim().max(50).nullable().optional(),
});
const dueProgramSchema = z.enum([...PROGRAM_CODES, 'immunisation']);
const worklistQuery = z.object({
  asOf: isoDateSchema.optional(),
  program: dueProgramSchema.optional(),
  township: z
    .string()
    .regex(/^\d{9}$/, '乡镇（街道）代码应为 9 位数字')
    .optional(),
  village: z
    .string()
    .regex(/^\d{12}$/, '村（居）代码应为 12 位数字')
    .optional(),
  view: z.enum(['today', 'overdue']).optional(),
});

/** The scope narrowed to one township: areas covering it become it, villages inside it stay, others go. */
function narrowToTownship(scope: ResidentScope, townshipCode: string): ResidentScope {
  return scope.flatMap((area) => {
    if (isWithinScope(area.orgUnitCode, townshipCode)) return [{ ...area, orgUnitCode: townshipCode }];
    return isWithinScope(townshipCode, area.orgUnitCode) ? [area] : [];
  });
}

/** Whether the resident is in an area of the scope held by a role other than maternal_child. */
async function hasFullAccess(db: Db, scope: ResidentScope, code: string, residentId: number): Promise<boolean> {
  const full = scope.filter((area) => !area.maternalChildOnly);
  return full.length > 0 && (await findScopedResident(db, full, code, residentId)) !== null;
}

/** 妇幼 staff write the maternal and child programmes and vaccinations only. */
async function assertMayWrite(db: Db, scope: ResidentScope, holder: ResidentRow, program: DueProgram): Promise<void> {
  if (MATERNAL_CHILD_PROGRAMS.includes(program)) return;
  if (!(await hasFullAccess(db, scope, holder.countyCode, holder.id))) {
    const label = program === 'immunisation' ? '预防接种' : `${PROGRAMS[program].label}健康管理`;
    throw forbidden(`妇幼保健人员只能登记孕产妇、0–6岁儿童健康管理和预防接种，不能登记${label}。`);
  }
}

/** The resident's due items as the scope may see them. */
async function visibleDue(db: Db, scope: ResidentScope, holder: ResidentRow, asOf: string): Promise<DueItem[]> {
  const items = await residentDueItems(db, holder, asOf);
  if (await hasFullAccess(db, scope, holder.countyCode, holder.id)) return items;
  return items.filter((item) => MATERNAL_CHILD_PROGRAMS.includes(item.program));
}

export function registerProgramRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/counties/:code/residents/:id/enrolments',
    {
      config: { permission: 'record.read' },
      schema: { tags, summary: '居民的项目登记（在管与已结案，查阅记入审计）', params: residentParams },
    },
    async (request): Promise<ProgramEnrolment[]> => {
      const { code, id } = request.params;
      const scope = requestResidentScope(request, 'record.read', code);
      const holder = await findResidentInScope(db, scope, code, id);
      await writeRecordAccess(db, actorOf(request), code, holder.id, 'record.read');
      const enrolments = await listEnrolments(db, holder.id);
      if (await hasFullAccess(db, scope, code, holder.id)) return enrolments;
      return enrolments.filter((enrolment) => MATERNAL_CHILD_PROGRAMS.includes(enrolment.program));
    }
  );

  routes.post(
    '/counties/:code/residents/:id/enrolments',
    {
      config: { permission: 'record.write' },
      schema: {
        tags,
        summary: '登记纳入项目管理（同一项目只能有一个在管登记）',
        params: residentParams,
        body: enrolmentBody,
      },
    },
    async (request, reply): Promise<ProgramEnrolment> => {
      const { code, id } = request.params;
      const scope = requestResidentScope(request, 'record.write', code);
      const holder = await findResidentInScope(db, scope, code, id);
      await assertMayWrite(db, scope, holder, request.body.program);
      const created = await enrol(db, actorOf(request), holder, request.body, today());
      void reply.code(201);
      return created;
    }
  );

  routes.patch(
    '/counties/:code/residents/:id/enrolments/:enrolmentId',
    {
      config: { permission: 'record.write' },
      schema: {
        tags,
        summary: '结案（结案日期与原因）或修改在管登记的项目信息',
        params: enrolmentParams,
        body: enrolmentChangesBody,
      },
    },
    async (request): Promise<ProgramEnrolment> => {
      const { code, id, enrolmentId } = request.params;
      const scope = requestResidentScope(request, 'record.write', code);
      const holder = await findResidentInScope(db, scope, code, id);
      const enrolment = (await listEnrolments(db, holder.id)).find((entry) => entry.id === enrolmentId);
      if (enrolment === undefined) throw notFound(`该居民没有编号为 ${enrolmentId} 的项目登记`);
      await assertMayWrite(db, scope, holder, enrolment.program);
      return updateEnrolment(db, actorOf(request), holder, enrolmentId, request.body, today());
    }
  );

  routes.post(
    '/counties/:code/residents/:id/follow-ups',
    {
      config: { permission: 'record.write' },
      schema: {
        tags,
        summary: '登记随访（数值校验；同一登记同日同类随访重复时 409），返回随访记录与之后的待办',
        params: residentParams,
        body: followUpBody,
      },
    },
    async (request, reply): Promise<SavedFollowUpResponse> => {
      const { code, id } = request.params;
      const scope = requestResidentScope(request, 'record.write', code);
      const holder = await findResidentInScope(db, scope, code, id);
      await assertMayWrite(db, scope, holder, request.body.program);
      const date = today();
      const followUp = await recordFollowUp(db, actorOf(request), holder, request.body, date);
      void reply.code(201);
      return { followUp, due: await visibleDue(db, scope, holder, date) };
    }
  );

  routes.post(
    '/counties/:code/residents/:id/vaccinations',
    {
      config: { permission: 'record.write' },
      schema: {
        tags,
        summary: '登记预防接种（国家免疫规划疫苗，同一剂次不能重复）',
        params: residentParams,
        body: vaccinationBody,
      },
    },
    async (request, reply): Promise<SavedVaccinationResponse> => {
      const { code, id } = request.params;
      const scope = requestResidentScope(request, 'record.write', code);
      const holder = await findResidentInScope(db, scope, code, id);
      const date = today();
      const vaccination = await recordVaccination(db, actorOf(request), holder, request.body, date);
      void reply.code(201);
      return { vaccination, due: await visibleDue(db, scope, holder, date) };
    }
  );

  routes.get(
    '/counties/:code/residents/:id/due',
    {
      config: { permission: 'record.read' },
      schema: {
        tags,
        summary: '居民的待办服务（随访、体检、产检、接种…），按应做日期排序',
        params: residentParams,
        querystring: z.object({ asOf: isoDateSchema.optional() }),
      },
    },
    async (request): Promise<ResidentDueResponse> => {
      const { code, id } = request.params;
      const scope = requestResidentScope(request, 'record.read', code);
      const holder = await findResidentInScope(db, scope, code, id);
      await writeRecordAccess(db, actorOf(request), code, holder.id, 'record.read');
      const asOf = request.query.asOf ?? today();
      return { asOf, items: await visibleDue(db, scope, holder, asOf) };
    }
  );

  routes.get(
    '/counties/:code/worklist',
    {
      config: { permission: 'record.read' },
      schema: {
        tags,
        summary: '本辖区工作清单：7天内到期（today）与逾期（overdue）的服务',
        params: countyParams,
        querystring: worklistQuery,
      },
    },
    async (request): Promise<WorklistResponse> => {
      const { code } = request.params;
      const { asOf, program, township, village, view } = request.query;
      const scope = requestResidentScope(request, 'record.read', code);
      if (village !== undefined && township !== undefined && !village.startsWith(township)) {
        throw new HttpError(400, 'validation_error', `村（居）${village} 不属于乡镇（街道）${township}`);
      }
      // A county's residents owing something number in the hundreds of thousands: not one list.
      const countyWide = scope.some((area) => area.orgUnitCode.length <= code.length);
      if (countyWide && township === undefined && village === undefined && program === undefined) {
        throw new HttpError(
          400,
          'worklist_too_wide',
          '全县（区）范围的工作清单过大，请选择乡镇（township）、村（village）或服务项目（program）。'
        );
      }
      return worklistOf(db, {
        countyCode: code,
        scope,
        asOf: asOf ?? today(),
        program,
        townshipCode: township,
        villageCode: village,
        view,
      });
    }
  );

  routes.get(
    '/counties/:code/programs/summary',
    {
      config: { permission: 'record.read' },
      schema: {
        tags,
        summary: '各项目分乡镇汇总：当年在管人数、随访次数、到期与逾期服务数',
        params: countyParams,
        querystring: z.object({ year: yearSchema.optional(), township: worklistQuery.shape.township }),
      },
    },
    async (request): Promise<ProgramSummaryResponse> => {
      const { code } = request.params;
      const { township } = request.query;
      const userScope = requestResidentScope(request, 'record.read', code);
      // One township is quick; a whole county computes every resident's due items (seconds per township).
      const scope = township === undefined ? userScope : narrowToTownship(userScope, township);
      const now = today();
      const year = request.query.year ?? Number(now.slice(0, 4));
      if (String(year) > now.slice(0, 4)) {
        throw new HttpError(400, 'validation_error', `年份 ${year} 晚于今年，尚无数据`);
      }
      const yearEnd = `${year}-12-31`;
      return programSummary(db, { countyCode: code, scope, year, asOf: yearEnd < now ? yearEnd : now });
    }
  );
}
