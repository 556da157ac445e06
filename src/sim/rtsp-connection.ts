import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { contentBase, parseCameraPath, type CameraPath, type StreamName } from './camera-path';
import { challengeHeader, verifyDigest, type Credentials, type NonceIssuer } from './digest';
import type { SimMedia, StreamMedia } from './media';
import {
  formatResponse,
  RtspProtocolError,
  RtspReader,
  type RtspRequest,
  type RtspResponse,
} from './rtsp-message';
import { Session, type Output, type Sink } from './rtsp-session';
import { describeSdp, trackControl } from './sdp';
import { chooseTransport } from './transport';

// One client connection to the simulator: reads RTSP requests, answers them as a camera would
// (with the camera's current fault applied), and carries the interleaved media of its sessions.

/** What a camera is doing wrong right now; `none` is a healthy camera. */
export type CameraFault = 'none' | 'offline' | 'stall' | 'refuse' | 'garbage';

export interface ServerShared {
  media: SimMedia;
  cameras: number;
  credentials: (Credentials & { realm: string }) | null;
  nonces: NonceIssuer;
  faultOf(camera: number): CameraFault;
  /** How far the camera's clock runs ahead of true time (negative: behind), in ms. */
  clockSkewOf(camera: number): number;
  /** What the camera serves on `stream` now (the main stream's codec can be switched). */
  mediaFor(camera: number, stream: StreamName): StreamMedia;
  /** Where the camera's picture is in the clip right now, in ms. */
  liveClipMs(camera: number, loopMs: number): number;
  udpPorts(): { rtp: number; rtcp: number };
  sendDatagram(data: Buffer, port: number, address: string, rtcp: boolean): void;
  authFailures: number;
  log?: (line: string) => void;
}

const publicMethods =
  'OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER';
/** A client this far behind is not reading: frames are dropped instead of queued. */
const maxQueuedBytes = 4 * 1024 * 1024;

export class Connection implements Sink {
  readonly sessions = new Map<string, Session>();
  /** Cameras this connection asked for, so a fault on one of them can close it. */
  readonly cameras = new Set<number>();
  private readonly reader = new RtspReader();
  private nextChannel = 0;

