import { findSenderReport } from './rtcp';
import { ProbeFailure, RtspClientConnection, type Exchange } from './rtsp-client';
import { CameraLogin, loggedInRequest } from './rtsp-login';
import { parseRtspUrl, RtspUrlError, type RtspTarget } from './rtsp-url';
import { describeTargets, header, interleavedChannels, sessionId } from './rtsp-wire';

// Reads a camera's clock off its stream: OPTIONS, DESCRIBE, SETUP of the first video track over
// TCP, PLAY, then the first RTCP sender report, stamped by the camera with its own wall clock.
// Compared with our clock when the report arrives, it says how far the camera is off.

export type ClockProbeResult =
  | {
      ok: true;
      /** The camera's wall clock in the sender report, Unix ms. */
      cameraMs: number;
      /** Our wall clock when the report was read, Unix ms. */
      receivedMs: number;
      /** The PLAY request's round trip in ms: the report is at most this old, roughly. */
      roundTripMs: number;
    }
  | { ok: false; reason: string };

export interface ClockProbeOptions {
  /** The whole probe, from connecting to the sender report (default 5 s). */
  timeoutMs?: number;
  /** Bytes read from the camera before giving up on a sender report (default 4 MB). */
  maxBytes?: number;
  /** Our wall clock (default `Date.now`). */
  now?: () => number;
}

export const defaultClockTimeoutMs = 5000;
export const defaultClockMaxBytes = 4 * 1024 * 1024;

export async function probeCameraClock(
  url: string,
  options: ClockProbeOptions = {},
): Promise<ClockProbeResult> {
  let target: RtspTarget;
  try {
    target = parseRtspUrl(url);
  } catch (error) {
    if (error instanceof RtspUrlError) return { ok: false, reason: error.message };
    throw error;
  }
  const timeoutMs = options.timeoutMs ?? defaultClockTimeoutMs;
  const connection = new RtspClientConnection(target.host, target.port, {
    maxBytes: options.maxBytes ?? defaultClockMaxBytes,
    now: options.now ?? Date.now,
  });
  const progress = { waitingFor: 'an answer' };
  const timer = setTimeout(() => {
    const what = connection.connected ? progress.waitingFor : 'connection';
    connection.fail(new ProbeFailure(`no ${what} within ${timeoutMs} ms`));
  }, timeoutMs);
  try {
    return await readClock(connection, target, progress);
  } catch (error) {
    if (error instanceof ProbeFailure) return { ok: false, reason: error.message };
    throw error;
  } finally {
    clearTimeout(timer);
    await connection.close();
  }
}

function expectOk(method: string, exchange: Exchange): Exchange {
  const { status } = exchange.response;
  if (status !== 200) throw new ProbeFailure(`the camera answered ${method} with ${status}`);
  return exchange;
}

async function readClock(
  connection: RtspClientConnection,
  target: RtspTarget,
  progress: { waitingFor: string },
): Promise<ClockProbeResult> {
  const login = new CameraLogin(target.credentials);
  const send = (method: string, url: string, headers: [string, string][] = []) => {
    progress.waitingFor = `answer to ${method}`;
    return loggedInRequest(connection, login, method, url, headers);
  };
  // Some cameras answer OPTIONS oddly and stream fine; only DESCRIBE onwards must succeed.
  await send('OPTIONS', target.requestUrl);
  const describe = expectOk(
    'DESCRIBE',
    await send('DESCRIBE', target.requestUrl, [['Accept', 'application/sdp']]),
  );
  const base =
    header(describe.response, 'content-base') ??
    header(describe.response, 'content-location') ??
    target.requestUrl;
  const targets = describeTargets(describe.response.body, base);
  if (!targets) throw new ProbeFailure('the camera describes no video track');
  const setup = expectOk(
    'SETUP',
    await send('SETUP', targets.setup, [['Transport', 'RTP/AVP/TCP;unicast;interleaved=0-1']]),
  );
  const session = sessionId(header(setup.response, 'session'));
  if (!session) throw new ProbeFailure('the camera answered SETUP with no session');
  const rtcpChannel = interleavedChannels(header(setup.response, 'transport'))?.[1] ?? 1;
  const report = connection.waitForFrame((channel, payload, receivedMs) => {
    if (channel !== rtcpChannel) return null;
    const found = findSenderReport(payload);
    return found ? { cameraMs: found.unixMs, receivedMs } : null;
  });
  const sessionHeader: [string, string] = ['Session', session];
  const playing = send('PLAY', targets.play, [sessionHeader, ['Range', 'npt=0.000-']]).then(
    (exchange) => {
      progress.waitingFor = 'RTCP sender report';
      return expectOk('PLAY', exchange);
    },
  );
  const [play, sender] = await Promise.all([playing, report]);
  await teardown(send, targets.play, sessionHeader);
  return { ok: true, ...sender, roundTripMs: play.answeredAt - play.sentAt };
}

type Send = (method: string, url: string, headers?: [string, string][]) => Promise<Exchange>;

/** Ends the session; its answer is waited for only briefly, as the probe has what it came for. */
async function teardown(send: Send, url: string, sessionHeader: [string, string]): Promise<void> {
  const answered = send('TEARDOWN', url, [sessionHeader]).then(
    () => true,
    (error: unknown) => {
      // The camera going away now costs nothing: the session dies with the connection.
      if (error instanceof ProbeFailure) return false;
      throw error;
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), 500);
  });
  await Promise.race([answered, gaveUp]);
  clearTimeout(timer);
}
