import type { CameraTable } from '../../platform/db/schema';
import type { AppContext } from '../../platform/context';
import { defaultClockTimeoutMs, probeCameraClock, type ClockProbeResult } from './clock-probe';

// The clock offset stored with a clip extracted from our recordings: how far the camera's clock
// was from ours when the clip was taken, read off its main stream. Investigators use it to line
// up footage from several cameras; an offset we could not measure is said so, with the reason.

export type CameraClock =
  { offsetMs: number; measuredAt: string; note: string } | { offsetMs: null; note: string };

const notMeasured = (reason: string): CameraClock => ({
  offsetMs: null,
  note: `camera clock not measured: ${reason}`,
});

/**
 * Offset = the camera's clock in its sender report − ours when the report arrived. The report
 * spent part of the round trip on the way, so the offset is given ± half the PLAY round trip.
 */
export function clockFromProbe(result: ClockProbeResult): CameraClock {
  if (!result.ok) return notMeasured(result.reason);
  const offsetMs = Math.round(result.cameraMs - result.receivedMs);
  // At least 1 ms: the wall clocks compared count whole milliseconds.
  const uncertaintyMs = Math.max(1, Math.ceil(result.roundTripMs / 2));
  return {
    offsetMs,
    measuredAt: new Date(result.receivedMs).toISOString(),
    note:
      `camera clock ${offsetMs >= 0 ? '+' : ''}${offsetMs} ms from true time, read from its ` +
      `RTCP sender report over RTSP; ±${uncertaintyMs} ms (half the RTSP round trip)`,
  };
}

export async function measureCameraClock(
  ctx: AppContext,
  camera: CameraTable,
  timeoutMs = defaultClockTimeoutMs,
): Promise<CameraClock> {
  if (camera.main_stream_enc === null) return notMeasured('the camera has no stream URL');
  let url: string;
  try {
    url = ctx.box.open(camera.main_stream_enc);
  } catch {
    // The stored URL was sealed with another key (a restored backup): nothing to connect to.
    return notMeasured('the stored stream URL cannot be decrypted');
  }
  // Our real wall clock, not ctx.now: a camera is compared with true time, and a test clock
  // would make up an offset.
  return clockFromProbe(await probeCameraClock(url, { timeoutMs, now: Date.now }));
}
