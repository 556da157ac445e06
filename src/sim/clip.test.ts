import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audioClipArgs, clipSpecs, hevcClipArgs, videoClipArgs } from './clip';
import { withLock } from './file-lock';

describe('test clip arguments', () => {
  const main = clipSpecs.find((spec) => spec.name === 'main')!;

  it('encodes the main stream as 720p H.264 with a 2-second GOP and no B-frames', () => {
    // prettier-ignore
    expect(videoClipArgs(main, '/tmp/main.h264', null)).toEqual([
      '-hide_banner', '-loglevel', 'error', '-nostdin', '-y',
      '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25:duration=32',
      '-c:v', 'libx264', '-profile:v', 'baseline', '-preset', 'veryfast', '-pix_fmt', 'yuv420p',
      '-bf', '0', '-g', '50', '-keyint_min', '50',
      '-sc_threshold', '0', '-b:v', '2000k', '-maxrate', '2000k',
      '-bufsize', '4000k', '-f', 'h264', '/tmp/main.h264',
    ]);
  });

  it('draws the stream name and a running clock when a font is available', () => {
    const args = videoClipArgs(main, '/tmp/main.h264', '/fonts/Mono.ttf');
    const filter = args[args.indexOf('-vf') + 1];
    expect(filter).toBe(
      "drawtext=fontfile=/fonts/Mono.ttf:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=8:fontsize=40:x=40:y=40:text='MAIN 1280x720 %{pts\\:hms}'," +
        "drawtext=fontfile=/fonts/Mono.ttf:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=8:fontsize=24:x=40:y=100:text='frame %{n}'",
    );
  });

  it('encodes an 8-second H.265 variant of the main stream with the same GOP and no B-frames', () => {
    // prettier-ignore
    expect(hevcClipArgs(main, '/tmp/main.hevc', null)).toEqual([
      '-hide_banner', '-loglevel', 'error', '-nostdin', '-y',
      '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25:duration=8',
      '-c:v', 'libx265', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-x265-params',
      'bframes=0:keyint=50:min-keyint=50:scenecut=0:open-gop=0:repeat-headers=1:log-level=error',
      '-b:v', '1000k', '-maxrate', '1000k', '-bufsize', '2000k',
      '-f', 'hevc', '/tmp/main.hevc',
    ]);
    const filter = hevcClipArgs(main, '/tmp/main.hevc', '/fonts/Mono.ttf');
    expect(filter[filter.indexOf('-vf') + 1]).toContain("text='MAIN 1280x720 H.265 %{pts\\:hms}'");
  });

  it('makes a 16 kHz mono AAC tone for the audio track', () => {
    // prettier-ignore
    expect(audioClipArgs('/tmp/a.aac')).toEqual([
      '-hide_banner', '-loglevel', 'error', '-nostdin', '-y',
      '-f', 'lavfi', '-i', 'sine=frequency=880:beep_factor=4:sample_rate=16000:duration=32',
      '-c:a', 'aac', '-b:a', '32k', '-ac', '1', '-f', 'adts', '/tmp/a.aac',
    ]);
  });
});

describe('the clip lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'matthan-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs concurrent holders one after the other', async () => {
    const lock = join(dir, 'a.lock');
    const events: string[] = [];
    const holder = (name: string) =>
      withLock(lock, async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        events.push(`${name} out`);
      });
    await Promise.all([holder('one'), holder('two')]);
    expect(events).toEqual(['one in', 'one out', 'two in', 'two out']);
  });

  it('takes over a lock whose owner process is gone', async () => {
    const lock = join(dir, 'b.lock');
    writeFileSync(lock, '999999999'); // no such process
    await expect(withLock(lock, () => Promise.resolve('ran'), 5_000)).resolves.toBe('ran');
  });
});
