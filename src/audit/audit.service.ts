import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../auth/actor';
import type { Db } from '../platform/db/database';
import type { AuditEventTable } from '../platform/db/schema';

export interface AuditInput {
  actor: Actor | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  targetOwnerId?: string | null;
  jurisdictionPath?: string | null;
  reason?: string | null;
  ip?: string | null;
  details?: Record<string, unknown> | null;
}

export type AuditEvent = AuditEventTable;

export const GENESIS_HASH = '0'.repeat(64);

/** The fields that are hashed, in a fixed order; changing any of them breaks the chain. */
export function eventHash(event: Omit<AuditEventTable, 'hash'>): string {
  const canonical = JSON.stringify([
    event.seq,
    event.at,
    event.actor_id,
    event.actor_username,
    event.actor_role,
    event.action,
    event.target_type,
    event.target_id,
    event.target_owner_id,
    event.jurisdiction_path,
    event.reason,
    event.ip,
    event.details,
    event.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type VerifyResult =
  | { ok: true; events: number; lastHash: string }
  | { ok: false; events: number; firstBadSeq: number; problem: string };

/**
 * Walks rows in order from `start` (the chain's genesis by default); the first row whose
 * sequence, link or hash does not hold is named.
 */
export function verifyChain(
  rows: Iterable<AuditEventTable>,
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): VerifyResult {
  let prevHash = start.hash;
  let expectedSeq = start.seq + 1;
  let count = 0;
  for (const row of rows) {
    count++;
    if (row.seq !== expectedSeq) {
      return { ok: false, events: count, firstBadSeq: expectedSeq, problem: `event ${expectedSeq} is missing` };
    }
    if (row.prev_hash !== prevHash) {
      return { ok: false, events: count, firstBadSeq: row.seq, problem: `event ${row.seq} does not link to the event before it` };
    }
    if (eventHash(row) !== row.hash) {
      return { ok: false, events: count, firstBadSeq: row.seq, problem: `event ${row.seq} was modified` };
    }
    prevHash = row.hash;
    expectedSeq++;
  }
  return { ok: true, events: count, lastHash: prevHash };
}

/** Append-only, hash-chained audit log. */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(input: AuditInput): Promise<AuditEvent> {
    return this.db.kysely.transaction().execute(async (trx) => {
      // Appends must be serial for the chain to hold; on PostgreSQL several nodes may write.
      if (this.db.dialect === 'postgres') {
        await sql`select pg_advisory_xact_lock(7420001)`.execute(trx);
      }
      const last = await trx
        .selectFrom('audit_events')
        .select(['seq', 'hash'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const row: Omit<AuditEventTable, 'hash'> = {
        seq: (last?.seq ?? 0) + 1,
        at: this.now().toISOString(),
        actor_id: input.actor?.id ?? null,
        actor_username: input.actor?.username ?? null,
        actor_role: input.actor?.role ?? null,
        action: input.action,
        target_type: input.targetType ?? null,
        target_id: input.targetId ?? null,
        target_owner_id: input.targetOwnerId ?? null,
        jurisdiction_path: input.jurisdictionPath ?? null,
        reason: input.reason ?? null,
        ip: input.ip ?? null,
        details: input.details ? JSON.stringify(input.details) : null,
        prev_hash: last?.hash ?? GENESIS_HASH,
      };
      const event = { ...row, hash: eventHash(row) };
      await trx.insertInto('audit_events').values(event).execute();
      return event;
    });
  }

  /** Verifies the whole chain, reading it in pages so memory stays flat. */
  async verify(): Promise<VerifyResult> {
    const pageSize = 5000;
    let position = { seq: 0, hash: GENESIS_HASH };
    let total = 0;
    for (;;) {
      const page = await this.db.kysely
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '>', position.seq)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      if (page.length === 0) return { ok: true, events: total, lastHash: position.hash };
      const result = verifyChain(page, position);
      if (!result.ok) return { ...result, events: total + result.events };
      total += page.length;
      position = { seq: page[page.length - 1]!.seq, hash: result.lastHash };
    }
  }
}
