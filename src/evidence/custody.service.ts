import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import type { AppContext } from '../platform/context';
import type { Db } from '../platform/db/database';
import type { CustodyEventTable, Database, EvidenceItemTable } from '../platform/db/schema';
import { CUSTODY_GENESIS, custodyHash } from './custody-chain';
import type { CustodyAction } from './evidence.types';

// The custody log: every access, transfer and export of an item, one hash chain per item. Each
// event is first written to the audit log (`evidence.<action>`), and its audit seq is kept in
// the custody event, so either log can be checked against the other.

export interface CustodyMeta {
  ip?: string | undefined;
  reason?: string | undefined;
}

/** The item's events in seq order. */
export async function custodyEvents(db: Db, itemId: string): Promise<CustodyEventTable[]> {
  return db.kysely
    .selectFrom('custody_events')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('seq')
    .execute();
}

/** The jurisdiction of the item's case and the owner of its camera, for the audit event. */
async function auditTarget(
  db: Db,
  item: Pick<EvidenceItemTable, 'incident_id' | 'camera_id'>,
): Promise<{ path: string | null; ownerId: string | null }> {
  const incident = await db.kysely
    .selectFrom('incidents')
    .select('jurisdiction_path')
    .where('id', '=', item.incident_id)
    .executeTakeFirst();
  const camera = item.camera_id
    ? await db.kysely
        .selectFrom('cameras')
        .select('owner_user_id')
        .where('id', '=', item.camera_id)
        .executeTakeFirst()
    : undefined;
  return { path: incident?.jurisdiction_path ?? null, ownerId: camera?.owner_user_id ?? null };
}

/** The details a custody event keeps: the caller's, with the reason when one was given. */
function custodyDetails(
  details: Record<string, unknown> | null,
  meta: CustodyMeta,
): Record<string, unknown> | null {
  if (meta.reason === undefined) return details;
  return { ...details, reason: meta.reason };
}

/**
 * Writes the audit half of a custody event and returns what the custody half needs. Audit first:
 * an audit record of a step that then failed is harmless; a custody event with no audit is not.
 */
export async function auditCustody(
  ctx: AppContext,
  actor: Actor | null,
  item: Pick<EvidenceItemTable, 'id' | 'incident_id' | 'camera_id' | 'sha256' | 'file_name'>,
  action: CustodyAction,
  details: Record<string, unknown> | null,
  meta: CustodyMeta = {},
): Promise<PendingCustody> {
  const target = await auditTarget(ctx.db, item);
  const kept = custodyDetails(details, meta);
  const audit = await ctx.audit.record({
    actor,
    action: `evidence.${action}`,
    targetType: 'evidence_item',
    targetId: item.id,
    targetOwnerId: target.ownerId,
    jurisdictionPath: target.path,
    reason: meta.reason ?? null,
    ip: meta.ip ?? null,
    details: {
      incidentId: item.incident_id,
      fileName: item.file_name,
      sha256: item.sha256,
      ...details,
    },
  });
  return {
    itemId: item.id,
    at: audit.at,
    actorId: actor?.id ?? null,
    actorUsername: actor?.username ?? null,
    action,
    details: kept ? JSON.stringify(kept) : null,
    auditSeq: audit.seq,
  };
}

export interface PendingCustody {
  itemId: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: CustodyAction;
  details: string | null;
  auditSeq: number;
}

/**
 * Appends to the item's chain inside the caller's transaction. Appends to one item are serial:
 * SQLite has one writer; on PostgreSQL a transaction lock keyed by the item id makes the others
 * wait, and the unique (item, seq) constraint backs it up.
 */
export async function appendCustody(
  trx: Kysely<Database>,
  dialect: Db['dialect'],
  pending: PendingCustody,
): Promise<CustodyEventTable> {
  if (dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext(${pending.itemId}))`.execute(trx);
  }
  const last = await trx
    .selectFrom('custody_events')
    .select(['seq', 'hash'])
    .where('item_id', '=', pending.itemId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const row: Omit<CustodyEventTable, 'hash'> = {
    id: randomUUID(),
    item_id: pending.itemId,
    seq: (last?.seq ?? 0) + 1,
    at: pending.at,
    actor_id: pending.actorId,
    actor_username: pending.actorUsername,
    action: pending.action,
    details: pending.details,
    audit_seq: pending.auditSeq,
    prev_hash: last?.hash ?? CUSTODY_GENESIS,
  };
  const event = { ...row, hash: custodyHash(row) };
  await trx.insertInto('custody_events').values(event).execute();
  return event;
}

/** Records one custody event on an item that is already stored: audit event, then the chain. */
export async function recordCustody(
  ctx: AppContext,
  actor: Actor | null,
  item: EvidenceItemTable,
  action: CustodyAction,
  details: Record<string, unknown> | null,
  meta: CustodyMeta = {},
): Promise<CustodyEventTable> {
  const pending = await auditCustody(ctx, actor, item, action, details, meta);
  return ctx.db.kysely.transaction().execute((trx) => appendCustody(trx, ctx.db.dialect, pending));
}
