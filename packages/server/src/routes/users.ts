/** User administration: list, create (password policy), update roles/state, reset to a one-time password. */
import type { UpdateUserResponse, UserSummary } from '@chp/core';
import { ROLES, checkPassword, generatePassword } from '@chp/core';
import { createUser, getUserSummary, listUsers, updateUser } from '@chp/db';
import type { RoleInput } from '@chp/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, canActOn, requireUser } from '../auth/auth-user.js';
import { hashPassword } from '../auth/passwords.js';
import type { AppDeps } from '../deps.js';
import { HttpError, forbidden, notFound } from '../errors.js';
import { numericIdParams, orgUnitCodeSchema } from '../schemas.js';

const rolesSchema = z.array(z.object({ role: z.enum(ROLES), orgUnitCode: orgUnitCodeSchema })).max(50);

/** A manager may only hand out roles inside their own user.manage scope. */
function assertCanAssign(request: FastifyRequest, roles: RoleInput[]): void {
  const user = requireUser(request);
  const outside = roles.find((r) => !canActOn(user, 'user.manage', r.orgUnitCode));
  if (outside) {
    throw forbidden(`您无权在 ${outside.orgUnitCode} 范围内分配角色`);
  }
}

/** A manager sees the users who hold a role inside their scope (and users without roles). */
function isManageable(request: FastifyRequest, summary: UserSummary): boolean {
  const user = requireUser(request);
  return summary.roles.length === 0 || summary.roles.some((r) => canActOn(user, 'user.manage', r.orgUnitCode));
}

export function registerUserRoutes(app: FastifyInstance, { db, hashCost, sessions }: AppDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/users',
    { config: { permission: 'user.manage' }, schema: { tags: ['users'], summary: '用户列表' } },
    async (request) => (await listUsers(db)).filter((u) => isManageable(request, u))
  );

  routes.post(
    '/users',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: '创建用户',
        body: z.object({
          username: z.string().regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或连字符'),
          displayName: z.string().trim().min(1).max(64),
          password: z.string().min(1).max(256),
          roles: rolesSchema,
        }),
      },
    },
    async (request, reply): Promise<UserSummary> => {
      const { username, displayName, password, roles } = request.body;
      assertCanAssign(request, roles);
      const broken = checkPassword(password, { username });
      if (broken.length > 0) {
        throw new HttpError(400, 'weak_password', `密码不符合要求：${broken.join('；')}`);
      }
      const passwordHash = await hashPassword(password, hashCost);
      const created = await createUser(db, actorOf(request), {
        username,
        displayName,
        passwordHash,
        mustChangePassword: true,
        roles,
      });
      void reply.code(201);
      return created;
    }
  );

  routes.patch(
    '/users/:id',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        summary: '修改用户（停用、解锁、重置密码、角色）',
        params: numericIdParams,
        body: z.object({
          displayName: z.string().trim().min(1).max(64).optional(),
          disabled: z.boolean().optional(),
          unlock: z.boolean().optional(),
          resetPassword: z.boolean().optional(),
          roles: rolesSchema.optional(),
        }),
      },
    },
    async (request): Promise<UpdateUserResponse> => {
      const { id } = request.params;
      const target = await getUserSummary(db, id).catch(() => undefined);
      if (!target || !isManageable(request, target)) {
        throw notFound('用户不存在');
      }
      const { resetPassword, roles, ...rest } = request.body;
      if (roles) {
        assertCanAssign(request, roles);
      }
      if (id === requireUser(request).id && rest.disabled) {
        throw new HttpError(400, 'cannot_disable_self', '不能停用自己的账户');
      }
      const oneTimePassword = resetPassword ? generatePassword() : undefined;
      const passwordHash = oneTimePassword === undefined ? undefined : await hashPassword(oneTimePassword, hashCost);
      const updated = await updateUser(db, actorOf(request), id, { ...rest, roles, passwordHash });
      // Roles, state and password take effect on the user's next request.
      sessions.forgetUser(id);
      return oneTimePassword === undefined ? updated : { ...updated, oneTimePassword };
    }
  );
}
