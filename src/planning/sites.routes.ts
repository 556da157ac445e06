import Type from 'typebox';
import { requireActor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import { planningReaders, planningWriters } from './planning.access';
import { sitePhotoRoutes } from './site-photos.routes';
import {
  CreateSiteBody,
  IdParams,
  ListQuery,
  PatchSiteBody,
  SiteSchema,
  StatusBody,
} from './sites.schemas';
import { changeSiteStatus, createSite, getSite, listSites, updateSite } from './sites.service';

const tags = ['planning'];

/** Planned camera sites: proposed, surveyed, agreed, funded, installed and connected. */
export async function siteRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/planned-sites',
    {
      config: { access: planningReaders },
      schema: {
        tags,
        summary: 'Planned sites of a unit and its subtree (or all in your jurisdiction)',
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(SiteSchema) }) },
      },
    },
    async (request) => listSites(ctx, requireActor(request.actor), request.query),
  );

  app.post(
    '/api/planned-sites',
    {
      config: { access: planningWriters },
      schema: {
        tags,
        summary: 'Propose a camera site at a point (its unit is where the point lies; audited)',
        body: CreateSiteBody,
        response: { 201: SiteSchema },
      },
    },
    async (request, reply) => {
      const site = await createSite(ctx, requireActor(request.actor), request.body, {
        ip: request.ip,
      });
      return reply.code(201).send(site);
    },
  );

  app.get(
    '/api/planned-sites/:id',
    {
      config: { access: planningReaders },
      schema: {
        tags,
        summary: 'One planned site',
        params: IdParams,
        response: { 200: SiteSchema },
      },
    },
    async (request) => getSite(ctx, requireActor(request.actor), request.params.id),
  );

  app.patch(
    '/api/planned-sites/:id',
    {
      config: { access: planningWriters },
      schema: {
        tags,
        summary: 'Edit a site’s name, place, view, responsible person, notes or cost (audited)',
        params: IdParams,
        body: PatchSiteBody,
        response: { 200: SiteSchema },
      },
    },
    async (request) =>
      updateSite(ctx, requireActor(request.actor), request.params.id, request.body, {
        ip: request.ip,
      }),
  );

  app.post(
    '/api/planned-sites/:id/status',
    {
      config: { access: planningWriters },
      schema: {
        tags,
        summary:
          'Move a site forward (skipped steps take the same date); installed and connected ' +
          'link the camera (audited)',
        params: IdParams,
        body: StatusBody,
        response: { 200: SiteSchema },
      },
    },
    async (request) =>
      changeSiteStatus(ctx, requireActor(request.actor), request.params.id, request.body, {
        ip: request.ip,
      }),
  );

  await app.register((scope) => sitePhotoRoutes(scope as App, ctx));
}
