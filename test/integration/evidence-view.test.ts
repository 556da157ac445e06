import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFile,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/actor';
import { acquireFile } from '../../src/evidence/acquire';
import { custodyEvents, recordCustody } from '../../src/evidence/custody.service';
import { verifyCustody } from '../../src/evidence/custody-chain';
import { evidenceRoot, incomingPath, sweepIncoming } from '../../src/evidence/evidence-files';
import { evidencePath, type EvidenceItem } from '../../src/evidence/evidence.view';
import type { AcquireInput, MediaSummary } from '../../src/evidence/evidence.types';
import { probeMedia } from '../../src/evidence/media-probe';
import { ffmpegBinary, ffprobeBinary } from '../../src/platform/ffmpeg';
import type { EvidenceItemTable, IncidentTable } from '../../src/platform/db/schema';
import { indexComesFirst } from '../../src/playback/mp4-layout';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';
import { insertTestIncident } from '../helpers/incident-fixtures';
import {
  createFootageCamera,
  makeSegmentFiles,
  withBodyFile,
  type SegmentFiles,
} from './playback-fixtures';

// Items taken in directly (as an owner's upload is): viewing copies for the browser made once
// as derived items with their own hash while the original stays byte for byte the same, the
// officer-entered clock offset, custody appends that stay one chain under concurrency, and an
// acquisition that fails leaving nothing behind.

const run = promisify(execFile);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let work = '';
let transportStream = '';
let footage: SegmentFiles;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'matthan-evidence-'));
  // What a household DVR exports: MPEG-2 video and MP2 audio in MPEG-TS, at an odd size.
  transportStream = join(work, 'dvr.ts');
  await run(ffmpegBinary(), [
    ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=d=3:s=322x242:r=25'],
    ...['-f', 'lavfi', '-i', 'sine=d=3', '-c:v', 'mpeg2video', '-c:a', 'mp2', '-f', 'mpegts'],
    ...['-y', transportStream],
  ]);
  footage = await makeSegmentFiles(1, 10);
}, 60_000);
afterAll(async () => {
  await footage?.dispose();
  await rm(work, { recursive: true, force: true });
});

