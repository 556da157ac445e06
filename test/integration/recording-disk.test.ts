import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RecorderSettings } from '../../src/recording/recorder-settings';
import { reconcileMedia } from '../../src/recording/reconcile';
import { startRetention } from '../../src/recording/retention';
import { isCompleteMp4, partialFolder } from '../../src/recording/segment-files';
import type { Harness } from '../helpers/harness';
import { openSource, type RtspSource } from '../helpers/rtsp-sources';
import { mountTmpfs, tmpfsUnavailable, type TmpfsMount } from '../helpers/tmpfs';
import {
  collectingLogger,
  probeDuration,
  recordCamera,
  waitFor,
  type Recording,
} from './recording.suite';

// A full disk and a media folder that cannot be written, met by a real recording: the simulated
// camera (720p, ~2 Mbit/s, so ~0.5 MB per 2-s segment) recorded by real ffmpeg onto a small RAM
// disk. Each is a clear status and log line, nothing indexed is lost, and recording resumes
// by itself once the disk is usable again.

const MiB = 1024 * 1024;

const unavailable = tmpfsUnavailable();
if (unavailable !== null) {
  console.warn(`recording-disk tests skipped: a tmpfs cannot be mounted here (${unavailable})`);
}

// The backoff is capped at 4 s instead of 60 s so that resuming fits in the test's time; the
// failures themselves are what a 60-s cap would meet.
const settings: Partial<RecorderSettings> = {
  segmentSeconds: 2,
  pollMs: 60_000,
  backoff: { initialMs: 1_000, maxMs: 4_000, healthyResetMs: 60_000 },
};

interface Status {
  state: string;
  lastError: string | null;
}

async function adminCookie(h: Harness): Promise<string> {
  await h.createUser({ username: 'disk.admin', role: 'admin' });
  return h.login('disk.admin');
}