  constructor(
    readonly socket: Socket,
    private readonly shared: ServerShared,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  canWrite(): boolean {
    return this.socket.writable && this.socket.writableLength < maxQueuedBytes;
  }

  write(data: Buffer): void {
    if (this.socket.writable) this.socket.write(data);
  }

  datagram(data: Buffer, port: number, address: string, rtcp: boolean): void {
    this.shared.sendDatagram(data, port, address, rtcp);
  }

  private onData(chunk: Buffer): void {
    try {
      for (const message of this.reader.push(chunk)) {
        if (message.kind === 'request') this.handle(message.request);
        if (this.socket.destroyed) return;
      }
    } catch (error) {
      if (error instanceof RtspProtocolError) {
        this.socket.end(formatResponse('0', { status: 400, body: `${error.message}\r\n` }));
        return;
      }
      // A fault in the simulator must not take down the process it runs in (the demo server):
      // this client loses its connection, as with a camera that crashed, and the rest go on.
      this.shared.log?.(`closing a connection after an internal error: ${String(error)}`);
      this.socket.destroy();
    }
  }

  private handle(request: RtspRequest): void {
    const path = parseCameraPath(request.url);
    const session = this.sessions.get((request.headers.get('session') ?? '').split(';')[0]!.trim());
    const camera = path?.camera ?? session?.camera ?? null;
    if (camera !== null && camera >= 1 && camera <= this.shared.cameras) {
      this.cameras.add(camera);
      const fault = this.shared.faultOf(camera);
      if (fault === 'offline') {
        this.socket.destroy();
        return;
      }
      if (fault === 'garbage') {
        // Bytes that are not RTSP, then the end of the connection: a broken or wrong device.
        this.socket.end(Buffer.concat([randomBytes(700), Buffer.from('\r\n\r\n')]));
        return;
      }
      if (fault === 'refuse' && request.method !== 'OPTIONS') {
        this.reply(request, this.challenge(false));
        return;
      }
    }
    const denied = this.authenticate(request);
    this.reply(request, denied ?? this.dispatch(request, path, session));
  }

  private reply(request: RtspRequest, response: RtspResponse): void {
    this.write(formatResponse(request.cseq, response));
  }

  private challenge(stale: boolean): RtspResponse {
    const { credentials, nonces } = this.shared;
    const realm = credentials?.realm ?? 'matthan-sim';
    return {
      status: 401,
      headers: [['WWW-Authenticate', challengeHeader(realm, nonces.issue(), stale)]],
    };
  }

  /** A 401 response when credentials are configured and the request lacks good ones. */
  private authenticate(request: RtspRequest): RtspResponse | null {
    const { credentials, nonces } = this.shared;
    if (!credentials || request.method === 'OPTIONS') return null;
    const header = request.headers.get('authorization');
    const verdict = verifyDigest(header, request.method, credentials, nonces);
    if (verdict === 'ok') return null;
    if (verdict === 'wrong') this.shared.authFailures++;
    return this.challenge(verdict === 'stale');
  }

  private dispatch(
    request: RtspRequest,
    path: CameraPath | null,
    session: Session | undefined,
  ): RtspResponse {
    const known = path !== null && path.camera >= 1 && path.camera <= this.shared.cameras;
    switch (request.method) {
      case 'OPTIONS':
        return { status: 200, headers: [['Public', publicMethods]] };
      case 'DESCRIBE':
        return known ? this.describe(request, path) : { status: 404 };
      case 'SETUP':
        return known ? this.setup(request, path, session) : { status: 404 };
      case 'PLAY':
        return session ? this.play(request, session) : { status: 454 };
      case 'PAUSE':
        if (!session) return { status: 454 };
        session.pause(Date.now());
        return { status: 200, headers: [['Session', session.id]] };
      case 'TEARDOWN':
        if (session) this.sessions.delete(session.id);
        return { status: 200 };
      case 'GET_PARAMETER':
      case 'SET_PARAMETER':
        return { status: 200, headers: session ? [['Session', session.id]] : [] };
      default:
        return { status: 501 };
    }
  }

  private describe(request: RtspRequest, path: CameraPath): RtspResponse {
    const media = this.shared.mediaFor(path.camera, path.stream);
    const sdp = describeSdp({
      sessionId: String(Date.now()),
      address: this.socket.localAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
      name: `matthan-sim cam-${String(path.camera).padStart(3, '0')} ${path.stream}`,
      tracks: media.tracks,
    });
    return {
      status: 200,
      headers: [
        ['Content-Type', 'application/sdp'],
        ['Content-Base', contentBase(request.url, path)],
      ],
      body: sdp,
    };
  }

  private setup(
    request: RtspRequest,
    path: CameraPath,
    existing: Session | undefined,
  ): RtspResponse {
    const media = this.shared.mediaFor(path.camera, path.stream);
    const index = path.track ?? 0;
    if (!media.tracks[index]) return { status: 404 };
    if (request.headers.has('session') && !existing) return { status: 454 };
    if (existing && (existing.camera !== path.camera || existing.stream !== path.stream)) {
      return { status: 459 };
    }
    const choice = chooseTransport(request.headers.get('transport'));
    if (!choice) return { status: 461 };
    const camera = path.camera;
    const session =
      existing ??
      new Session(camera, path.stream, media, this, () => this.shared.clockSkewOf(camera));
    let out: Output;
    let transport: string;
    if (choice.mode === 'tcp') {
      const [rtpChannel, rtcpChannel] = choice.channels ?? [this.nextChannel, this.nextChannel + 1];
      this.nextChannel = Math.max(this.nextChannel, rtcpChannel + 1);
      out = { mode: 'tcp', rtpChannel, rtcpChannel };
      transport = `RTP/AVP/TCP;unicast;interleaved=${rtpChannel}-${rtcpChannel}`;
    } else {
      const address = this.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1';
      const [rtpPort, rtcpPort] = choice.clientPorts;
      const server = this.shared.udpPorts();
      out = { mode: 'udp', address, rtpPort, rtcpPort };
      transport = `RTP/AVP;unicast;client_port=${rtpPort}-${rtcpPort};server_port=${server.rtp}-${server.rtcp}`;
    }
    const output = session.addTrack(index, out);
    this.sessions.set(session.id, session);
    const ssrc = output.ssrc.toString(16).toUpperCase().padStart(8, '0');
    return {
      status: 200,
      headers: [
        ['Transport', `${transport};ssrc=${ssrc}`],
        ['Session', `${session.id};timeout=60`],
      ],
    };
  }

  private play(request: RtspRequest, session: Session): RtspResponse {
    if (session.outputs.size === 0) return { status: 455 };
    const live = this.shared.liveClipMs(session.camera, session.media.loopMs);
    const info = session.play(Date.now(), live);
    const path = { camera: session.camera, stream: session.stream, track: null };
    const base = contentBase(request.url, path);
    const rtpInfo = info
      .map(
        (entry) =>
          `url=${base}${trackControl(entry.index)};seq=${entry.seq};rtptime=${entry.rtptime}`,
      )
      .join(',');
    return {
      status: 200,
      headers: [
        ['Session', session.id],
        ['Range', 'npt=0.000-'],
        ['RTP-Info', rtpInfo],
      ],
    };
  }
}