describeEachDatabase('evidence viewing copies and clock offsets', (harness) => {
  const cookies: Record<string, string> = {};
  let h: Harness;
  let police: Actor;
  let camera = '';
  let incident: IncidentTable;

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({ method, url, payload, headers: { cookie: cookies[who]! } });
  const itemRow = (id: string) =>
    h.ctx.db.kysely
      .selectFrom('evidence_items')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  /** Takes a copy of `source` into the case as an upload, as the request flow does. */
  async function upload(
    source: string,
    fileName: string,
    extra: Partial<AcquireInput> = {},
  ): Promise<EvidenceItemTable> {
    const tempPath = join(work, `upload-${Math.random().toString(36).slice(2)}`);
    await copyFile(source, tempPath);
    const bytes = await readFile(tempPath);
    const media: MediaSummary | null = await probeMedia(ffprobeBinary(), tempPath);
    return acquireFile(h.ctx, police, {
      incidentId: incident.id,
      requestId: null,
      kind: 'upload',
      derivedFrom: null,
      cameraId: camera,
      tempPath,
      fileName,
      mime: 'video/mp2t',
      sha256: sha256(bytes),
      bytes: bytes.length,
      media,
      requestedFromMs: incident.from_ms,
      requestedToMs: incident.to_ms,
      deliveredFromMs: null,
      deliveredToMs: null,
      clockOffset: null,
      ...extra,
    });
  }

  beforeAll(async () => {
    h = harness();
    await seedTestUnits(h.ctx);
    const ids: Record<string, string> = {};
    for (const [username, role, unit] of [
      ['vc.police', 'ward_police', unitIds.xuanDinh],
      ['vc.away', 'ward_police', unitIds.coNhue],
      ['vc.owner', 'camera_owner', unitIds.tanXuan1],
    ] as const) {
      ids[username] = await h.createUser({ username, role, jurisdictionId: unit });
      cookies[username] = await h.login(username);
    }
    police = {
      id: ids['vc.police']!,
      username: 'vc.police',
      displayName: 'vc.police',
      role: 'ward_police',
      jurisdictionId: unitIds.xuanDinh,
      scopePath: null,
      via: 'session',
    };
    camera = await createFootageCamera(h, 'VC-1', ids['vc.owner']!, { consentTier: 'on_request' });
    incident = await insertTestIncident(h.ctx);
  });

  it('makes an H.264/AAC viewing copy of an MPEG-TS upload once, leaving the original as it was', async () => {
    const original = await upload(transportStream, 'Camera cổng.ts');
    const originalPath = evidencePath(h.ctx.config, original);
    const response = await call('vc.police', 'GET', `/api/evidence/${original.id}/view`);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe('video/mp4');
    const body = response.rawPayload;
    const media = await withBodyFile(body, (path) => probeMedia(ffprobeBinary(), path));
    expect(media).toMatchObject({ video: { codec: 'h264' }, audio: { codec: 'aac' } });
    expect(media!.format.split(',')).toContain('mp4');
    expect(await withBodyFile(body, indexComesFirst)).toBe(true);
    expect(sha256(body)).not.toBe(original.sha256);
    expect(sha256(await readFile(originalPath))).toBe(original.sha256);

    const list = await call('vc.police', 'GET', `/api/incidents/${incident.id}/evidence`);
    const items = list.json<{ items: EvidenceItem[] }>().items;
    const copy = items.find((item) => item.derivedFrom === original.id)!;
    expect(copy).toMatchObject({ kind: 'viewing_copy', fileName: 'Camera cổng.view.mp4' });
    expect(copy.sha256).toBe(sha256(body));
    expect(items.find((item) => item.id === original.id)!.viewingCopyId).toBe(copy.id);

    // Seeking asks for a range of the same copy; no second copy is made.
    const part = await h.app.inject({
      method: 'GET',
      url: `/api/evidence/${original.id}/view`,
      headers: { cookie: cookies['vc.police']!, range: 'bytes=0-99' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload.equals(body.subarray(0, 100))).toBe(true);
    const copies = await h.ctx.db.kysely
      .selectFrom('evidence_items')
      .select('id')
      .where('derived_from', '=', original.id)
      .execute();
    expect(copies).toHaveLength(1);

    const originalCustody = await custodyEvents(h.ctx.db, original.id);
    expect(originalCustody.map((e) => e.action)).toEqual(['acquired', 'derived', 'viewed']);
    expect(JSON.parse(originalCustody[1]!.details!)).toMatchObject({ viewingCopyId: copy.id });
    expect(verifyCustody(originalCustody).ok).toBe(true);
    const copyCustody = await custodyEvents(h.ctx.db, copy.id);
    expect(copyCustody.map((e) => e.action)).toEqual(['acquired']);
    expect((await stat(originalPath)).mode & 0o777).toBe(0o444);
  });

  it('makes one copy when two viewers arrive together', async () => {
    const original = await upload(transportStream, 'cong-sau.ts');
    const url = `/api/evidence/${original.id}/view`;
    const [a, b] = await Promise.all([call('vc.police', 'GET', url), call('vc.owner', 'GET', url)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(sha256(a.rawPayload)).toBe(sha256(b.rawPayload));
    const copies = await h.ctx.db.kysely
      .selectFrom('evidence_items')
      .select('id')
      .where('derived_from', '=', original.id)
      .execute();
    expect(copies).toHaveLength(1);
  });

  it('serves an H.264 MP4 original as it is, without a copy', async () => {
    const original = await upload(footage.files[0]!, 'VC-1.mp4', { mime: 'video/mp4' });
    const response = await call('vc.police', 'GET', `/api/evidence/${original.id}/view`);
    expect(response.statusCode).toBe(200);
    expect(sha256(response.rawPayload)).toBe(original.sha256);
    const item = (
      await call('vc.police', 'GET', `/api/evidence/${original.id}`)
    ).json<EvidenceItem>();
    expect(item.viewingCopyId).toBeNull();
  });

  it('takes an officer’s clock offset for an upload, in the custody log', async () => {
    const item = await upload(transportStream, 'dong-ho.ts');
    const url = `/api/evidence/${item.id}/clock-offset`;
    const payload = {
      offsetMs: -90_000,
      note: 'Đồng hồ đầu ghi chậm 1 phút 30 giây so với điện thoại',
    };
    const response = await call('vc.police', 'POST', url, payload);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      clockOffset: {
        ms: -90_000,
        method: 'officer',
        by: police.id,
        byName: 'vc.police',
        note: payload.note,
      },
    });
    const custody = await custodyEvents(h.ctx.db, item.id);
    expect(custody.map((e) => e.action)).toEqual(['acquired', 'clock_offset_set']);
    expect(JSON.parse(custody[1]!.details!)).toMatchObject({ offsetMs: -90_000, previous: null });

    const tooFar = await call('vc.police', 'POST', url, { offsetMs: 8 * 86_400_000, note: 'x' });
    expect(tooFar.statusCode).toBe(400);
    expect((await call('vc.away', 'POST', url, payload)).statusCode).toBe(403);
    expect((await call('vc.owner', 'POST', url, payload)).statusCode).toBe(403);
  });

  it('refuses an officer offset over one measured from the stream, and on a viewing copy', async () => {
    const measured = await upload(transportStream, 'do-tu-luong.ts', {
      kind: 'extract',
      clockOffset: { ms: 1200, method: 'stream', by: null, note: 'từ luồng' },
    });
    const payload = { offsetMs: 0, note: 'thử' };
    const response = await call(
      'vc.police',
      'POST',
      `/api/evidence/${measured.id}/clock-offset`,
      payload,
    );
    expect(response.statusCode).toBe(409);
    expect((await itemRow(measured.id)).clock_offset_ms).toBe(1200);
    const copy = await h.ctx.db.kysely
      .selectFrom('evidence_items')
      .select('id')
      .where('kind', '=', 'viewing_copy')
      .executeTakeFirstOrThrow();
    expect(
      (await call('vc.police', 'POST', `/api/evidence/${copy.id}/clock-offset`, payload))
        .statusCode,
    ).toBe(409);
  });

  it('keeps one unbroken chain when custody events arrive at once', async () => {
    const item = await upload(transportStream, 'dong-thoi.ts');
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => recordCustody(h.ctx, police, item, 'viewed', { i })),
    );
    const events = await custodyEvents(h.ctx.db, item.id);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(verifyCustody(events).ok).toBe(true);
  });

  it('leaves nothing behind when an acquisition fails', async () => {
    const before = await h.ctx.db.kysely.selectFrom('evidence_items').select('id').execute();
    const files = async () =>
      (await readdir(join(evidenceRoot(h.ctx.config), incident.id))).filter(
        (n) => !n.startsWith('.'),
      );
    const storedBefore = await files();
    const missingCase = upload(transportStream, 'x.ts', { incidentId: 'no-such-incident' });
    await expect(missingCase).rejects.toThrow(/incident not found/);
    const wrongSize = upload(transportStream, 'y.ts', { bytes: 1 });
    await expect(wrongSize).rejects.toThrow(/bytes/);
    expect(await h.ctx.db.kysely.selectFrom('evidence_items').select('id').execute()).toHaveLength(
      before.length,
    );
    expect(await files()).toEqual(storedBefore);
    expect((await readdir(work)).filter((n) => n.startsWith('upload-'))).toEqual([]);
  });

  it('sweeps work files abandoned in .incoming, and only those', async () => {
    const abandoned = await incomingPath(h.ctx.config, '.mp4');
    const fresh = await incomingPath(h.ctx.config, '.mp4');
    await writeFile(abandoned, 'half an extract');
    await writeFile(fresh, 'an extract being written');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    await utimes(abandoned, twoDaysAgo, twoDaysAgo);
    expect(await sweepIncoming(h.ctx.config, Date.now())).toBe(1);
    await expect(stat(abandoned)).rejects.toThrow(/ENOENT/);
    expect((await stat(fresh)).isFile()).toBe(true);
    await rm(fresh);
  });
});
