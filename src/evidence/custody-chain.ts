import { createHash } from 'node:crypto';
import type { CustodyEventTable } from '../platform/db/schema';

// Each evidence item has its own hash chain of custody events, in the audit log's style: a
// fixed-order JSON array of every field but the hash, so an edited, removed or reordered event
// is found by anyone holding the events (a package carries whole chains for that reason).

export const CUSTODY_GENESIS = '0'.repeat(64);

/** The hash of an event: SHA-256 over every other field, `prev_hash` and `audit_seq` included. */
export function custodyHash(row: Omit<CustodyEventTable, 'hash'>): string {
  const canonical = JSON.stringify([
    row.id,
    row.item_id,
    row.seq,
    row.at,
    row.actor_id,
    row.actor_username,
    row.action,
    row.details,
    row.audit_seq,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type CustodyVerdict =
  | { ok: true; events: number; lastHash: string }
  | { ok: false; events: number; firstBadSeq: number; problem: string };

/**
 * Walks one item's events in seq order from 1; the first event whose place, link or hash does
 * not hold is named with what is wrong. An empty chain is not valid: every item was acquired.
 */
export function verifyCustody(
  events: readonly Pick<CustodyEventTable, keyof CustodyEventTable>[],
): CustodyVerdict {
  if (events.length === 0) {
    return { ok: false, events: 0, firstBadSeq: 1, problem: 'the custody log has no events' };
  }
  const itemId = events[0]!.item_id;
  let prevHash = CUSTODY_GENESIS;
  let count = 0;
  for (const event of events) {
    count++;
    const bad = (problem: string): CustodyVerdict => ({
      ok: false,
      events: count,
      firstBadSeq: count,
      problem,
    });
    if (event.seq !== count) return bad(`custody event ${count} is missing`);
    if (event.item_id !== itemId) return bad(`custody event ${count} belongs to another item`);
    if (count === 1 && event.action !== 'acquired') {
      return bad('custody event 1 is not the acquisition');
    }
    if (event.prev_hash !== prevHash) {
      return bad(`custody event ${count} does not link to the event before it`);
    }
    if (custodyHash(event) !== event.hash) return bad(`custody event ${count} was modified`);
    prevHash = event.hash;
  }
  return { ok: true, events: count, lastHash: prevHash };
}
