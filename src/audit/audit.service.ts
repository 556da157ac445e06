import { timingSafeEqual } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../auth/actor';
import type { Db } from '../platform/db/database';
import type { AuditEventTable, Database } from '../platform/db/schema';
import {
  checkHead,
  eventHash,
  GENESIS_HASH,
  headMessage,
  verifyChain,
  type AuditHead,
  type ChainPosition,
  type VerifyResult,
} from './audit-chain';

export { eventHash, GENESIS_HASH, verifyChain, type VerifyResult } from './audit-chain';

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

/** Makes the head's MAC; the SecretBox is one, so only a holder of the server key can sign. */
export interface HeadSigner {
  mac(text: string): string;
}

interface AuditHeadTable extends AuditHead {
  id: number;
}
type WithHead = Database & { audit_head: AuditHeadTable };

const HEAD_ID = 1;

/** Append-only, hash-chained audit log with a signed head. */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly signer: HeadSigner,
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
      await this.writeHead(trx, event);
      return event;
    });
  }

  /**
   * Verifies the chain up to the signed head, then that the head is genuine and matches the
   * last event, so an edited row, a deleted middle row and deleted last rows are all named.
   */
  async verify(): Promise<VerifyResult> {
    const head = await this.readHead(this.heads());
    const chain = await this.verifyRows(head?.seq ?? Number.MAX_SAFE_INTEGER);
    if (!chain.ok) return chain;
    const checked = checkHead(chain, head, (h) => this.macMatches(h));
    if (!checked.ok || !head) return checked;
    // Events appended while we read are fine; an event past a head read in the same
    // statement was written without going through `record`.
    const tail = await sql<{ seq: number | null; max_seq: number | null }>`
      select (select seq from audit_head where id = ${HEAD_ID}) as seq,
             (select max(seq) from audit_events) as max_seq`.execute(this.db.kysely);
    const now = tail.rows[0];
    const headSeq = Number(now?.seq ?? 0);
    const maxSeq = Number(now?.max_seq ?? 0);
    if (maxSeq > headSeq) {
      return {
        ok: false,
        events: chain.events,
        firstBadSeq: headSeq + 1,
        problem: `event ${headSeq + 1} was added outside the audit log`,
      };
    }
    return checked;
  }

  /** Reads rows with `seq <= upTo` in pages, so memory stays flat on a long log. */
  private async verifyRows(upTo: number): Promise<VerifyResult> {
    const pageSize = 5000;
    let position: ChainPosition = { seq: 0, hash: GENESIS_HASH };
    let total = 0;
    for (;;) {
      const page = await this.db.kysely
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '>', position.seq)
        .where('seq', '<=', upTo)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      if (page.length === 0)
        return { ok: true, events: total, lastSeq: position.seq, lastHash: position.hash };
      const result = verifyChain(page, position);
      if (!result.ok) return { ...result, events: total + result.events };
      total += page.length;
      position = { seq: result.lastSeq, hash: result.lastHash };
    }
  }

  private heads(trx?: Transaction<Database>): Kysely<WithHead> {
    return (trx ?? this.db.kysely).withTables<{ audit_head: AuditHeadTable }>();
  }

  private async readHead(db: Kysely<WithHead>): Promise<AuditHead | undefined> {
    const row = await db
      .selectFrom('audit_head')
      .select(['seq', 'hash', 'mac'])
      .where('id', '=', HEAD_ID)
      .executeTakeFirst();
    return row ? { seq: Number(row.seq), hash: row.hash, mac: row.mac } : undefined;
  }

  private async writeHead(
    trx: Transaction<Database>,
    event: { seq: number; hash: string },
  ): Promise<void> {
    const mac = this.signer.mac(headMessage(event.seq, event.hash));
    await this.heads(trx)
      .insertInto('audit_head')
      .values({ id: HEAD_ID, seq: event.seq, hash: event.hash, mac })
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet({ seq: event.seq, hash: event.hash, mac }),
      )
      .execute();
  }

  private macMatches(head: AuditHead): boolean {
    const expected = Buffer.from(this.signer.mac(headMessage(head.seq, head.hash)), 'utf8');
    const actual = Buffer.from(head.mac, 'utf8');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
