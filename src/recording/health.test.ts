import { describe, expect, it } from 'vitest';
import type { ChildExit } from '../platform/supervisor';
import { classifyExit, cleanLine, RateMeter, uptimePercent } from './health';

const exit = (stderr: string[], overrides: Partial<ChildExit> = {}): ChildExit => ({
  reason: 'exited',
  code: 1,
  signal: null,
  stderr,
  hadData: false,
  ...overrides,
});

describe('classifyExit', () => {
  it('names a refused password auth_failed', () => {
    expect(
      classifyExit(
        exit([
          '[rtsp @ 0x55f41ebce980] method DESCRIBE failed: 401 Unauthorized',
          'rtsp://***@127.0.0.1:41989/test: Server returned 401 Unauthorized (authorization failed)',
        ]),
        10_000,
      ),
    ).toEqual({
      state: 'auth_failed',
      error: 'the camera refused the user name or password (401)',
    });
  });

  it('names a stream without video and a non-RTSP answer as errors', () => {
    expect(classifyExit(exit(["Stream map '0:v:0' matches no streams."]), 10_000)).toEqual({
      state: 'error',
      error: 'the stream has no video',
    });
    expect(
      classifyExit(exit(['rtsp://***@cam/1: Invalid data found when processing input']), 10_000)
        .state,
    ).toBe('error');
  });

  // The stderr ffmpeg 5.1 printed when its media folder failed under a recording (tmpfs tests).
  const diskFull = [
    'av_interleaved_write_frame(): No space left on device',
    "[segment @ 0x55d62223b280] Failure occurred when ending segment '/m/.partial/c1-20261129T191346Z.mp4'",
    'Error writing trailer of /m/.partial/c1-%Y%m%dT%H%M%SZ.mp4: No space left on device',
  ];
  const readOnly = [
    "[segment @ 0x562be459cf00] Failed to open segment '/m/.partial/c1-20261129T191445Z.mp4'",
    'av_interleaved_write_frame(): Read-only file system',
    'Error writing trailer of /m/.partial/c1-%Y%m%dT%H%M%SZ.mp4: Invalid argument',
  ];
  const notAFolder = [
    "[segment @ 0x5581] Failed to open segment '/data/file/media/.partial/c1-20261129T191445Z.mp4'",
    'Could not write header for output file #0 (incorrect codec parameters ?): Not a directory',
  ];

  it('names a full disk, even when it also made the next segment fail to open', () => {
    const full = { state: 'error', error: 'the media disk is full' };
    expect(classifyExit(exit(diskFull), 10_000)).toEqual(full);
    expect(classifyExit(exit([...readOnly.slice(0, 1), ...diskFull]), 10_000)).toEqual(full);
    expect(classifyExit(exit(['Error closing file: Disk quota exceeded']), 10_000)).toEqual(full);
  });

  it('names a read-only, unreachable or forbidden media folder not writable', () => {
    const notWritable = { state: 'error', error: 'the media folder is not writable' };
    expect(classifyExit(exit(readOnly), 10_000)).toEqual(notWritable);
    expect(classifyExit(exit(notAFolder), 10_000)).toEqual(notWritable);
    expect(
      classifyExit(exit(["Failed to open segment '/m/x.mp4'", 'Permission denied']), 10_000),
    ).toEqual(notWritable);
    // A segment folder deleted by hand: ffmpeg names the segment it could not open.
    expect(
      classifyExit(
        exit(["[segment @ 0x1] Failed to open segment '/m/.partial/c1.mp4'", 'Conversion failed!']),
        10_000,
      ),
    ).toEqual(notWritable);
  });

  it('calls a lost connection offline, naming the last meaningful line', () => {
    const failure = classifyExit(
      exit([
        'rtsp://***@cam/1: Connection refused',
        '[segment @ 0x1] Non-monotonous DTS in output stream 0:0; previous: 401, current: 0',
      ]),
      10_000,
    );
    expect(failure).toEqual({
      state: 'offline',
      error: 'connection lost: rtsp://***@cam/1: Connection refused',
    });
  });

  it('reports the watchdog and a missing ffmpeg', () => {
    expect(classifyExit(exit([], { reason: 'watchdog' }), 10_000)).toEqual({
      state: 'offline',
      error: 'no data for 10 s',
    });
    expect(
      classifyExit(exit(['spawn /nope/ffmpeg ENOENT'], { reason: 'spawn_failed' }), 10_000),
    ).toEqual({ state: 'error', error: 'cannot start ffmpeg: spawn /nope/ffmpeg ENOENT' });
  });

  it('strips ffmpeg’s context prefix from a line', () => {
    expect(cleanLine('[rtsp @ 0x55d4fade4340] method DESCRIBE failed')).toBe(
      'method DESCRIBE failed',
    );
  });
});

describe('uptimePercent', () => {
  const hour = 3_600_000;
  it('counts the time spent online inside the window, from the state before it', () => {
    const entries = [
      { atMs: 6 * hour, state: 'offline' },
      { atMs: 12 * hour, state: 'online' },
    ];
    expect(uptimePercent(entries, 'online', 0, 24 * hour)).toBe(75);
  });
  it('measures a camera with no earlier history from its first change, not from the window start', () => {
    const entries = [
      { atMs: 6 * hour, state: 'offline' },
      { atMs: 12 * hour, state: 'online' },
    ];
    expect(uptimePercent(entries, null, 0, 24 * hour)).toBe(66.7);
    const justAdded = [
      { atMs: 24 * hour - 100_000, state: 'connecting' },
      { atMs: 24 * hour - 98_000, state: 'online' },
    ];
    expect(uptimePercent(justAdded, null, 0, 24 * hour)).toBe(98);
  });
  it('is 100 for a camera online all day and 0 for an empty window', () => {
    expect(uptimePercent([], 'online', 0, 24 * hour)).toBe(100);
    expect(uptimePercent([], 'online', 5, 5)).toBe(0);
  });
});

describe('RateMeter', () => {
  it('measures bitrate and frame rate from fragments', () => {
    const meter = new RateMeter(10_000);
    meter.add(0, 250_000, 50);
    meter.add(2000, 250_000, 50);
    meter.add(4000, 250_000, 50);
    expect(meter.rates(4500)).toEqual({ bitrateKbps: 1000, fps: 25 });
  });
  it('reports nothing when fragments stopped arriving', () => {
    const meter = new RateMeter(10_000);
    meter.add(0, 1000, 25);
    meter.add(1000, 1000, 25);
    expect(meter.rates(20_000)).toEqual({ bitrateKbps: null, fps: null });
  });
  it('reports nothing, not infinity, for fragments that arrived in the same millisecond', () => {
    const meter = new RateMeter(10_000);
    meter.add(5000, 60_000, 13);
    meter.add(5000, 60_000, 13);
    expect(meter.rates(5100)).toEqual({ bitrateKbps: null, fps: null });
  });
});
