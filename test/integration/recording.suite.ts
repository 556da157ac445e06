import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCameras } from '../../src/cameras/camera.service';
import type { Config } from '../../src/platform/config';
import { ffprobeBinary } from '../../src/platform/ffmpeg';
import type { Logger } from '../../src/platform/supervisor';
import { RecorderService } from '../../src/recording/recorder';
import type { RecorderSettings } from '../../src/recording/recorder-settings';
import type { GapRow, SegmentRow } from '../../src/recording/segments.repo';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { createHarness, type Harness } from '../helpers/harness';
import {
  openSource,
  sourceCredentials,
  type RtspSource,
  type SourceKind,
} from '../helpers/rtsp-sources';

const run = promisify(execFile);

/** Polls `check` until it returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function collectingLogger(lines: string[]): Logger {
  const log = (details: object, message: string) =>
    void lines.push(`${message} ${JSON.stringify(details)}`);
  return { debug: log, info: log, warn: log, error: log };
}

export async function probeDuration(file: string): Promise<number> {
  const { stdout } = await run(ffprobeBinary(), [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'csv=p=0',
    file,
  ]);
  return Number(stdout.trim());
}

export interface Recording {
  h: Harness;
  cameraId: string;
  recorder: RecorderService;
  logs: string[];
  segments(): Promise<SegmentRow[]>;
  gaps(): Promise<GapRow[]>;
  close(): Promise<void>;
}

/** A fresh server database with one camera on `url`, recorded by a recorder with `settings`. */
export async function recordCamera(
  url: string,
  settings: Partial<RecorderSettings>,
  config: Partial<Config> = {},
): Promise<Recording> {
  const h = await createHarness('sqlite', config);
  await seedTestUnits(h.ctx);
  const [cameraId] = (await createCameras(h.ctx, null, [
    {
      code: 'REC-1',
      name: 'Camera ngã tư',
      ownerKind: 'ward',
      jurisdictionId: unitIds.xuanDinh,
      latitude: 21.0737,
      longitude: 105.7905,
      heading: 0,
      fov: 90,
      rangeM: 30,
      mainStreamUrl: url,
      recordingEnabled: true,
    },
  ])) as [string];
  const logs: string[] = [];
  const recorder = new RecorderService(h.ctx, settings);
  h.ctx.recorder = recorder;
  await recorder.start(collectingLogger(logs));
  const db = h.ctx.db.kysely;
  return {
    h,
    cameraId,
    recorder,
    logs,
    segments: () =>
      db
        .selectFrom('segments')
        .selectAll()
        .where('camera_id', '=', cameraId)
        .orderBy('start_ms')
        .execute(),
    gaps: () =>
      db
        .selectFrom('recording_gaps')
        .selectAll()
        .where('camera_id', '=', cameraId)
        .orderBy('start_ms')
        .execute(),
    // Closing the app stops the recorder (its onClose hook), finishing the segment in progress.
    close: () => h.close(),
  };
}

const fast: Partial<RecorderSettings> = { segmentSeconds: 2, pollMs: 60_000 };

