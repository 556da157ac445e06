import Type from 'typebox';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { requireActor } from './actor';
import {
  CreateUserBodySchema,
  IdParamsSchema,
  OkSchema,
  RoleSchema,
  UpdateUserBodySchema,
  UserSchema,
} from './auth.schemas';
import * as users from './users.service';

const tags = ['users'];
const adminOnly = { access: ['admin'] as const };

const ListQuerySchema = Type.Object(
  {
    role: Type.Optional(RoleSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

/** Account management: admins only. Every change is audited by the service. */
export function userRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/users',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'List accounts',
        querystring: ListQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(UserSchema), total: Type.Integer() }) },
      },
    },
    async (request) => users.listUsers(ctx, request.query),
  );

  app.get(
    '/api/users/:id',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'One account',
        params: IdParamsSchema,
        response: { 200: UserSchema },
      },
    },
    async (request) => users.getUser(ctx, request.params.id),
  );

  app.post(
    '/api/users',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'Create an account',
        body: CreateUserBodySchema,
        response: { 201: UserSchema },
      },
    },
    async (request, reply) => {
      const { id } = await users.createUser(ctx, request.body, requireActor(request.actor), {
        ip: request.ip,
      });
      return reply.code(201).send(await users.getUser(ctx, id));
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'Change an account: display name, role, unit, contact or password',
        params: IdParamsSchema,
        body: UpdateUserBodySchema,
        response: { 200: UserSchema },
      },
    },
    async (request) =>
      users.updateUser(ctx, request.params.id, request.body, requireActor(request.actor), {
        ip: request.ip,
      }),
  );

  app.delete(
    '/api/users/:id',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'Delete an account and end its sessions',
        params: IdParamsSchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await users.deleteUser(ctx, request.params.id, requireActor(request.actor), {
        ip: request.ip,
      });
      return { ok: true };
    },
  );
}
