import { describe, expect, it } from 'vitest';
import { eventsUrl, parseServerEvent, reconnectDelay } from '../../web/src/api/events';
import type { RecordingStatus } from '../../web/src/api/recording';
import { applyHealth, healthUpdateFrom, mergeHealth } from '../../web/src/hooks/healthUpdates';
import { buildTimeline, startOfVietnamDay } from '../../web/src/views/recording/timeline';

// The rules behind the recording screens (see recording.test.ts), checked without a browser:
// the web app's pure pieces, which the browser tests exercise only along one path.
describe('recording screen rules', () => {
  it('waits 1 s, 2 s, 4 s … before reconnecting, and never more than 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map(reconnectDelay)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('connects to the events socket over wss on an https page and ws otherwise', () => {
    expect(eventsUrl({ protocol: 'https:', host: 'camera.example.vn' })).toBe(
      'wss://camera.example.vn/api/events',
    );
    expect(eventsUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe(
      'ws://127.0.0.1:8080/api/events',
    );
  });

  it('ignores socket frames that are not events instead of throwing', () => {
    expect(parseServerEvent('not json')).toBeNull();
    expect(parseServerEvent('{"data":{}}')).toBeNull();
    expect(parseServerEvent(new ArrayBuffer(4))).toBeNull();
    expect(
      parseServerEvent('{"type":"camera.health","at":"2025-03-01T00:00:00Z","data":{"a":1}}'),
    ).toEqual({ type: 'camera.health', at: '2025-03-01T00:00:00Z', data: { a: 1 } });
  });

  const base: RecordingStatus = {
    cameraId: 'c1',
    code: 'TX1-01',
    name: 'Ngõ 27',
    state: 'offline',
    lastError: 'refused',
    since: '2025-03-01T00:00:00.000Z',
    uptimePct24h: 90,
    bitrateKbps: null,
    fps: null,
    recording: true,
    canControl: true,
  };
  const event = (at: string, data: Record<string, unknown>) =>
    healthUpdateFrom({ type: 'camera.health', at, data: { cameraId: 'c1', ...data } })!.update;

  it('moves "since" only when a health event changes the state', () => {
    const online = event('2025-03-01T01:00:00.000Z', { state: 'online', bitrateKbps: 2000 });
    expect(applyHealth(base, online)).toMatchObject({
      state: 'online',
      since: '2025-03-01T01:00:00.000Z',
      bitrateKbps: 2000,
      lastError: 'refused',
    });
    const stillOffline = event('2025-03-01T01:00:00.000Z', { state: 'offline', fps: 0 });
    expect(applyHealth(base, stillOffline).since).toBe(base.since);
    // Offline → online → offline while listening: offline again since the last change.
    const back = mergeHealth(online, event('2025-03-01T02:00:00.000Z', { state: 'offline' }));
    expect(applyHealth(base, back)).toMatchObject({
      state: 'offline',
      since: '2025-03-01T02:00:00.000Z',
    });
    expect(healthUpdateFrom({ type: 'camera.health', at: '', data: { state: 'online' } })).toBe(
      null,
    );
  });

  it('joins touching segments into ranges, clips them to the day and ends an open gap now', () => {
    const at = (time: string) => `2025-03-01T${time}Z`;
    const segment = (start: string, end: string, state: 'ok' | 'missing' = 'ok') => ({
      id: start,
      startAt: at(start),
      endAt: at(end),
      durationMs: Date.parse(at(end)) - Date.parse(at(start)),
      bytes: 100,
      codec: 'h264',
      width: 1280,
      height: 720,
      hasAudio: false,
      state,
    });
    const from = Date.parse(at('00:00:00'));
    const timeline = buildTimeline(
      [
        segment('00:00:10', '00:00:20'),
        segment('23:59:55', '00:00:10'),
        segment('00:00:21', '00:00:31', 'missing'),
        segment('00:05:00', '00:05:10'),
      ].map((s) => (s.id === '23:59:55' ? { ...s, startAt: '2025-02-28T23:59:55Z' } : s)),
      [{ startAt: at('00:00:31'), endAt: null, reason: 'offline' }],
      from,
      from + 86_400_000,
      Date.parse(at('00:04:00')),
    );
    expect(timeline.recorded.map((b) => [b.startMs - from, b.endMs - from, b.segments])).toEqual([
      [0, 31_000, 3],
      [300_000, 310_000, 1],
    ]);
    expect(timeline.recorded[0]?.missing).toBe(1);
    expect(timeline.gaps).toEqual([
      {
        kind: 'gap',
        startMs: from + 31_000,
        endMs: from + 240_000,
        reason: 'offline',
        open: true,
      },
    ]);
    expect(timeline.recordedMs).toBe(41_000);
  });

  it('starts the day at midnight in Hà Nội (17:00 UTC the day before)', () => {
    expect(new Date(startOfVietnamDay(Date.parse('2025-03-01T16:59:59Z'))).toISOString()).toBe(
      '2025-02-28T17:00:00.000Z',
    );
    expect(new Date(startOfVietnamDay(Date.parse('2025-03-01T17:00:00Z'))).toISOString()).toBe(
      '2025-03-01T17:00:00.000Z',
    );
  });
});
