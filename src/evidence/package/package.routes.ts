import { createReadStream } from 'node:fs';
import { requireActor } from '../../auth/actor';
import { incidentRoles } from '../../incidents/incident.access';
import type { AppContext } from '../../platform/context';
import type { App } from '../../platform/http/app';
import {
  EvidencePackageListSchema,
  EvidencePackageSchema,
  IdParams,
  PublicKeySchema,
} from './package.schemas';
import { buildPackage, listPackages, openPackageDownload } from './package.service';
import { loadSigningKey } from './signing-key';

const tags = ['evidence'];

/** Evidence packages of a case, their download, and the key that signs them. */
export function packageRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/incidents/:id/packages',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary: 'Packages every original of the case with a signed manifest and the biên bản',
        params: IdParams,
        response: { 201: EvidencePackageSchema },
      },
    },
    async (request, reply) => {
      const made = await buildPackage(ctx, requireActor(request.actor), request.params.id, {
        ip: request.ip,
      });
      return reply.code(201).send(made);
    },
  );

  app.get(
    '/api/incidents/:id/packages',
    {
      config: { access: incidentRoles },
      schema: {
        tags,
        summary: 'The packages made for a case, newest first',
        params: IdParams,
        response: { 200: EvidencePackageListSchema },
      },
    },
    async (request) => ({
      items: await listPackages(ctx, requireActor(request.actor), request.params.id),
    }),
  );

  app.get(
    '/api/evidence-packages/:id/download',
    {
      config: { access: incidentRoles },
      schema: { tags, summary: 'The package ZIP (audited)', params: IdParams },
    },
    async (request, reply) => {
      const file = await openPackageDownload(ctx, requireActor(request.actor), request.params.id, {
        ip: request.ip,
      });
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('content-length', String(file.bytes))
        .type('application/zip')
        .send(createReadStream(file.path));
    },
  );

  app.get(
    '/api/evidence/public-key',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The public key that signs evidence packages, to check them with `matthan verify`',
        response: { 200: PublicKeySchema },
      },
    },
    () => {
      const key = loadSigningKey(ctx.config.dataDir);
      return { publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint };
    },
  );
}
