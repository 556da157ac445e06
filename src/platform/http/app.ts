import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type RawServerDefault,
} from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkAccess, type Access } from '../../auth/actor';
import { resolveActor } from '../../auth/sessions';
import type { AppContext } from '../context';
import { installErrorHandler } from './error-handler';
import { domainRoutes } from './routes';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** One API route and who may call it; the access-matrix test walks this list. */
export interface ApiRoute {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: ApiRoute[];
  }
}

export const webDist = join(import.meta.dirname, '..', '..', '..', 'web', 'dist');

/** Builds the whole HTTP application; `listen` is left to the caller so tests can `inject`. */
export async function buildApp(ctx: AppContext): Promise<App> {
  const app = Fastify({
    logger: {
      level: ctx.config.logLevel,
      // Credentials never reach the log: tokens, cookies, and any body field named like one.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    trustProxy: true,
    bodyLimit: Math.max(ctx.config.importMaxBytes, 1_048_576),
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest('actor', null);
  await app.register(fastifyCookie);
  // Once, at the root, so every domain can declare socket routes (`/api/events`, live video).
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Mắt Thần API',
        version: '0.1.0',
        description: 'Community security camera platform',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'matthan_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Fail closed: an API route that does not say who may call it cannot be registered.
  const apiRoutes: ApiRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(`route ${String(route.method)} ${route.url} does not declare config.access`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    request.actor = await resolveActor(ctx, request);
    const access = request.routeOptions.config.access;
    if (access !== undefined) checkAccess(access, request.actor);
  });

  installErrorHandler(app);

  // Browsers and fetch clients send `Content-Type: application/json` with no body on bodiless
  // POSTs (logout, decommission without a note); treat that as no body rather than a 400.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (String(body).trim() === '') {
      done(null, undefined);
      return;
    }
    void parseJson(request, body as string, done);
  });

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        response: { 200: { type: 'object', properties: { status: { type: 'string' } } } },
      },
    },
    () => ({ status: 'ok' }),
  );
  app.get(
    '/api/client-config',
    { config: { access: 'public' }, schema: { tags: ['platform'] } },
    () => ({
      tileUrl: ctx.config.tileUrl,
      demo: ctx.config.demo,
    }),
  );

  for (const register of domainRoutes) await app.register((scope) => register(scope as App, ctx));

  await registerWeb(app);
  return app;
}

async function registerWeb(app: App): Promise<void> {
  const hasWeb = existsSync(join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.code(404).send({
        error: {
          code: 'not_found',
          message: `no route ${request.method} ${request.url.split('?')[0]}`,
        },
      });
    }
    // The web app routes on the client: every other page gets index.html.
    if (hasWeb) return reply.type('text/html').sendFile('index.html');
    return reply
      .code(503)
      .type('text/plain')
      .send('The web app is not built: run `npm run build:web`.');
  });
}
