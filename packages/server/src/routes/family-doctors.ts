/**
 * Family doctors (docs/health-records.md §5): teams and members, service packages, contracts (sign, renew,
 * terminate, list with expiry reminders) and a team's panel. Reads take record.read, contract changes
 * record.write, teams and packages record.manage. Contracts are scoped by their resident (a village doctor
 * sees their village's contracts); teams by township (a village doctor sees their township's teams), all
 * teams for county-level users. Packages are county-wide, so creating one takes record.manage over the county.
 */
import type { ContractList, FamilyDoctorContract, FamilyDoctorTeam, ServicePackage, TeamPanel } from '@chp/core';
import { CONTRACT_STATUSES, KEY_POPULATIONS, SERVICE_PACKAGE_KINDS, TEAM_MEMBER_ROLES, isWithinScope } from '@chp/core';
import {
  addTeamMember,
  createServicePackage,
  createTeam,
  findContract,
  findTeam,
  listContracts,
  listServicePackages,
  readTeams,
  removeTeamMember,
  renewContract,
  signContract,
  teamPanel,
  terminateContract,
  updateTeam,
} from '@chp/db';
import type { Db, ResidentScope } from '@chp/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, assertCanRead } from '../auth/auth-user.js';
import type { AppDeps } from '../deps.js';
import { forbidden, notFound } from '../errors.js';
import { isoDateSchema, today } from '../health/dates.js';
import { findResidentInScope, requestResidentScope } from '../health/resident-scope.js';
import { countyCodeSchema, countyParams, orgUnitCodeSchema } from '../schemas.js';

const idSchema = z.coerce.number().int().positive();
const teamParams = z.object({ code: countyCodeSchema, id: idSchema });
const memberParams = teamParams.extend({ memberId: idSchema });
const residentParams = z.object({ code: countyCodeSchema, id: idSchema });
const contractParams = residentParams.extend({ contractId: idSchema });
const asOfQuery = z.object({ asOf: isoDateSchema.optional() });

