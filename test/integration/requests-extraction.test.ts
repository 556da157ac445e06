import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pendingExtractions } from '../../src/requests/request.extraction';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { describeEachDatabase, type Harness } from '../helpers/harness';
import { insertTestIncident } from '../helpers/incident-fixtures';
import {
  createFootageCamera,
  makeSegmentFiles,
  placeSegments,
  type SegmentFiles,
} from './playback-fixtures';

// Requests for cameras we record: real segments (the simulator's clip cut as the recorder cuts
// it) are placed in the media folder and indexed. A camera shared live is extracted at once
// without the owner; an `on_request` one once the owner approves; footage that turns out to be
// gone fails the extraction by name and leaves the request approved.

interface RequestJson {
  id: string;
  status: string;
  extraction: string | null;
  extractionError: string | null;
  itemIds: string[];
  recordedByUs: boolean;
  decidedAt: string | null;
}

let footage: SegmentFiles;
beforeAll(async () => {
  footage = await makeSegmentFiles(3, 10);
}, 60_000);
afterAll(async () => {
  await footage?.dispose();
});

describeEachDatabase('footage requests for recorded cameras', (harness) => {
  let h: Harness;
  const cookie: Record<string, string> = {};
  const camera: Record<string, string> = {};
  let incidentId = '';
  let ownerId = '';

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: { cookie: cookie[who]! }, payload });
  const ask = async (cameraId: string): Promise<RequestJson> => {
    const response = await call('police', 'POST', `/api/incidents/${incidentId}/requests`, {
      cameraIds: [cameraId],
      reason: 'Trích xuất hình ảnh vụ trộm',
      deadline: new Date(h.ctx.now().getTime() + 86_400_000).toISOString(),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ items: RequestJson[] }>().items[0]!;
  };
  const read = async (id: string) =>
    (await call('police', 'GET', `/api/footage-requests/${id}`)).json<RequestJson>();
  const recorded = async (code: string, tier: 'live_always' | 'on_request') => {
    const id = await createFootageCamera(h, code, ownerId, { consentTier: tier });
    await h.ctx.db.kysely
      .updateTable('cameras')
      .set({ recording_enabled: 1 })
      .where('id', '=', id)
      .execute();
    return {
      id,
      segments: await placeSegments(h, id, footage.files, h.ctx.now().getTime() - 20 * 60_000, {
        seconds: 10,
      }),
    };
  };

  beforeAll(async () => {
    h = harness();
    await seedTestUnits(h.ctx);
    ownerId = await h.createUser({
      username: 'rx.owner',
      role: 'camera_owner',
      jurisdictionId: unitIds.tanXuan1,
    });
    cookie.owner = await h.login('rx.owner');
    await h.createUser({
      username: 'rx.police',
      role: 'ward_police',
      jurisdictionId: unitIds.xuanDinh,
    });
    cookie.police = await h.login('rx.police');
    camera.live = (await recorded('RX-LIVE', 'live_always')).id;
    camera.asked = (await recorded('RX-ASK', 'on_request')).id;
    const lost = await recorded('RX-LOST', 'live_always');
    camera.lost = lost.id;
    for (const segment of lost.segments) await rm(segment.path);
    incidentId = (await insertTestIncident(h.ctx)).id;
  }, 60_000);

  it('extracts a camera shared live at once, without asking the owner', async () => {
    const request = await ask(camera.live!);
    expect(request).toMatchObject({
      status: 'approved',
      extraction: 'pending',
      recordedByUs: true,
    });
    expect(request.decidedAt).not.toBeNull();
    await pendingExtractions(h.ctx);
    const done = await read(request.id);
    expect(done).toMatchObject({ status: 'fulfilled', extraction: 'done', extractionError: null });
    expect(done.itemIds).toHaveLength(1);
    const item = await call('police', 'GET', `/api/evidence/${done.itemIds[0]}`);
    expect(item.json<{ kind: string; requestId: string }>()).toMatchObject({
      kind: 'extract',
      requestId: request.id,
    });
    const notes = await call('police', 'GET', '/api/notifications');
    expect(notes.json<{ items: { kind: string }[] }>().items[0]?.kind).toBe('request.extracted');
    const owner = await call('owner', 'GET', '/api/notifications');
    expect(owner.json<{ items: { kind: string; title: string }[] }>().items[0]).toMatchObject({
      kind: 'request.new',
      title: expect.stringContaining('được trích xuất') as string,
    });
  }, 60_000);

  it('waits for the owner of an on-request camera, then extracts on approval', async () => {
    const request = await ask(camera.asked!);
    expect(request).toMatchObject({ status: 'pending', extraction: null, recordedByUs: true });
    const approved = await call('owner', 'POST', `/api/footage-requests/${request.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<RequestJson>()).toMatchObject({
      status: 'approved',
      extraction: 'pending',
    });
    await pendingExtractions(h.ctx);
    const done = await read(request.id);
    expect(done).toMatchObject({ status: 'fulfilled', extraction: 'done' });
    expect(done.itemIds).toHaveLength(1);
  }, 60_000);

  it('names a failed extraction and leaves the request approved', async () => {
    const request = await ask(camera.lost!);
    expect(request.extraction).toBe('pending');
    await pendingExtractions(h.ctx);
    const failed = await read(request.id);
    expect(failed).toMatchObject({ status: 'approved', extraction: 'failed', itemIds: [] });
    expect(failed.extractionError).toMatch(/RX-LOST/);
    const notes = await call('police', 'GET', '/api/notifications');
    expect(notes.json<{ items: { kind: string }[] }>().items[0]?.kind).toBe(
      'request.extraction_failed',
    );
  }, 60_000);
});
