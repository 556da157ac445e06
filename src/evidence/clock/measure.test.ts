import { describe, expect, it } from 'vitest';
import { clockFromProbe } from './measure';

describe('a camera clock from a probe', () => {
  it('is the sender report time minus ours, rounded, with half the round trip noted', () => {
    const clock = clockFromProbe({
      ok: true,
      cameraMs: 1_767_225_602_500.4,
      receivedMs: 1_767_225_600_000,
      roundTripMs: 12.2,
    });
    expect(clock).toEqual({
      offsetMs: 2500,
      measuredAt: '2026-01-01T00:00:00.000Z',
      note: 'camera clock +2500 ms from true time, read from its RTCP sender report over RTSP; ±7 ms (half the RTSP round trip)',
    });
  });

  it('is negative for a camera behind true time, and never less certain than 1 ms', () => {
    const clock = clockFromProbe({ ok: true, cameraMs: 1000, receivedMs: 5000, roundTripMs: 0.2 });
    expect(clock.offsetMs).toBe(-4000);
    expect(clock.note).toContain('-4000 ms');
    expect(clock.note).toContain('±1 ms');
  });

  it('says why when the probe failed', () => {
    expect(clockFromProbe({ ok: false, reason: 'no RTCP sender report within 5000 ms' })).toEqual({
      offsetMs: null,
      note: 'camera clock not measured: no RTCP sender report within 5000 ms',
    });
  });
});