/** The camera's status as the API gives it (`GET /api/cameras/:id/recording`). */
async function status(recording: Recording, cookie: string): Promise<Status> {
  const response = await recording.h.app.inject({
    method: 'GET',
    url: `/api/cameras/${recording.cameraId}/recording`,
    headers: { cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Status>();
}

const waitForStatus = (
  recording: Recording,
  cookie: string,
  expected: Status,
  timeoutMs: number,
): Promise<Status> =>
  waitFor(
    `the camera to be ${expected.state} (${expected.lastError ?? 'no error'})`,
    async () => {
      const now = await status(recording, cookie);
      const matches =
        now.state === expected.state &&
        (expected.lastError === null || now.lastError === expected.lastError);
      return matches ? now : undefined;
    },
    timeoutMs,
  );

/** Every indexed segment is a finished MP4 that ffprobe reads as footage. */
async function expectPlayable(mediaDir: string, paths: string[]): Promise<void> {
  for (const path of paths) {
    const file = join(mediaDir, path);
    expect(await isCompleteMp4(file), path).toBe(true);
    expect(await probeDuration(file), path).toBeGreaterThan(0.5);
  }
}

const healthLogStates = async (recording: Recording) =>
  (
    await recording.h.ctx.db.kysely
      .selectFrom('camera_health_log')
      .select(['state', 'error'])
      .where('camera_id', '=', recording.cameraId)
      .orderBy('at_ms')
      .execute()
  ).map((row) => `${row.state}: ${row.error ?? ''}`);

describe.skipIf(unavailable !== null)(
  'recording onto a disk that fills up or turns read-only',
  () => {
    let source: RtspSource;
    let disk: TmpfsMount | null = null;
    let recording: Recording | null = null;

    beforeAll(async () => {
      source = await openSource('simulator');
    });
    afterEach(async () => {
      try {
        // The recorder stops (ffmpeg finishes) before the disk under it goes.
        await recording?.close();
      } finally {
        recording = null;
        disk?.unmount();
        disk = null;
      }
    });
    afterAll(async () => {
      await source?.close();
    });

    it('reports a full disk as an error, keeps what was indexed, and resumes once space is freed', async () => {
      disk = mountTmpfs(6 * MiB);
      // Room for about four segments: the filler is an unrelated file an operator could delete.
      const filler = join(disk.dir, 'filler.bin');
      writeFileSync(filler, Buffer.alloc(4 * MiB, 1));
      const mediaDir = join(disk.dir, 'media');
      recording = await recordCamera(source.url(), settings, {
        mediaDir,
        minFreeBytes: 0,
        storageQuotaBytes: 0,
      });
      const cookie = await adminCookie(recording.h);

      await waitForStatus(
        recording,
        cookie,
        { state: 'error', lastError: 'the media disk is full' },
        40_000,
      );
      const before = await recording.segments();
      expect(before.length).toBeGreaterThanOrEqual(2);
      await expectPlayable(
        mediaDir,
        before.map((row) => row.path),
      );
      // The segment the disk ran out under is left aside, never indexed as footage.
      await waitFor(
        'the half-written segment to be refused',
        () => recording!.logs.some((line) => line.startsWith('segment incomplete, not indexed')),
        10_000,
      );
      const partialDir = partialFolder(mediaDir, recording.cameraId);
      const unfinished = [];
      for (const name of await readdir(partialDir)) {
        if (!(await isCompleteMp4(join(partialDir, name)))) unfinished.push(name);
      }
      expect(unfinished.length).toBeGreaterThan(0);
      expect(recording.logs.join('\n')).toMatch(/camera health .*"the media disk is full"/);

      // While the disk stays full, each retry fails the same way and records nothing.
      const { recorder, cameraId } = recording;
      const failedStarts = recorder.health(cameraId)!.starts;
      await waitFor(
        'two more attempts on the full disk',
        () => recorder.health(cameraId)!.starts >= failedStarts + 2,
        15_000,
      );
      expect((await recording.segments()).map((row) => row.id)).toEqual(
        before.map((row) => row.id),
      );
      // No retry flickered to online: the error stands until space is back.
      const history = await healthLogStates(recording);
      expect(history.slice(history.indexOf('error: the media disk is full'))).toEqual([
        'error: the media disk is full',
      ]);

      // The operator frees space; the server was never restarted.
      await unlink(filler);
      const freedAt = Date.now();
      const resumed = await waitFor(
        'a segment recorded after space was freed',
        async () =>
          (await recording!.segments()).find(
            (row) => !before.some((old) => old.id === row.id) && row.start_ms >= freedAt - 2_000,
          ),
        30_000,
      );
      await waitForStatus(recording, cookie, { state: 'online', lastError: null }, 10_000);
      const after = await recording.segments();
      for (const old of before) expect(after.find((row) => row.id === old.id)?.state).toBe('ok');
      await expectPlayable(mediaDir, [...before.map((row) => row.path), resumed.path]);
    }, 60_000);

    it('keeps recording on a nearly full disk by deleting the oldest footage that is not held', async () => {
      disk = mountTmpfs(4 * MiB);
      const mediaDir = join(disk.dir, 'media');
      const minFreeBytes = 1.5 * MiB;
      recording = await recordCamera(source.url(), settings, {
        mediaDir,
        minFreeBytes,
        storageQuotaBytes: 0,
      });
      const { h } = recording;
      const cookie = await adminCookie(h);
      const retentionLog: string[] = [];
      const retention = startRetention(h.ctx, {
        checkEveryMs: 200,
        log: collectingLogger(retentionLog),
      });
      try {
        const first = await waitFor(
          'the first segment',
          async () => (await recording!.segments())[0],
          20_000,
        );
        const hold = await h.app.inject({
          method: 'POST',
          url: '/api/holds',
          headers: { cookie },
          payload: {
            cameraId: recording.cameraId,
            // Inside the segment: a hold touching the next segment's first instant keeps it too.
            from: new Date(Number(first.start_ms) + 100).toISOString(),
            to: new Date(Number(first.end_ms) - 100).toISOString(),
            reason: 'vụ va chạm giao thông',
          },
        });
        expect(hold.statusCode, hold.body).toBe(201);

        // Record more than the whole disk holds: only retention can make room for it.
        const seen = new Map<string, { startMs: number; bytes: number; path: string }>();
        await waitFor(
          'more footage than the disk holds',
          async () => {
            for (const row of await recording!.segments()) {
              seen.set(row.id, {
                startMs: Number(row.start_ms),
                bytes: Number(row.bytes),
                path: row.path,
              });
            }
            let total = 0;
            for (const segment of seen.values()) total += segment.bytes;
            return total > disk!.sizeBytes;
          },
          45_000,
        );
        // No deletion may land between reading the index and checking the files.
        await retention.stop();

        const kept = await recording.segments();
        const keptIds = new Set(kept.map((row) => row.id));
        const deleted = [...seen].filter(([id]) => !keptIds.has(id)).map(([, s]) => s);
        expect(deleted.length).toBeGreaterThan(0);
        // Held footage stays; what went is the oldest of the rest.
        expect(keptIds.has(first.id)).toBe(true);
        const oldestKept = Math.min(
          ...kept.filter((row) => row.id !== first.id).map((row) => Number(row.start_ms)),
        );
        for (const segment of deleted) {
          expect(segment.startMs).toBeLessThan(oldestKept);
          await expect(stat(join(mediaDir, segment.path))).rejects.toThrow(/ENOENT/);
        }
        await expectPlayable(
          mediaDir,
          kept.map((row) => row.path),
        );
        expect(await healthLogStates(recording)).not.toContainEqual(
          expect.stringMatching(/^error/),
        );
        expect((await status(recording, cookie)).state).toBe('online');
        const audits = await h.ctx.db.kysely
          .selectFrom('audit_events')
          .select('details')
          .where('action', '=', 'recording.retention')
          .execute();
        expect(
          audits.map((row) => JSON.parse(row.details ?? '{}') as { reason?: string }),
        ).toContainEqual(expect.objectContaining({ reason: 'low_disk' }));
      } finally {
        await retention.stop();
      }
    }, 60_000);

    it('reports a read-only media disk as not writable, loses nothing, and resumes when writable again', async () => {
      disk = mountTmpfs(16 * MiB);
      const mediaDir = join(disk.dir, 'media');
      recording = await recordCamera(source.url(), settings, { mediaDir, minFreeBytes: 0 });
      const cookie = await adminCookie(recording.h);
      await waitFor('two segments', async () => (await recording!.segments()).length >= 2, 20_000);

      disk.readOnly();
      const readOnlyAt = Date.now();
      await waitForStatus(
        recording,
        cookie,
        { state: 'error', lastError: 'the media folder is not writable' },
        20_000,
      );
      expect(recording.logs.join('\n')).toMatch(
        /camera health .*"the media folder is not writable"/,
      );
      const before = await recording.segments();
      await expectPlayable(
        mediaDir,
        before.map((row) => row.path),
      );

      disk.readWrite();
      const writableAt = Date.now();
      const resumed = await waitFor(
        'a segment recorded after the disk is writable again',
        async () =>
          (await recording!.segments()).find(
            (row) => !before.some((old) => old.id === row.id) && row.start_ms >= readOnlyAt,
          ),
        30_000,
      );
      expect(Number(resumed.end_ms)).toBeGreaterThan(writableAt);
      await waitForStatus(recording, cookie, { state: 'online', lastError: null }, 10_000);
      const after = await recording.segments();
      for (const old of before) expect(after.find((row) => row.id === old.id)?.state).toBe('ok');
      await expectPlayable(mediaDir, [...before.map((row) => row.path), resumed.path]);

      // The segment ffmpeg finished as the disk turned read-only could not be moved into place
      // then; the recorder kept it and indexed it once the disk was writable again, so nothing
      // finished is left in the partial folder for the next start to pick up.
      expect(recording.logs.join('\n')).toMatch(/segment cannot be moved into place yet/);
      await recording.recorder.stop();
      const partialDir = partialFolder(mediaDir, recording.cameraId);
      const waiting = [];
      for (const name of await readdir(partialDir)) {
        if (await isCompleteMp4(join(partialDir, name))) waiting.push(name);
      }
      expect(waiting).toEqual([]);
      const report = await reconcileMedia(recording.h.ctx, { log: collectingLogger([]) });
      expect(report).toMatchObject({ finalised: 0, indexed: 0, quarantined: 0 });
    }, 60_000);
  },
);

describe('recording into a media folder that cannot be created', () => {
  const dir = mkdtempSync(join(tmpdir(), 'matthan-not-a-folder-'));
  let recording: Recording | null = null;
  let source: RtspSource;

  beforeAll(async () => {
    source = await openSource('simulator');
  });
  afterAll(async () => {
    await recording?.close();
    await source?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the folder as not writable at start and the server keeps serving', async () => {
    // A regular file where a folder of the path should be: no one, not even root, can create it.
    const blocker = join(dir, 'media-disk');
    writeFileSync(blocker, 'not a folder');
    const mediaDir = join(blocker, 'media');
    recording = await recordCamera(source.url(), settings, { mediaDir });
    const cookie = await adminCookie(recording.h);

    await waitForStatus(
      recording,
      cookie,
      { state: 'error', lastError: 'the media folder is not writable' },
      20_000,
    );
    const log = recording.logs.join('\n');
    expect(log).toMatch(/media folder unusable .*ENOTDIR/);
    expect(log).toMatch(/camera health .*"the media folder is not writable"/);
    expect(await recording.segments()).toEqual([]);
    const storage = await recording.h.app.inject({
      method: 'GET',
      url: '/api/storage',
      headers: { cookie },
    });
    expect(storage.statusCode, storage.body).toBe(200);
    const cameras = await recording.h.app.inject({
      method: 'GET',
      url: '/api/cameras',
      headers: { cookie },
    });
    expect(cameras.statusCode, cameras.body).toBe(200);
  }, 30_000);
});