/** The recorder's behaviour against one RTSP server; run once per server. */
export function recordingSuite(kind: SourceKind): void {
  describe(`recorder against the ${kind} RTSP server`, () => {
    let source: RtspSource;
    let recording: Recording | null = null;

    beforeAll(async () => {
      source = await openSource(kind);
    });
    afterEach(async () => {
      source.fault('recover');
      await recording?.close();
      recording = null;
    });
    afterAll(async () => {
      await source?.close();
    });

    it('records wall-clock-aligned 10-second segments that ffprobe reads as 10 s ± 1 s', async () => {
      recording = await recordCamera(source.url(), { pollMs: 60_000 });
      const rows = await waitFor(
        'four segments',
        async () => {
          const found = await recording!.segments();
          return found.length >= 4 ? found : undefined;
        },
        60_000,
      );
      const mediaDir = recording.recorder.mediaDir;
      // The first segment runs from the connection to the first cut; the next ones are whole.
      for (const [i, row] of rows.slice(1, 4).entries()) {
        const file = join(mediaDir, row.path);
        expect(existsSync(file), row.path).toBe(true);
        const duration = await probeDuration(file);
        expect(duration, `segment ${i + 2} lasts ${duration} s`).toBeGreaterThanOrEqual(9);
        expect(duration).toBeLessThanOrEqual(11);
        expect(Math.abs(row.end_ms - row.start_ms - duration * 1000)).toBeLessThan(1000);
        // Cut at the first keyframe after a multiple of ten seconds (UTC).
        expect(
          row.start_ms % 10_000,
          `starts at ${new Date(row.start_ms).toISOString()}`,
        ).toBeLessThan(3000);
        expect(row.start_ms).toBe(rows[i]!.end_ms);
        const at = new Date(row.start_ms).toISOString();
        const name = `${at.slice(11, 13)}${at.slice(14, 16)}${at.slice(17, 19)}.mp4`;
        expect(row.path).toBe(`segments/${recording.cameraId}/${at.slice(0, 10)}/${name}`);
        expect(row).toMatchObject({
          codec: 'h264',
          width: source.width,
          height: source.height,
          has_audio: source.hasAudio ? 1 : 0,
          state: 'ok',
        });
      }
      const health = recording.recorder.health(recording.cameraId);
      expect(health?.state).toBe('online');
      expect(health?.fps).toBeGreaterThan(20);
      expect(health?.bitrateKbps).toBeGreaterThan(50);
      const log = recording.logs.join('\n');
      expect(log).toMatch(/recorder starting .*ffmpeg version/);
      expect(log).not.toContain(sourceCredentials.password);
    }, 90_000);

    it('hands viewers the live fMP4 of the same connection: init segment, then fragments', async () => {
      const connectionsBefore = source.connections();
      recording = await recordCamera(source.url(), fast);
      const { cameraId, recorder } = recording;
      const init = await waitFor(
        'the init segment',
        () => recorder.live.initSegment(cameraId) ?? undefined,
        20_000,
      );
      const fragments: Buffer[] = [];
      const stop = recorder.onLiveChunk(cameraId, (chunk) => {
        // A viewer starts on a keyframe; the fragments between keyframes depend on it.
        if (chunk.kind === 'fragment' && (chunk.keyframe || fragments.length > 0))
          fragments.push(chunk.data);
      });
      await waitFor('five fragments from a keyframe', () => fragments.length >= 5, 20_000);
      stop();
      expect(init.toString('latin1', 4, 8)).toBe('ftyp');
      expect(fragments.every((f) => f.toString('latin1', 4, 8) === 'moof')).toBe(true);
      // What a late viewer gets (the init segment, then fragments) is a playable stream.
      const file = join(recording.h.dataDir, 'live.mp4');
      writeFileSync(file, Buffer.concat([init, ...fragments]));
      const { stdout } = await run(ffprobeBinary(), [
        ...['-v', 'error', '-select_streams', 'v:0', '-count_frames'],
        ...['-show_entries', 'stream=codec_name,width,height,nb_read_frames', '-of', 'csv=p=0'],
        file,
      ]);
      const [codec, width, height, frames] = stdout.trim().split(',');
      expect([codec, Number(width), Number(height)]).toEqual(['h264', source.width, source.height]);
      expect(Number(frames)).toBeGreaterThan(20);
      // One RTSP connection serves both the recording and the live view.
      expect(source.connections() - connectionsBefore).toBe(1);
    }, 60_000);

    it('writes a dropped connection as a gap and resumes recording within the backoff', async () => {
      recording = await recordCamera(source.url(), fast);
      const { cameraId, recorder } = recording;
      await waitFor('two segments', async () => (await recording!.segments()).length >= 2, 30_000);
      const droppedAt = Date.now();
      source.fault('drop');
      await waitFor(
        'the camera to be offline',
        () => recorder.health(cameraId)?.state === 'offline',
        15_000,
      );
      const gap = await waitFor(
        'the gap to close',
        async () => (await recording!.gaps()).find((g) => g.end_ms !== null),
        20_000,
      );
      const backOnline = await waitFor(
        'the camera to be online again',
        () => (recorder.health(cameraId)?.state === 'online' ? Date.now() : undefined),
        20_000,
      );
      // One failure after a short healthy run: the first backoff step (1 s), then connect.
      expect(backOnline - droppedAt).toBeLessThan(10_000);
      expect(gap.reason).toBe('offline');
      expect(gap.end_ms! - gap.start_ms).toBeLessThan(10_000);
      const rows = await recording.segments();
      expect(rows.some((row) => row.end_ms === gap.start_ms)).toBe(true);
      expect(rows.some((row) => row.start_ms === gap.end_ms)).toBe(true);
      expect(recorder.health(cameraId)?.starts).toBe(2);
    }, 60_000);

    it('detects a stall with the no-data watchdog and reconnects when the camera recovers', async () => {
      // ffmpeg's own read timeout is set beyond the watchdog, so only the watchdog can notice.
      recording = await recordCamera(source.url(), {
        ...fast,
        socketTimeoutMs: 60_000,
        watchdogMs: 4_000,
      });
      const { cameraId, recorder } = recording;
      await waitFor(
        'the camera to be online',
        () => recorder.health(cameraId)?.state === 'online',
        20_000,
      );
      source.fault('stall');
      const stalled = await waitFor(
        'the watchdog to notice',
        () => {
          const health = recorder.health(cameraId);
          return health?.state === 'offline' ? health : undefined;
        },
        20_000,
      );
      expect(stalled.error).toBe('no data for 4 s');
      source.fault('recover');
      await waitFor(
        'the camera to be online again',
        () => recorder.health(cameraId)?.state === 'online',
        30_000,
      );
      expect((await recording.gaps())[0]?.reason).toBe('stalled');
    }, 60_000);

    it('finishes and indexes the segment in progress when a camera stalls', async () => {
      recording = await recordCamera(source.url(), fast);
      const { cameraId, recorder } = recording;
      await waitFor('two segments', async () => (await recording!.segments()).length >= 2, 30_000);
      const stalledAt = Date.now();
      source.fault('stall');
      await waitFor(
        'the camera to be offline',
        () => recorder.health(cameraId)?.state === 'offline',
        30_000,
      );
      const [gap] = await waitFor(
        'the gap',
        async () => {
          const gaps = await recording!.gaps();
          return gaps.length > 0 ? gaps : undefined;
        },
        10_000,
      );
      // ffmpeg's read timeout ends the connection cleanly: the footage up to the stall is kept.
      const last = (await recording.segments()).at(-1)!;
      expect(Math.abs(last.end_ms - stalledAt)).toBeLessThan(1500);
      expect(gap?.start_ms).toBe(last.end_ms);
      expect(await probeDuration(join(recorder.mediaDir, last.path))).toBeGreaterThan(0);
    }, 60_000);

    it('reports refused credentials as auth_failed without a storm of login attempts', async () => {
      const wrong = 'not-the-password';
      recording = await recordCamera(source.url({ password: wrong }), fast);
      const { cameraId, recorder } = recording;
      const failed = await waitFor(
        'auth_failed',
        () => {
          const health = recorder.health(cameraId);
          return health?.state === 'auth_failed' ? health : undefined;
        },
        20_000,
      );
      expect(failed.error).toContain('401');
      const attemptsBefore = source.connections();
      // A storm would retry after 1, 2, 4, 8 s; a refused login waits the full backoff (60 s).
      await new Promise((resolve) => setTimeout(resolve, 12_000));
      expect(source.connections() - attemptsBefore).toBe(0);
      expect(recorder.health(cameraId)?.starts).toBe(1);
      expect((await recording.gaps())[0]?.reason).toBe('auth_failed');
      const log = recording.logs.join('\n');
      expect(log).not.toContain(wrong);
      expect(log).toContain('rtsp://***@127.0.0.1');

      // The password is corrected in the registry: the recorder reconnects at once, not in 60 s.
      await recording.h.ctx.db.kysely
        .updateTable('cameras')
        .set({ main_stream_enc: recording.h.ctx.box.seal(source.url()) })
        .where('id', '=', cameraId)
        .execute();
      const fixedAt = Date.now();
      await recorder.sync();
      await waitFor('online', () => recorder.health(cameraId)?.state === 'online', 20_000);
      expect(Date.now() - fixedAt).toBeLessThan(15_000);
    }, 60_000);
  });
}
