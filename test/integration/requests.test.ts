import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { evidenceRoot } from '../../src/evidence/evidence-files';
import { ffmpegBinary } from '../../src/platform/ffmpeg';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';
import { insertTestIncident } from '../helpers/incident-fixtures';
import { createFootageCamera } from './playback-fixtures';

// The owner flow through the HTTP API on both databases: police ask for footage, the owner sees
// the request and a notification, sends a real MP4 whose hash is recorded and which appears in
// the case; strangers see nothing; every bad input is refused by name and changes nothing.

const run = promisify(execFile);
const uploadMaxBytes = 32 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let work = '';
let clip = Buffer.alloc(0);
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'matthan-upload-'));
  const file = join(work, 'cong-nha.mp4');
  await run(ffmpegBinary(), [
    ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi'],
    ...['-i', 'testsrc=duration=1:size=160x120:rate=10', '-c:v', 'libx264'],
    ...['-pix_fmt', 'yuv420p', '-movflags', '+faststart', file],
  ]);
  clip = await readFile(file);
}, 30_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

interface RequestJson {
  id: string;
  status: string;
  caseNumber: string;
  cameraCode: string;
  itemIds: string[];
  recordedByUs: boolean;
  extraction: string | null;
  declineReason: string | null;
}
interface ErrorJson {
  error: { code: string; message: string; field?: string };
}

