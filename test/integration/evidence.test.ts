import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';
import { insertTestIncident } from '../helpers/incident-fixtures';
import { evidencePath, type EvidenceItem } from '../../src/evidence/evidence.view';
import type { IncidentTable } from '../../src/platform/db/schema';
import { startSimulator, type Simulator } from '../../src/sim/rtsp-server';
import {
  createFootageCamera,
  makeSegmentFiles,
  placeSegments,
  probeDuration,
  withBodyFile,
  type SegmentFiles,
} from './playback-fixtures';

// Extraction from our recordings into a case, through the HTTP API on both databases with real
// ffmpeg: the item's hash is the hash of the stored file and of the bytes handed out, the
// custody chain records acquisition and download and is tied to the audit log, an edited
// custody row is caught, and who may extract, read and download is the case's police.

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Footage two hours ago, so every window in these tests has ended. */
const t0 = Math.floor((Date.now() - 2 * 3_600_000) / 10_000) * 10_000;
const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
const reason = 'Trích xuất cho hồ sơ vụ việc';

const credentials = { username: 'dau-ghi', password: 'Mat-khau-77' };

let footage: SegmentFiles;
/** A camera whose clock runs 4 s behind, to measure while extracting. */
let sim: Simulator;
beforeAll(async () => {
  footage = await makeSegmentFiles(3, 10);
  sim = await startSimulator({ port: 0, cameras: 1, credentials, clockSkewMs: { 1: -4000 } });
}, 60_000);
afterAll(async () => {
  await sim?.close();
  await footage?.dispose();
});