const memberBody = z.object({
  name: z.string().trim().min(1).max(50),
  role: z.enum(TEAM_MEMBER_ROLES),
  healthWorkerId: z.number().int().positive().nullable().optional(),
  userId: z.number().int().positive().nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
});
const teamBody = z.object({
  name: z.string().trim().min(1).max(100),
  facilityId: z.number().int().positive().nullable().optional(),
  townshipCode: orgUnitCodeSchema,
  areaCodes: z.array(orgUnitCodeSchema).min(1).max(500),
  members: z.array(memberBody).max(50).optional(),
});
const packageBody = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(100),
  kind: z.enum(SERVICE_PACKAGE_KINDS),
  annualFee: z.number().min(0).max(100_000).optional(),
  targetFlags: z.array(z.enum(KEY_POPULATIONS.map((k) => k.code))).optional(),
  services: z.array(z.string().trim().min(1).max(200)).max(100).optional(),
});
const signBody = z.object({
  teamId: idSchema,
  packageId: idSchema,
  signedDate: isoDateSchema.optional(),
  startDate: isoDateSchema.optional(),
  endDate: isoDateSchema.optional(),
});
const renewBody = z.object({
  signedDate: isoDateSchema.optional(),
  teamId: idSchema.optional(),
  packageId: idSchema.optional(),
});
const terminateBody = z.object({ date: isoDateSchema, reason: z.string().trim().min(1, '解约须填写原因').max(500) });
const contractQuery = z.object({
  team: idSchema.optional(),
  resident: idSchema.optional(),
  status: z.enum(CONTRACT_STATUSES).optional(),
  expiringWithin: z.coerce.number().int().min(0).max(366).optional(),
  asOf: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The user's resident scope in the county with the permission; 404 when the county is not theirs. */
function assertManagesTownship(scope: ResidentScope, townshipCode: string): void {
  if (!scope.some((area) => isWithinScope(area.orgUnitCode, townshipCode))) {
    throw forbidden(`您没有管理乡镇（街道）${townshipCode} 家庭医生团队的权限`);
  }
}

async function visibleTeam(db: Db, code: string, scope: ResidentScope, id: number): Promise<FamilyDoctorTeam> {
  const team = await findTeam(db, code, scope, id, today());
  if (team === null) throw notFound(`本县（区）没有编号为 ${id} 的家庭医生团队，或它不在您的管理范围内`);
  return team;
}

async function contractOf(db: Db, code: string, scope: ResidentScope, id: number): Promise<FamilyDoctorContract> {
  const contract = await findContract(db, code, scope, id, today());
  if (contract === null) throw new Error(`contract ${id} not readable after a change`);
  return contract;
}

export function registerFamilyDoctorRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['family-doctors'];

  routes.get(
    '/counties/:code/family-doctor/teams',
    {
      config: { permission: 'record.read' },
      schema: { tags, summary: '家庭医生团队（成员、服务区域、签约数）', params: countyParams, querystring: asOfQuery },
    },
    async (request): Promise<FamilyDoctorTeam[]> => {
      const { code } = request.params;
      return readTeams(db, code, requestResidentScope(request, 'record.read', code), request.query.asOf ?? today());
    }
  );

  routes.post(
    '/counties/:code/family-doctor/teams',
    {
      config: { permission: 'record.manage' },
      schema: { tags, summary: '新建家庭医生团队', params: countyParams, body: teamBody },
    },
    async (request, reply): Promise<FamilyDoctorTeam> => {
      const { code } = request.params;
      const scope = requestResidentScope(request, 'record.manage', code);
      assertManagesTownship(scope, request.body.townshipCode);
      const id = await createTeam(db, actorOf(request), code, request.body);
      void reply.code(201);
      return visibleTeam(db, code, scope, id);
    }
  );

  routes.patch(
    '/counties/:code/family-doctor/teams/:id',
    {
      config: { permission: 'record.manage' },
      schema: {
        tags,
        summary: '修改家庭医生团队（给出 members 时替换成员名单）',
        params: teamParams,
        body: teamBody.partial(),
      },
    },
    async (request): Promise<FamilyDoctorTeam> => {
      const { code, id } = request.params;
      const scope = requestResidentScope(request, 'record.manage', code);
      const team = await visibleTeam(db, code, scope, id);
      assertManagesTownship(scope, team.township.code);
      if (request.body.townshipCode !== undefined) assertManagesTownship(scope, request.body.townshipCode);
      await updateTeam(db, actorOf(request), code, id, request.body);
      return visibleTeam(db, code, scope, id);
    }
  );

  routes.post(
    '/counties/:code/family-doctor/teams/:id/members',
    {
      config: { permission: 'record.manage' },
      schema: { tags, summary: '添加团队成员', params: teamParams, body: memberBody },
    },
    async (request, reply): Promise<FamilyDoctorTeam> => {
      const { code, id } = request.params;
      const scope = requestResidentScope(request, 'record.manage', code);
      assertManagesTownship(scope, (await visibleTeam(db, code, scope, id)).township.code);
      await addTeamMember(db, actorOf(request), code, id, request.body);
      void reply.code(201);
      return visibleTeam(db, code, scope, id);
    }
  );

  routes.delete(
    '/counties/:code/family-doctor/teams/:id/members/:memberId',
    {
      config: { permission: 'record.manage' },
      schema: { tags, summary: '移除团队成员', params: memberParams },
    },
    async (request): Promise<FamilyDoctorTeam> => {
      const { code, id, memberId } = request.params;
      const scope = requestResidentScope(request, 'record.manage', code);
      assertManagesTownship(scope, (await visibleTeam(db, code, scope, id)).township.code);
      await removeTeamMember(db, actorOf(request), code, id, memberId);
      return visibleTeam(db, code, scope, id);
    }
  );

  routes.get(
    '/counties/:code/family-doctor/teams/:id/panel',
    {
      config: { permission: 'record.read' },
      schema: {
        tags,
        summary: '团队签约居民一览：重点人群标识、待办与逾期服务、即将到期的签约',
        params: teamParams,
        querystring: asOfQuery,
      },
    },
    async (request): Promise<TeamPanel> => {
      const { code, id } = request.params;
      const scope = requestResidentScope(request, 'record.read', code);
      const panel = await teamPanel(db, code, scope, id, request.query.asOf ?? today());
      if (panel === null) throw notFound(`本县（区）没有编号为 ${id} 的家庭医生团队，或它不在您的管理范围内`);
      return panel;
    }
  );

  routes.get(
    '/counties/:code/family-doctor/packages',
    {
      config: { permission: 'record.read' },
      schema: { tags, summary: '本县家庭医生服务包', params: countyParams },
    },
    async (request): Promise<ServicePackage[]> => {
      const { code } = request.params;
      assertCanRead(request, 'record.read', code);
      return listServicePackages(db, code);
    }
  );

  routes.post(
    '/counties/:code/family-doctor/packages',
    {
      config: { permission: 'record.manage' },
      schema: { tags, summary: '新建服务包（需全县的管理权限）', params: countyParams, body: packageBody },
    },
    async (request, reply): Promise<ServicePackage> => {
      const { code } = request.params;
      if (!requestResidentScope(request, 'record.manage', code).some((area) => area.orgUnitCode === code)) {
        throw forbidden(`服务包在全县通用，新建服务包需要对本县（区）${code} 的管理权限`);
      }
      const created = await createServicePackage(db, actorOf(request), code, request.body);
      void reply.code(201);
      return created;
    }
  );

  routes.get(
    '/counties/:code/family-doctor/contracts',
    {
      config: { permission: 'record.read' },
      schema: {
        tags,
        summary: '签约列表与到期提醒（expiringWithin：若干天内到期且未续约）',
        params: countyParams,
        querystring: contractQuery,
      },
    },
    async (request): Promise<ContractList> => {
      const { code } = request.params;
      const asOf = request.query.asOf ?? today();
      const found = await listContracts(db, code, requestResidentScope(request, 'record.read', code), {
        ...request.query,
        asOf,
      });
      return { asOf, ...found };
    }
  );

  routes.post(
    '/counties/:code/residents/:id/contracts',
    {
      config: { permission: 'record.write' },
      schema: { tags, summary: '签约家庭医生（默认自签约日起一年）', params: residentParams, body: signBody },
    },
    async (request, reply): Promise<FamilyDoctorContract> => {
      const { code, id } = request.params;
      const scope = requestResidentScope(request, 'record.write', code);
      const holder = await findResidentInScope(db, scope, code, id);
      const contractId = await signContract(db, actorOf(request), holder, request.body, today());
      void reply.code(201);
      return contractOf(db, code, scope, contractId);
    }
  );

  routes.post(
    '/counties/:code/residents/:id/contracts/:contractId/renew',
    {
      config: { permission: 'record.write' },
      schema: { tags, summary: '续约：新合同自原合同到期次日起一年', params: contractParams, body: renewBody },
    },
    async (request, reply): Promise<FamilyDoctorContract> => {
      const { code, id, contractId } = request.params;
      const scope = requestResidentScope(request, 'record.write', code);
      const holder = await findResidentInScope(db, scope, code, id);
      const renewalId = await renewContract(db, actorOf(request), holder, contractId, request.body, today());
      void reply.code(201);
      return contractOf(db, code, scope, renewalId);
    }
  );

  routes.post(
    '/counties/:code/residents/:id/contracts/:contractId/terminate',
    {
      config: { permission: 'record.write' },
      schema: {
        tags,
        summary: '解约（日期不早于合同开始日期，须填写原因）',
        params: contractParams,
        body: terminateBody,
      },
    },
    async (request): Promise<FamilyDoctorContract> => {
      const { code, id, contractId } = request.params;
      const scope = requestResidentScope(request, 'record.write', code);
      const holder = await findResidentInScope(db, scope, code, id);
      await terminateContract(db, actorOf(request), holder, contractId, request.body);
      return contractOf(db, code, scope, contractId);
    }
  );
}
