import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegBinary } from '../../src/platform/ffmpeg';
import { concatTakesOptions } from '../../src/playback/concat-caps';
import { concatList } from '../../src/playback/concat-list';
import { seedTestUnits, unitIds } from '../helpers/fixtures';
import { createHarness, type Harness } from '../helpers/harness';
import {
  createFootageCamera,
  makeSegmentFiles,
  placeSegments,
  probeDuration,
  videoPackets,
  withBodyFile,
  type SegmentFiles,
} from './playback-fixtures';

// Playback and download with both ffmpegs the server may run: the system's (5.x, which opens
// the joined files without decoding them) and the one bundled from npm (4.1, which does not
// know the list's `option` directive), and the list's quoting read by ffmpeg itself.

const run = promisify(execFile);
const bundled = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string })
  .path;
const t0 = Date.parse('2025-04-01T00:00:00Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();

describe('ffmpeg versions', () => {
  let footage: SegmentFiles;
  beforeAll(async () => {
    footage = await makeSegmentFiles(3, 10);
  }, 60_000);
  afterAll(async () => {
    await footage?.dispose();
  });

  it('knows which ffmpeg reads the list’s option directive', async () => {
    expect(await concatTakesOptions(ffmpegBinary())).toBe(true);
    expect(await concatTakesOptions(bundled)).toBe(false);
  });

  it('reads a list whose path holds a quote and a space, as ffmpeg itself parses it', async () => {
    const dir = await mkdtemp(join(tmpdir(), "matthan-o'brien "));
    try {
      await mkdir(join(dir, "it's here"));
      const file = join(dir, "it's here", "seg 'a'.mp4");
      await writeFile(file, await readFile(footage.files[0]!));
      const list = join(dir, 'list.ffconcat');
      await writeFile(
        list,
        concatList([
          { path: file, durationSeconds: 10 },
          { path: file, durationSeconds: 10 },
        ]),
      );
      const output = join(dir, 'out.mp4');
      await run(ffmpegBinary(), [
        ...['-hide_banner', '-loglevel', 'error', '-f', 'concat', '-safe', '0', '-i', list],
        ...['-c', 'copy', '-y', output],
      ]);
      expect(await probeDuration(output)).toBeCloseTo(20, 0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  for (const [name, path] of [
    ['system ffmpeg', undefined],
    ['bundled ffmpeg 4.1', bundled],
  ] as const) {
    describe(name, () => {
      let h: Harness;
      let camera = '';
      let cookie = '';
      beforeAll(async () => {
        h = await createHarness('sqlite', path ? { ffmpegPath: path } : {});
        await seedTestUnits(h.ctx);
        const owner = await h.createUser({
          username: 'ver.owner',
          role: 'camera_owner',
          jurisdictionId: unitIds.tanXuan1,
        });
        cookie = await h.login('ver.owner');
        camera = await createFootageCamera(h, 'VER-1', owner);
        await placeSegments(h, camera, footage.files, t0, { seconds: 10 });
      });
      afterAll(async () => {
        await h?.close();
      });

      it('streams playback across boundaries and cuts a download', async () => {
        const media = await h.app.inject({
          method: 'GET',
          url: `/api/cameras/${camera}/playback.mp4?from=${at(0)}&to=${at(30)}`,
          headers: { cookie },
        });
        expect(media.statusCode).toBe(200);
        const packets = await withBodyFile(media.rawPayload, videoPackets);
        expect(packets).toHaveLength(750);
        const download = await h.app.inject({
          method: 'GET',
          url: `/api/cameras/${camera}/download.mp4?from=${at(5)}&to=${at(25)}`,
          headers: { cookie },
        });
        expect(download.statusCode).toBe(200);
        const duration = await withBodyFile(download.rawPayload, probeDuration);
        expect(duration).toBeGreaterThanOrEqual(19.9);
        expect(duration).toBeLessThanOrEqual(22);
      });
    });
  }
});
