import { describe, expect, it } from 'vitest';
import type { CustodyEventTable } from '../platform/db/schema';
import { CUSTODY_GENESIS, custodyHash, verifyCustody } from './custody-chain';

function chain(actions: string[], itemId = 'item-1'): CustodyEventTable[] {
  const events: CustodyEventTable[] = [];
  let prev = CUSTODY_GENESIS;
  actions.forEach((action, i) => {
    const row = {
      id: `event-${i + 1}`,
      item_id: itemId,
      seq: i + 1,
      at: `2025-03-01T03:00:0${i}.000Z`,
      actor_id: 'user-1',
      actor_username: 'police.xuandinh',
      action,
      details: JSON.stringify({ step: i }),
      audit_seq: 40 + i,
      prev_hash: prev,
    };
    const event = { ...row, hash: custodyHash(row) };
    events.push(event);
    prev = event.hash;
  });
  return events;
}

describe('custody chain', () => {
  it('accepts an untouched chain that starts with the acquisition', () => {
    const events = chain(['acquired', 'viewed', 'downloaded']);
    expect(verifyCustody(events)).toEqual({ ok: true, events: 3, lastHash: events[2]!.hash });
    expect(events[0]!.prev_hash).toBe('0'.repeat(64));
  });

  it('hashes every field, the audit seq and the link included', () => {
    const [event] = chain(['acquired']);
    const base = { ...event! };
    for (const change of [
      { details: '{"step":9}' },
      { audit_seq: 99 },
      { actor_username: 'someone' },
      { at: '2025-03-01T03:00:09.000Z' },
      { prev_hash: 'f'.repeat(64) },
      { id: 'other' },
    ]) {
      expect(custodyHash({ ...base, ...change })).not.toBe(base.hash);
    }
  });

  it('names an edited event as modified', () => {
    const events = chain(['acquired', 'viewed', 'downloaded']);
    events[1] = { ...events[1]!, details: '{"step":"edited"}' };
    expect(verifyCustody(events)).toEqual({
      ok: false,
      events: 2,
      firstBadSeq: 2,
      problem: 'custody event 2 was modified',
    });
  });

  it('names a removed event as missing', () => {
    const events = chain(['acquired', 'viewed', 'downloaded']);
    const result = verifyCustody([events[0]!, events[2]!]);
    expect(result).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      problem: 'custody event 2 is missing',
    });
  });

  it('names an event whose hash was recomputed after an edit as not linked', () => {
    const events = chain(['acquired', 'viewed', 'downloaded']);
    const edited = { ...events[1]!, actor_username: 'forger' };
    events[1] = { ...edited, hash: custodyHash(edited) };
    expect(verifyCustody(events)).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: 'custody event 3 does not link to the event before it',
    });
  });

  it('refuses an empty log, a chain not started by acquisition and mixed items', () => {
    expect(verifyCustody([])).toMatchObject({ ok: false, firstBadSeq: 1 });
    expect(verifyCustody(chain(['viewed']))).toMatchObject({
      ok: false,
      problem: 'custody event 1 is not the acquisition',
    });
    const mixed = [...chain(['acquired']), ...chain(['acquired', 'viewed'], 'item-2').slice(1)];
    expect(verifyCustody(mixed)).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      problem: 'custody event 2 belongs to another item',
    });
  });
});
