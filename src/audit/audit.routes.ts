import Type, { type Static, type TSchema } from 'typebox';
import { inScope, requireActor, type Actor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { App } from '../platform/http/app';
import type { AuditEventTable } from '../platform/db/schema';
import { forbidden, notFound } from '../platform/http/errors';
import * as repo from './audit.repo';

const tags = ['audit'];
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const AuditEventSchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorUsername: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  action: Type.String(),
  targetType: Nullable(Type.String()),
  targetId: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  details: Type.Unknown(),
});
type AuditEventView = Static<typeof AuditEventSchema>;
const EventList = Type.Object({ items: Type.Array(AuditEventSchema) });

const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  before: Type.Optional(Type.Integer({ minimum: 1 })),
};
const ListQuerySchema = Type.Object(
  {
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    targetType: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    targetId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

const VerifySchema = Type.Object({
  ok: Type.Boolean(),
  events: Type.Integer(),
  firstBadSeq: Type.Optional(Type.Integer()),
  problem: Type.Optional(Type.String()),
});

function parseDetails(details: string | null): unknown {
  if (details === null) return null;
  try {
    return JSON.parse(details) as unknown;
  } catch {
    // Stored by an older writer as plain text: show it as it is.
    return details;
  }
}

function toView(row: AuditEventTable, showIp: boolean): AuditEventView {
  return {
    seq: row.seq,
    at: row.at,
    actorUsername: row.actor_username,
    actorRole: row.actor_role,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    reason: row.reason,
    ip: showIp ? row.ip : null,
    details: parseDetails(row.details),
  };
}

/** Admins and auditors read the log; a camera's owner reads who touched their camera. */
export function auditRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/audit',
    {
      config: { access: ['admin', 'auditor'] },
      schema: {
        tags,
        summary: 'Audit events, newest first (auditors: only those in their jurisdiction)',
        querystring: ListQuerySchema,
        response: { 200: EventList },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const rows = await repo.listEvents(ctx.db.kysely, {
        ...request.query,
        limit: request.query.limit ?? 100,
        scopePath: actor.role === 'admin' ? null : (actor.scopePath ?? '/none/'),
      });
      return { items: rows.map((row) => toView(row, true)) };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { access: ['admin', 'auditor'] },
      schema: {
        tags,
        summary: 'Check the hash chain and signed head of the whole log',
        response: { 200: VerifySchema },
      },
    },
    async () => {
      const result = await ctx.audit.verify();
      return result.ok
        ? { ok: true, events: result.events }
        : {
            ok: false,
            events: result.events,
            firstBadSeq: result.firstBadSeq,
            problem: result.problem,
          };
    },
  );

  app.get(
    '/api/cameras/:id/access-log',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Every recorded access to a camera (its owner, admins, auditors in scope)',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }),
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: EventList },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const camera = await repo.findCameraForAccessLog(ctx.db.kysely, request.params.id);
      if (!camera) throw notFound('camera');
      const reader = accessLogReader(actor, camera);
      if (!reader)
        throw forbidden(
          "only the camera's owner, an admin or an auditor of its area may read its access log",
        );
      const rows = await repo.listEvents(ctx.db.kysely, {
        targetType: 'camera',
        targetId: request.params.id,
        before: request.query.before,
        limit: request.query.limit ?? 100,
        scopePath: null,
      });
      // Owners learn who looked and why, but not the officers' network addresses.
      return { items: rows.map((row) => toView(row, reader !== 'owner')) };
    },
  );
}

function accessLogReader(
  actor: Actor,
  camera: { owner_user_id: string | null; jurisdiction_path: string },
): 'admin' | 'auditor' | 'owner' | null {
  if (actor.role === 'admin') return 'admin';
  if (actor.role === 'auditor' && inScope(actor, camera.jurisdiction_path)) return 'auditor';
  if (camera.owner_user_id !== null && camera.owner_user_id === actor.id) return 'owner';
  return null;
}