describeEachDatabase(
  'footage requests',
  (harness) => {
    let h: Harness;
    const cookie: Record<string, string> = {};
    const camera: Record<string, string> = {};
    const ids: Record<string, string> = {};
    let incidentId = '';
    let caseNumber = '';
    const deadline = () => new Date(h.ctx.now().getTime() + 86_400_000).toISOString();

    const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      h.app.inject({ method, url, headers: { cookie: cookie[who]! }, payload });
    const ask = (cameraIds: string[], extra: Record<string, unknown> = {}) =>
      call('police', 'POST', `/api/incidents/${incidentId}/requests`, {
        cameraIds,
        reason: 'Xác minh đối tượng trộm xe máy',
        deadline: deadline(),
        ...extra,
      });
    const upload = (who: string, id: string, body: Buffer, fileName = 'cong-nha.mp4') =>
      h.app.inject({
        method: 'PUT',
        url: `/api/footage-requests/${id}/upload?fileName=${encodeURIComponent(fileName)}`,
        headers: { cookie: cookie[who]!, 'content-type': 'video/mp4' },
        payload: body,
      });
    const requestCount = async () =>
      (await call('police', 'GET', `/api/incidents/${incidentId}/requests`)).json<{
        items: RequestJson[];
      }>().items.length;

    beforeAll(async () => {
      h = harness();
      await seedTestUnits(h.ctx);
      const users: [string, 'ward_police' | 'camera_owner', string][] = [
        ['police', 'ward_police', unitIds.xuanDinh],
        ['away', 'ward_police', unitIds.coNhue],
        ['owner', 'camera_owner', unitIds.tanXuan1],
        ['stranger', 'camera_owner', unitIds.tanXuan1],
      ];
      for (const [name, role, unit] of users) {
        ids[name] = await h.createUser({ username: `rq.${name}`, role, jurisdictionId: unit });
        cookie[name] = await h.login(`rq.${name}`);
      }
      camera.shop = await createFootageCamera(h, 'RQ-SHOP', ids.owner!, {
        consentTier: 'on_request',
      });
      camera.second = await createFootageCamera(h, 'RQ-2', ids.owner!, {
        consentTier: 'on_request',
      });
      camera.third = await createFootageCamera(h, 'RQ-3', ids.owner!, {
        consentTier: 'live_always',
      });
      camera.closed = await createFootageCamera(h, 'RQ-CLOSED', ids.owner!, {
        consentTier: 'registry_only',
      });
      camera.gone = await createFootageCamera(h, 'RQ-GONE', ids.owner!, {
        consentTier: 'on_request',
      });
      await h.ctx.db.kysely
        .updateTable('cameras')
        .set({ status: 'decommissioned', decommissioned_at: h.ctx.now().toISOString() })
        .where('id', '=', camera.gone)
        .execute();
      const incident = await insertTestIncident(h.ctx);
      incidentId = incident.id;
      caseNumber = incident.case_number;
    });

    it('asks the owner, who sees the request on my requests and is notified', async () => {
      const created = await ask([camera.shop!]);
      expect(created.statusCode, created.body).toBe(201);
      const [request] = created.json<{ items: RequestJson[] }>().items;
      expect(request).toMatchObject({
        status: 'pending',
        caseNumber,
        cameraCode: 'RQ-SHOP',
        recordedByUs: false,
        extraction: null,
        itemIds: [],
      });
      ids.request = request!.id;

      const mine = await call('owner', 'GET', '/api/my/requests?status=pending');
      expect(mine.json<{ items: RequestJson[] }>().items.map((r) => r.id)).toEqual([ids.request]);
      const notes = await call('owner', 'GET', '/api/notifications');
      const { items, unread } = notes.json<{
        items: { kind: string; title: string; link: string }[];
        unread: number;
      }>();
      expect(unread).toBe(1);
      expect(items[0]).toMatchObject({
        kind: 'request.new',
        title: 'Yêu cầu trích xuất hình ảnh camera RQ-SHOP',
        link: '/my-requests',
      });
    });

    it('shows the request to nobody else: another owner 404, police of another ward 403', async () => {
      const stranger = await call('stranger', 'GET', `/api/footage-requests/${ids.request}`);
      expect(stranger.statusCode).toBe(404);
      const strangerList = await call('stranger', 'GET', '/api/my/requests');
      expect(strangerList.json<{ items: unknown[] }>().items).toEqual([]);
      expect((await upload('stranger', ids.request!, clip)).statusCode).toBe(404);
      const approve = await call(
        'stranger',
        'POST',
        `/api/footage-requests/${ids.request}/approve`,
      );
      expect(approve.statusCode).toBe(404);

      const away = await call('away', 'GET', `/api/footage-requests/${ids.request}`);
      expect(away.statusCode).toBe(403);
      expect((await call('away', 'GET', `/api/incidents/${incidentId}/requests`)).statusCode).toBe(
        403,
      );
      expect((await call('police', 'GET', `/api/footage-requests/${ids.request}`)).statusCode).toBe(
        200,
      );
    });

    it('takes the owner’s MP4 into the case with the hash of the bytes sent', async () => {
      const response = await upload('owner', ids.request!, clip);
      expect(response.statusCode, response.body).toBe(201);
      const { request, item } = response.json<{
        request: RequestJson;
        item: { id: string; sha256: string; bytes: number; kind: string; mime: string };
      }>();
      expect(item).toMatchObject({
        sha256: sha256(clip),
        bytes: clip.length,
        kind: 'upload',
        mime: 'video/mp4',
      });
      expect(request).toMatchObject({ status: 'fulfilled', itemIds: [item.id] });
      ids.item = item.id;

      const evidence = await call('police', 'GET', `/api/incidents/${incidentId}/evidence`);
      expect(evidence.statusCode, evidence.body).toBe(200);
      const listed = evidence.json<{ items: { id: string; sha256: string }[] }>().items;
      expect(listed).toContainEqual(expect.objectContaining({ id: item.id, sha256: sha256(clip) }));

      const officer = await call('police', 'GET', '/api/notifications');
      expect(officer.json<{ items: { kind: string }[] }>().items[0]?.kind).toBe('request.uploaded');
    });

    it('refuses bad files by name and changes nothing already collected', async () => {
      const notVideo = await upload('owner', ids.request!, Buffer.from('không phải video\n'));
      expect(notVideo.statusCode).toBe(400);
      expect(notVideo.json<ErrorJson>().error).toMatchObject({
        field: 'file',
        message: 'not a video file',
      });

      const empty = await upload('owner', ids.request!, Buffer.alloc(0));
      expect(empty.statusCode).toBe(400);
      expect(empty.json<ErrorJson>().error).toMatchObject({
        field: 'file',
        message: 'the file is empty',
      });

      const big = await upload('owner', ids.request!, Buffer.alloc(uploadMaxBytes + 1, 7));
      expect(big.statusCode).toBe(413);
      expect(big.json<ErrorJson>().error.field).toBe('file');

      const named = await upload('owner', ids.request!, clip, 'cong-nha.txt');
      expect(named.statusCode).toBe(400);
      expect(named.json<ErrorJson>().error.field).toBe('fileName');

      const request = await call('owner', 'GET', `/api/footage-requests/${ids.request}`);
      expect(request.json<RequestJson>()).toMatchObject({
        status: 'fulfilled',
        itemIds: [ids.item],
      });
      const item = await call('police', 'GET', `/api/evidence/${ids.item}`);
      expect(item.json<{ sha256: string }>().sha256).toBe(sha256(clip));
      // The stored file is still the one received, and no partial upload was left behind.
      const stored = await h.ctx.db.kysely
        .selectFrom('evidence_items')
        .select('stored_path')
        .where('request_id', '=', ids.request!)
        .execute();
      expect(stored).toHaveLength(1);
      const bytes = await readFile(join(evidenceRoot(h.ctx.config), stored[0]!.stored_path));
      expect(sha256(bytes)).toBe(sha256(clip));
      expect(await readdir(join(evidenceRoot(h.ctx.config), '.incoming'))).toEqual([]);
    });

    it('stops a streamed file that grows past the limit, and keeps JSON elsewhere', async () => {
      const chunks = Array.from({ length: 40 }, () => Buffer.alloc(1024, 9));
      const streamed = await h.app.inject({
        method: 'PUT',
        url: `/api/footage-requests/${ids.request}/upload?fileName=lon.mp4`,
        headers: { cookie: cookie.owner!, 'content-type': 'application/octet-stream' },
        payload: Readable.from(chunks),
      });
      expect(streamed.statusCode).toBe(413);
      expect(streamed.json<ErrorJson>().error.field).toBe('file');
      expect(await readdir(join(evidenceRoot(h.ctx.config), '.incoming'))).toEqual([]);
      // The raw-body parser belongs to the upload route alone.
      const elsewhere = await h.app.inject({
        method: 'POST',
        url: `/api/footage-requests/${ids.request}/decline`,
        headers: { cookie: cookie.owner!, 'content-type': 'video/mp4' },
        payload: clip,
      });
      expect(elsewhere.statusCode).toBe(415);
    });

    it('takes a further file for the same request, with the range the owner states', async () => {
      const from = new Date(h.ctx.now().getTime() - 30 * 60_000).toISOString();
      const to = new Date(h.ctx.now().getTime() - 29 * 60_000).toISOString();
      const response = await h.app.inject({
        method: 'PUT',
        url: `/api/footage-requests/${ids.request}/upload?fileName=sau-nha.mp4&from=${from}&to=${to}`,
        headers: { cookie: cookie.owner!, 'content-type': 'application/octet-stream' },
        payload: clip,
      });
      expect(response.statusCode, response.body).toBe(201);
      const { request, item } = response.json<{
        request: RequestJson;
        item: { id: string; fileName: string; delivered: { from: string; to: string } | null };
      }>();
      expect(item).toMatchObject({ fileName: 'sau-nha.mp4', delivered: { from, to } });
      expect(request.itemIds).toEqual([ids.item, item.id]);
    });

    it('refuses a 3-day window, naming to, and a past deadline, naming deadline', async () => {
      const now = h.ctx.now().getTime();
      const long = await ask([camera.second!], {
        from: new Date(now - 4 * 86_400_000).toISOString(),
        to: new Date(now - 86_400_000).toISOString(),
      });
      expect(long.statusCode).toBe(400);
      expect(long.json<ErrorJson>().error.field).toBe('to');
      const late = await ask([camera.second!], { deadline: new Date(now - 1000).toISOString() });
      expect(late.json<ErrorJson>().error.field).toBe('deadline');
    });

    it('refuses a registry-only or decommissioned camera and creates nothing for the call', async () => {
      const before = await requestCount();
      const closed = await ask([camera.second!, camera.closed!]);
      expect(closed.statusCode).toBe(400);
      expect(closed.json<ErrorJson>().error).toMatchObject({
        field: 'cameraIds',
        message: 'camera RQ-CLOSED does not share footage: contact the owner',
      });
      const gone = await ask([camera.gone!]);
      expect(gone.statusCode).toBe(400);
      expect(gone.json<ErrorJson>().error.field).toBe('cameraIds');
      expect(await requestCount()).toBe(before);
    });

    it('refuses a second approval and a decline after approval, changing nothing', async () => {
      const created = await ask([camera.second!, camera.third!]);
      expect(created.statusCode, created.body).toBe(201);
      const [second, third] = created.json<{ items: RequestJson[] }>().items;
      const first = await call('owner', 'POST', `/api/footage-requests/${second!.id}/approve`);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json<RequestJson>().status).toBe('approved');
      const again = await call('owner', 'POST', `/api/footage-requests/${second!.id}/approve`);
      expect(again.statusCode).toBe(409);
      expect(again.json<ErrorJson>().error.message).toBe('already approved');
      const decline = await call('owner', 'POST', `/api/footage-requests/${second!.id}/decline`, {
        reason: 'Đổi ý',
      });
      expect(decline.statusCode).toBe(409);
      const now = await call('police', 'GET', `/api/footage-requests/${second!.id}`);
      expect(now.json<RequestJson>()).toMatchObject({ status: 'approved', declineReason: null });

      // Police may not answer for the owner.
      const police = await call('police', 'POST', `/api/footage-requests/${third!.id}/approve`);
      expect(police.statusCode).toBe(403);
      const declined = await call('owner', 'POST', `/api/footage-requests/${third!.id}/decline`, {
        reason: 'Camera hỏng ổ cứng',
      });
      expect(declined.json<RequestJson>()).toMatchObject({
        status: 'declined',
        declineReason: 'Camera hỏng ổ cứng',
      });
      expect((await upload('owner', third!.id, clip)).statusCode).toBe(409);
      const officer = await call('police', 'GET', '/api/notifications?unread=true');
      const kinds = officer.json<{ items: { kind: string }[] }>().items.map((n) => n.kind);
      expect(kinds).toEqual(expect.arrayContaining(['request.approved', 'request.declined']));
    });

    it('lets police cancel an open request, not the owner', async () => {
      const created = await ask([camera.second!]);
      const [request] = created.json<{ items: RequestJson[] }>().items;
      const path = `/api/footage-requests/${request!.id}/cancel`;
      const owner = await call('owner', 'POST', path, { reason: 'Không cần nữa' });
      expect(owner.statusCode).toBe(403);
      const away = await call('away', 'POST', path, { reason: 'Không cần nữa' });
      expect(away.statusCode).toBe(403);
      const police = await call('police', 'POST', path, { reason: 'Đã có hình ảnh khác' });
      expect(police.json<RequestJson>()).toMatchObject({
        status: 'cancelled',
        declineReason: 'Đã có hình ảnh khác',
      });
      const notes = await call('owner', 'GET', '/api/notifications');
      expect(notes.json<{ items: { kind: string }[] }>().items[0]?.kind).toBe('request.cancelled');
    });

    it('records every step in the owner’s access log', async () => {
      const events = await h.ctx.db.kysely
        .selectFrom('audit_events')
        .select(['action', 'target_id'])
        .where('target_owner_id', '=', ids.owner!)
        .where('action', 'like', 'request.%')
        .execute();
      const actions = new Set(events.map((e) => e.action));
      for (const action of [
        'request.create',
        'request.approve',
        'request.decline',
        'request.cancel',
        'request.upload',
      ]) {
        expect(actions, action).toContain(action);
      }
      const access = await call('owner', 'GET', `/api/cameras/${camera.shop}/access-log`);
      expect(access.statusCode, access.body).toBe(200);
      expect(access.body).toContain('request.upload');
    });
  },
  { uploadMaxBytes },
);
