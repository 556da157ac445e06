import { createHash } from 'node:crypto';
import type { AuditEventTable } from '../platform/db/schema';

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

export interface ChainPosition {
  seq: number;
  hash: string;
}

export type VerifyResult =
  | { ok: true; events: number; lastSeq: number; lastHash: string }
  | { ok: false; events: number; firstBadSeq: number; problem: string };

/**
 * Walks rows in order from `start` (the chain's genesis by default); the first row whose
 * sequence, link or hash does not hold is named.
 */
export function verifyChain(
  rows: Iterable<AuditEventTable>,
  start: ChainPosition = { seq: 0, hash: GENESIS_HASH },
): VerifyResult {
  let prevHash = start.hash;
  let expectedSeq = start.seq + 1;
  let count = 0;
  for (const row of rows) {
    count++;
    if (row.seq !== expectedSeq) {
      return {
        ok: false,
        events: count,
        firstBadSeq: expectedSeq,
        problem: `event ${expectedSeq} is missing`,
      };
    }
    if (row.prev_hash !== prevHash) {
      return {
        ok: false,
        events: count,
        firstBadSeq: row.seq,
        problem: `event ${row.seq} does not link to the event before it`,
      };
    }
    if (eventHash(row) !== row.hash) {
      return {
        ok: false,
        events: count,
        firstBadSeq: row.seq,
        problem: `event ${row.seq} was modified`,
      };
    }
    prevHash = row.hash;
    expectedSeq++;
  }
  return { ok: true, events: count, lastSeq: expectedSeq - 1, lastHash: prevHash };
}

/**
 * The signed head: the last event's seq and hash, with a MAC only the server's key can make.
 * It is what lets verification see events deleted from the end of the log, and a log whose
 * hashes were all recomputed after an edit.
 */
export interface AuditHead {
  seq: number;
  hash: string;
  mac: string;
}

export const headMessage = (seq: number, hash: string) => `matthan-audit-head:${seq}:${hash}`;

/**
 * Compares a chain that verified (up to the head's seq) with the signed head.
 * `macMatches` checks the head's MAC with the server key.
 */
export function checkHead(
  chain: Extract<VerifyResult, { ok: true }>,
  head: AuditHead | undefined,
  macMatches: (head: AuditHead) => boolean,
): VerifyResult {
  const after = chain.lastSeq + 1;
  if (!head) {
    if (chain.events === 0) return chain;
    return {
      ok: false,
      events: chain.events,
      firstBadSeq: after,
      problem: `the signed head of the audit log is missing: events after ${chain.lastSeq} may have been deleted`,
    };
  }
  if (!macMatches(head)) {
    return {
      ok: false,
      events: chain.events,
      firstBadSeq: after,
      problem: `the signed head of the audit log was altered (or this is not the server's secret key): events after ${chain.lastSeq} may have been deleted`,
    };
  }
  if (chain.lastSeq < head.seq) {
    const range = after === head.seq ? `event ${after} is` : `events ${after}–${head.seq} are`;
    return {
      ok: false,
      events: chain.events,
      firstBadSeq: after,
      problem: `${range} missing from the end of the log`,
    };
  }
  if (chain.lastSeq > head.seq) {
    return {
      ok: false,
      events: chain.events,
      firstBadSeq: head.seq + 1,
      problem: `event ${head.seq + 1} was added outside the audit log`,
    };
  }
  if (chain.lastHash !== head.hash) {
    return {
      ok: false,
      events: chain.events,
      firstBadSeq: head.seq,
      problem: `event ${head.seq} does not match the signed head: the log was rewritten`,
    };
  }
  return chain;
}