describeEachDatabase('evidence extraction', (harness) => {
  const cookies: Record<string, string> = {};
  let h: Harness;
  let camera = '';
  let onRequest = '';
  let incident: IncidentTable;
  let extracted: EvidenceItem;

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({ method, url, payload, headers: { cookie: cookies[who]! } });
  const extract = (who: string, cameraId: string, from: number, to: number) =>
    call(who, 'POST', `/api/incidents/${incident.id}/evidence/extract`, {
      cameraId,
      from: at(from),
      to: at(to),
    });

  beforeAll(async () => {
    h = harness();
    await seedTestUnits(h.ctx);
    const users = [
      ['ev.police', 'ward_police', unitIds.xuanDinh],
      ['ev.away', 'ward_police', unitIds.coNhue],
      ['ev.owner', 'camera_owner', unitIds.tanXuan1],
      ['ev.other', 'camera_owner', unitIds.tanXuan1],
    ] as const;
    const ids: Record<string, string> = {};
    for (const [username, role, unit] of users) {
      ids[username] = await h.createUser({ username, role, jurisdictionId: unit });
      cookies[username] = await h.login(username);
    }
    camera = await createFootageCamera(h, 'EV-1', ids['ev.owner']!, { makeModel: 'Hikvision' });
    onRequest = await createFootageCamera(h, 'EV-2', ids['ev.other']!, {
      consentTier: 'on_request',
    });
    await placeSegments(h, camera, footage.files, t0, { seconds: 10 });
    await placeSegments(h, onRequest, footage.files, t0, { seconds: 10 });
    incident = await insertTestIncident(h.ctx, { from_ms: t0, to_ms: t0 + 30_000 });
  });

  it('extracts recorded footage whose hash is that of the stored file', async () => {
    const response = await extract('ev.police', camera, 4, 24);
    expect(response.statusCode, response.body).toBe(201);
    extracted = response.json<EvidenceItem>();
    expect(extracted).toMatchObject({
      incidentId: incident.id,
      kind: 'extract',
      requestId: null,
      mime: 'video/mp4',
      requested: { from: at(4), to: at(24) },
      delivered: { from: at(4), to: at(24) },
      clockOffset: null,
      collectedByName: 'ev.police',
      source: {
        cameraId: camera,
        cameraCode: 'EV-1',
        ownerKind: 'household',
        makeModel: 'Hikvision',
      },
      media: { video: { codec: 'h264' }, audio: { codec: 'aac' } },
    });
    expect(extracted.media?.format).toContain('mp4');
    const row = await h.ctx.db.kysely
      .selectFrom('evidence_items')
      .selectAll()
      .where('id', '=', extracted.id)
      .executeTakeFirstOrThrow();
    const path = evidencePath(h.ctx.config, row);
    expect(path).toContain(`/evidence/${incident.id}/${extracted.id}.mp4`);
    const stored = await readFile(path);
    expect(sha256(stored)).toBe(extracted.sha256);
    expect(extracted.bytes).toBe(stored.length);
    expect((await stat(path)).mode & 0o777).toBe(0o444);
    // The stream copy starts at the keyframe before 4 s: about 20 s (±1 GOP).
    const seconds = await withBodyFile(stored, probeDuration);
    expect(seconds).toBeGreaterThan(19);
    expect(seconds).toBeLessThan(23);
    expect(JSON.stringify(row.source)).not.toContain('rtsp');
  });

  it('records the camera clock offset measured from its stream, without its credentials', async () => {
    const streamed = await createFootageCamera(h, 'EV-3', '', {
      ownerKind: 'ward',
      ownerUserId: null,
      mainStreamUrl: sim.url(1),
    });
    await placeSegments(h, streamed, footage.files.slice(0, 1), t0, { seconds: 10 });
    const response = await extract('ev.police', streamed, 0, 10);
    expect(response.statusCode, response.body).toBe(201);
    const item = response.json<EvidenceItem>();
    expect(item.clockOffset).toMatchObject({ method: 'stream', by: null });
    expect(Math.abs(item.clockOffset!.ms + 4000)).toBeLessThan(300);
    expect(item.clockOffset!.note).toMatch(/RTCP/);
    const custody = await call('ev.police', 'GET', `/api/evidence/${item.id}/custody`);
    expect(custody.body).not.toContain(credentials.password);
    expect(response.body).not.toContain(credentials.password);
    expect(response.body).not.toContain('rtsp://');
  });

  it('lists the item in its case', async () => {
    const response = await call('ev.police', 'GET', `/api/incidents/${incident.id}/evidence`);
    expect(response.statusCode).toBe(200);
    expect(response.json<{ items: EvidenceItem[] }>().items.map((i) => i.id)).toContain(
      extracted.id,
    );
  });

  it('hands out the original bytes with a reason, as a named attachment', async () => {
    const refused = await call('ev.police', 'GET', `/api/evidence/${extracted.id}/original`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { field: 'reason' } });
    const url = `/api/evidence/${extracted.id}/original?reason=${encodeURIComponent(reason)}`;
    const response = await call('ev.police', 'GET', url);
    expect(response.statusCode).toBe(200);
    expect(sha256(response.rawPayload)).toBe(extracted.sha256);
    expect(response.headers['content-disposition']).toContain(`filename="${extracted.fileName}"`);
    const part = await h.app.inject({
      method: 'GET',
      url,
      headers: { cookie: cookies['ev.police']!, range: 'bytes=100-199' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload.equals(response.rawPayload.subarray(100, 200))).toBe(true);
  });

  it('keeps a custody chain of acquisition and download, tied to the audit log', async () => {
    const response = await call('ev.police', 'GET', `/api/evidence/${extracted.id}/custody`);
    expect(response.statusCode).toBe(200);
    const custody = response.json<{
      chainOk: boolean;
      items: { seq: number; action: string; auditSeq: number; details: Record<string, unknown> }[];
    }>();
    expect(custody.chainOk).toBe(true);
    // One download event although the file was fetched twice (whole, then a range).
    expect(custody.items.map((e) => e.action)).toEqual(['acquired', 'downloaded']);
    expect(custody.items[0]!.details.clock).toBe(
      'camera clock not measured: the camera has no stream URL',
    );
    expect(custody.items[1]!.details.reason).toBe(reason);
    for (const event of custody.items) {
      const audit = await h.ctx.db.kysely
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '=', event.auditSeq)
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({
        action: `evidence.${event.action}`,
        target_type: 'evidence_item',
        target_id: extracted.id,
        jurisdiction_path: incident.jurisdiction_path,
      });
      expect(audit.target_owner_id).not.toBeNull();
      expect(JSON.parse(audit.details!)).toMatchObject({ sha256: extracted.sha256 });
    }
  });

  it('reports a broken chain when a custody row is edited in the database', async () => {
    const item = (await extract('ev.police', camera, 0, 10)).json<EvidenceItem>();
    await h.ctx.db.kysely
      .updateTable('custody_events')
      .set({ details: '{"kind":"upload"}' })
      .where('item_id', '=', item.id)
      .where('seq', '=', 1)
      .execute();
    const response = await call('ev.police', 'GET', `/api/evidence/${item.id}/custody`);
    expect(response.json()).toMatchObject({
      chainOk: false,
      problem: 'custody event 1 was modified',
    });
  });

  it('says no footage was recorded for a window before any recording', async () => {
    const response = await extract('ev.police', camera, -600, -300);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'no_footage' } });
    expect(response.json<{ error: { message: string } }>().error.message).toContain('EV-1');
  });

  it('refuses windows over 12 hours or in the future', async () => {
    const long = await extract('ev.police', camera, 0, 13 * 3600);
    expect(long.statusCode).toBe(400);
    const future = await extract('ev.police', camera, 0, 3 * 3600);
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ error: { field: 'to' } });
  });

  it('needs the owner’s approval for an on-request camera, then links the request', async () => {
    const refused = await extract('ev.police', onRequest, 0, 10);
    expect(refused.statusCode).toBe(403);
    const requestId = 'req-ev-2';
    const now = new Date().toISOString();
    await h.ctx.db.kysely
      .insertInto('footage_requests')
      .values({
        id: requestId,
        incident_id: incident.id,
        camera_id: onRequest,
        owner_user_id: null,
        from_ms: t0,
        to_ms: t0 + 30_000,
        reason,
        deadline_at: now,
        status: 'approved',
        decline_reason: null,
        decided_at: now,
        decided_by: null,
        extraction_state: null,
        extraction_error: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const response = await extract('ev.police', onRequest, 0, 10);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ requestId });
  });

  it('keeps police of another ward out of the case and its items', async () => {
    expect((await extract('ev.away', camera, 0, 10)).statusCode).toBe(403);
    for (const url of [
      `/api/incidents/${incident.id}/evidence`,
      `/api/evidence/${extracted.id}`,
      `/api/evidence/${extracted.id}/custody`,
      `/api/evidence/${extracted.id}/original?reason=${encodeURIComponent(reason)}`,
      `/api/evidence/${extracted.id}/view`,
    ]) {
      expect((await call('ev.away', 'GET', url)).statusCode, url).toBe(403);
    }
  });

  it('lets the camera owner read items from their own camera, and nothing more', async () => {
    expect((await call('ev.owner', 'GET', `/api/evidence/${extracted.id}`)).statusCode).toBe(200);
    const custody = await call('ev.owner', 'GET', `/api/evidence/${extracted.id}/custody`);
    expect(custody.statusCode).toBe(200);
    const original = `/api/evidence/${extracted.id}/original?reason=${encodeURIComponent(reason)}`;
    expect((await call('ev.owner', 'GET', original)).statusCode).toBe(403);
    expect(
      (await call('ev.owner', 'GET', `/api/incidents/${incident.id}/evidence`)).statusCode,
    ).toBe(403);
    expect((await extract('ev.owner', camera, 0, 10)).statusCode).toBe(403);
    expect((await call('ev.other', 'GET', `/api/evidence/${extracted.id}`)).statusCode).toBe(403);
  });
});
