import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as foundation from '../platform/db/migrations/0001-foundation';
import { openSqlite, type Db } from '../platform/db/database';
import { SecretBox } from '../platform/secret-box';
import { checkHead, eventHash, GENESIS_HASH, headMessage, verifyChain } from './audit-chain';
import { AuditLog } from './audit.service';
import * as auditHead from './migrations/0002-audit-head';

const box = new SecretBox('1'.repeat(64));

async function openLog(): Promise<{ db: Db; log: AuditLog }> {
  const db = openSqlite(':memory:');
  const raw = db.kysely as unknown as Kysely<unknown>;
  await foundation.up(raw);
  await auditHead.up(raw);
  return { db, log: new AuditLog(db, () => new Date('2025-07-01T00:00:00Z'), box) };
}

async function appendEvents(log: AuditLog, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await log.record({
      actor: null,
      action: 'camera.view',
      targetType: 'camera',
      targetId: `c${i}`,
      reason: 'patrol',
    });
  }
}

describe('AuditLog', () => {
  let db: Db;
  let log: AuditLog;
  beforeEach(async () => {
    ({ db, log } = await openLog());
  });
  afterEach(async () => {
    await db.close();
  });

  it('verifies an empty log and an untouched log', async () => {
    expect(await log.verify()).toMatchObject({ ok: true, events: 0 });
    await appendEvents(log, 5);
    expect(await log.verify()).toMatchObject({ ok: true, events: 5, lastSeq: 5 });
  });

  it('names an edited row', async () => {
    await appendEvents(log, 5);
    await db.kysely
      .updateTable('audit_events')
      .set({ reason: 'nothing to see' })
      .where('seq', '=', 3)
      .execute();
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: 'event 3 was modified',
    });
  });

  it('names a deleted middle row', async () => {
    await appendEvents(log, 5);
    await db.kysely.deleteFrom('audit_events').where('seq', '=', 2).execute();
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      problem: 'event 2 is missing',
    });
  });

  it('names the first of the deleted last rows', async () => {
    await appendEvents(log, 5);
    await db.kysely.deleteFrom('audit_events').where('seq', '>=', 4).execute();
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      problem: 'events 4–5 are missing from the end of the log',
    });
  });

  it('sees a rewritten chain whose hashes were all recomputed', async () => {
    await appendEvents(log, 4);
    const rows = await db.kysely.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const edited = { ...row, reason: row.seq === 2 ? 'rewritten' : row.reason, prev_hash: prev };
      const hash = eventHash(edited);
      await db.kysely
        .updateTable('audit_events')
        .set({ reason: edited.reason, prev_hash: prev, hash })
        .where('seq', '=', row.seq)
        .execute();
      prev = hash;
    }
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      problem: expect.stringContaining('rewritten') as string,
    });
  });

  it('sees a head moved back without the key', async () => {
    await appendEvents(log, 3);
    const second = await db.kysely
      .selectFrom('audit_events')
      .select('hash')
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow();
    await db.kysely.deleteFrom('audit_events').where('seq', '=', 3).execute();
    const heads = db.kysely.withTables<{
      audit_head: { id: number; seq: number; hash: string; mac: string };
    }>();
    const forged = new SecretBox('2'.repeat(64)).mac(headMessage(2, second.hash));
    await heads.updateTable('audit_head').set({ seq: 2, hash: second.hash, mac: forged }).execute();
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: expect.stringContaining('altered') as string,
    });
  });

  it('sees a deleted head and an event added behind the log', async () => {
    await appendEvents(log, 2);
    const heads = db.kysely.withTables<{
      audit_head: { id: number; seq: number; hash: string; mac: string };
    }>();
    const saved = await heads.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await heads.deleteFrom('audit_head').execute();
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: expect.stringContaining('missing') as string,
    });
    await heads.insertInto('audit_head').values(saved).execute();

    const last = await db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow();
    const extra = { ...last, seq: 3, action: 'forged', prev_hash: last.hash };
    await db.kysely
      .insertInto('audit_events')
      .values({ ...extra, hash: eventHash(extra) })
      .execute();
    expect(await log.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: 'event 3 was added outside the audit log',
    });
  });
});

describe('verifyChain and checkHead', () => {
  const row = (seq: number, prev: string) => {
    const base = {
      seq,
      at: '2025-07-01T00:00:00.000Z',
      actor_id: null,
      actor_username: null,
      actor_role: null,
      action: 'test',
      target_type: null,
      target_id: null,
      target_owner_id: null,
      jurisdiction_path: null,
      reason: null,
      ip: null,
      details: null,
      prev_hash: prev,
    };
    return { ...base, hash: eventHash(base) };
  };
  const first = row(1, GENESIS_HASH);
  const second = row(2, first.hash);
  const sign = (seq: number, hash: string) => ({ seq, hash, mac: box.mac(headMessage(seq, hash)) });
  const macMatches = (h: { seq: number; hash: string; mac: string }) =>
    box.mac(headMessage(h.seq, h.hash)) === h.mac;

  it('names a row that does not link to the one before it', () => {
    const stray = row(2, 'f'.repeat(64));
    expect(verifyChain([first, stray])).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      problem: 'event 2 does not link to the event before it',
    });
  });

  it('accepts a chain that ends at its signed head', () => {
    const chain = verifyChain([first, second]);
    if (!chain.ok) throw new Error('chain should verify');
    expect(checkHead(chain, sign(2, second.hash), macMatches)).toMatchObject({
      ok: true,
      events: 2,
    });
    expect(checkHead(chain, sign(3, 'a'.repeat(64)), macMatches)).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: 'event 3 is missing from the end of the log',
    });
  });
});
