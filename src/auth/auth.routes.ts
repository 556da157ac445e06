import Type from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { AppError, unauthorized } from '../platform/http/errors';
import { requireActor } from './actor';
import {
  ApiTokenSchema,
  CreateTokenBodySchema,
  IdParamsSchema,
  LoginBodySchema,
  MeSchema,
  OkSchema,
} from './auth.schemas';
import * as auth from './auth.service';
import { LoginLimiter } from './login-limiter';
import { SESSION_COOKIE } from './sessions';

const tags = ['auth'];
const UserEnvelope = Type.Object({ user: MeSchema });

function setSessionCookie(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    // Behind a TLS-terminating proxy the protocol comes from X-Forwarded-Proto (trustProxy).
    secure: request.protocol === 'https',
    maxAge: ctx.config.sessionTtlHours * 3600,
  });
}

export function authRoutes(app: App, ctx: AppContext): void {
  const limiter = new LoginLimiter({
    maxAttempts: ctx.config.loginMaxAttempts,
    windowSeconds: ctx.config.loginWindowSeconds,
    now: () => ctx.now().getTime(),
  });

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Log in and receive a session cookie',
        body: LoginBodySchema,
        response: { 200: UserEnvelope },
      },
    },
    async (request, reply) => {
      try {
        const { token, me } = await auth.login(ctx, limiter, { ...request.body, ip: request.ip });
        const previous = request.cookies[SESSION_COOKIE];
        if (previous) await auth.logout(ctx, null, previous, request.ip);
        setSessionCookie(ctx, request, reply, token);
        return { user: me };
      } catch (error) {
        if (error instanceof AppError && error.status === 429) {
          const details = error.details as { retryAfterSeconds?: number } | undefined;
          reply.header(
            'retry-after',
            String(details?.retryAfterSeconds ?? ctx.config.loginWindowSeconds),
          );
        }
        throw error;
      }
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'End the session', response: { 200: OkSchema } },
    },
    async (request, reply) => {
      await auth.logout(ctx, request.actor, request.cookies[SESSION_COOKIE], request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });
      return { ok: true };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The signed-in user', response: { 200: UserEnvelope } },
    },
    async (request) => {
      const me = await auth.loadMe(ctx, requireActor(request.actor).id);
      if (!me) throw unauthorized();
      return { user: me };
    },
  );

  app.get(
    '/api/auth/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Your API tokens',
        response: { 200: Type.Object({ items: Type.Array(ApiTokenSchema) }) },
      },
    },
    async (request) => ({ items: await auth.listTokens(ctx, requireActor(request.actor)) }),
  );

  app.post(
    '/api/auth/tokens',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Create an API token; its secret is shown only in this answer',
        body: CreateTokenBodySchema,
        response: { 201: Type.Object({ token: ApiTokenSchema, secret: Type.String() }) },
      },
    },
    async (request, reply) => {
      const created = await auth.createToken(
        ctx,
        requireActor(request.actor),
        request.body,
        request.ip,
      );
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Revoke one of your API tokens',
        params: IdParamsSchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await auth.revokeToken(ctx, requireActor(request.actor), request.params.id, request.ip);
      return { ok: true };
    },
  );
}
