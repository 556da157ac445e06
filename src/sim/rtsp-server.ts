import type { Socket as UdpSocket } from 'node:dgram';
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { cameraName } from './camera-path';
import { NonceIssuer, type Credentials } from './digest';
import { loadMedia, type SimMedia, type VideoCodec } from './media';
import { Connection, type CameraFault, type ServerShared } from './rtsp-connection';
import type { Session, TickCounts } from './rtsp-session';
import { bindUdpPair } from './udp-pair';

// The simulated cameras: one RTSP server on loopback serving `cam-001` … `cam-NNN`, each with a
// main and a sub stream, looping the generated clips in real time. One timer paces every
// session, and every camera shares the same packetised frames, so 50 cameras stay cheap.

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  cameras: number;
  /** When given, every request but OPTIONS needs Digest authentication with these. */
  credentials?: Credentials;
  /** Where the generated clips are cached (default `<repo>/.cache/clips/`). */
  clipDir?: string;
  /** Called with one line per connection and fault, for the `matthan sim` command. */
  log?: (line: string) => void;
  /** Camera number → how far its clock runs ahead of true time in ms (negative: behind). */
  clockSkewMs?: Record<number, number>;
}

/** A day either way: more than any camera left unset, and still a plain 32-bit NTP time. */
export const maxClockSkewMs = 86_400_000;

/**
 * Faults on demand, per camera:
 * - `drop` closes the camera's open connections once; new ones work (a network blip);
 * - `offline` closes them and keeps closing new ones (a camera that rebooted and is not back);
 * - `stall` stops sending media but keeps sockets open and answers RTSP (no video);
 * - `refuse` closes open connections and answers 401 even to good credentials;
 * - `garbage` closes open connections and answers anything with bytes that are not RTSP;
 * - `resize` switches the open H.264 sessions to the other resolution (main ↔ sub) at their next
 *   keyframe, a stream whose format changes mid-way; new connections get the usual streams;
 * - `codec` switches the main stream to the other codec (H.264 ↔ H.265), as when an installer
 *   changes a camera's settings: the camera drops its sessions and describes the new codec to
 *   every client from then on (the sub stream stays H.264, as on most cameras);
 * - `recover` makes the camera healthy again, back on H.264 (dropping its sessions if it was not).
 */
export type FaultKind =
  'drop' | 'offline' | 'stall' | 'refuse' | 'garbage' | 'resize' | 'codec' | 'recover';

export interface SimulatorStats {
  connections: number;
  sessions: number;
  playing: number;
  framesSent: number;
  framesDropped: number;
  packetsSent: number;
  bytesSent: number;
  authFailures: number;
  faults: Record<string, CameraFault>;
  /** Cameras whose main stream is not H.264 now. */
  codecs: Record<string, VideoCodec>;
  /** Cameras whose clock is skewed, in ms ahead of true time. */
  clockSkews: Record<string, number>;
}

export interface Simulator {
  readonly port: number;
  readonly host: string;
  readonly cameras: number;
  /** The camera's URL (1-based index); credentials are included unless `withCredentials: false`. */
  url(index: number, options?: { sub?: boolean; withCredentials?: boolean }): string;
  fault(index: number, kind: FaultKind): void;
  /**
   * Sets how far the camera's clock is from true time (ms, negative: behind): its RTCP sender
   * reports carry that wall clock from the next one on, as a camera with a wrong clock sends.
   */
  setClockSkew(index: number, ms: number): void;
  stats(): SimulatorStats;
  close(): Promise<void>;
}

const tickMs = 10;
/** Cameras start at different places in the clip, so no two show the same picture. */
const phaseStepMs = 4_440;

class RtspSimulator implements Simulator {
  readonly connections = new Set<Connection>();
  private readonly faults = new Map<number, CameraFault>();
  /** Cameras switched to H.265 by the `codec` fault; the others serve H.264. */
  private readonly codecs = new Map<number, VideoCodec>();
  private readonly clockSkews = new Map<number, number>();
  private readonly startedAt = Date.now();
  private readonly counts: TickCounts = { frames: 0, packets: 0, bytes: 0, dropped: 0 };
  private readonly timer: NodeJS.Timeout;
  readonly shared: ServerShared;

  constructor(
    private readonly server: Server,
    private readonly udp: { rtp: UdpSocket; rtcp: UdpSocket },
    media: SimMedia,
    private readonly options: SimulatorOptions & { host: string },
    readonly port: number,
  ) {
    this.shared = {
      media,
      cameras: options.cameras,
      credentials: options.credentials ? { ...options.credentials, realm: 'matthan-sim' } : null,
      nonces: new NonceIssuer(),
      faultOf: (camera) => this.faults.get(camera) ?? 'none',
      clockSkewOf: (camera) => this.clockSkews.get(camera) ?? 0,
      mediaFor: (camera, stream) =>
        stream === 'main' && this.codecs.get(camera) === 'hevc' && media.mainHevc
          ? media.mainHevc
          : media[stream],
      liveClipMs: (camera, loopMs) =>
        (Date.now() - this.startedAt + (camera - 1) * phaseStepMs) % loopMs,
      udpPorts: () => ({ rtp: udp.rtp.address().port, rtcp: udp.rtcp.address().port }),
      sendDatagram: (data, port, address, rtcp) =>
        (rtcp ? udp.rtcp : udp.rtp).send(data, port, address),
      authFailures: 0,
      log: options.log,
    };
    for (const [camera, ms] of Object.entries(options.clockSkewMs ?? {})) {
      this.setClockSkew(Number(camera), ms);
    }
    server.on('connection', (socket: Socket) => this.accept(socket));
    this.timer = setInterval(() => this.tick(), tickMs);
  }

  get host(): string {
    return this.options.host;
  }

  get cameras(): number {
    return this.options.cameras;
  }

  url(index: number, options: { sub?: boolean; withCredentials?: boolean } = {}): string {
    this.check(index);
    const credentials = this.options.credentials;
    const auth =
      credentials && options.withCredentials !== false
        ? `${encodeURIComponent(credentials.username)}:${encodeURIComponent(credentials.password)}@`
        : '';
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    return `rtsp://${auth}${host}:${this.port}/${cameraName(index)}${options.sub ? '/sub' : ''}`;
  }

  fault(index: number, kind: FaultKind): void {
    this.check(index);
    const codec = this.codecs.get(index) ?? 'h264';
    if (kind === 'codec' && codec === 'h264' && !this.shared.media.mainHevc) {
      throw new Error('no H.265 clip: this ffmpeg cannot encode H.265 (libx265)');
    }
    this.options.log?.(`${cameraName(index)}: ${kind}`);
    switch (kind) {
      case 'codec':
        this.switchCodec(index, codec === 'h264' ? 'hevc' : 'h264');
        return;
      case 'recover':
        this.faults.delete(index);
        if (codec !== 'h264') this.switchCodec(index, 'h264');
        return;
      case 'resize':
        this.resize(index);
        return;
      case 'drop':
        this.dropConnections(index);
        return;
      case 'stall':
        this.faults.set(index, kind);
        return;
      case 'offline':
      case 'refuse':
      case 'garbage':
        this.faults.set(index, kind);
        this.dropConnections(index);
        return;
    }
  }

  setClockSkew(index: number, ms: number): void {
    this.check(index);
    checkClockSkew(ms);
    if (ms === 0) this.clockSkews.delete(index);
    else this.clockSkews.set(index, ms);
    this.options.log?.(`${cameraName(index)}: clock ${ms >= 0 ? '+' : ''}${ms} ms`);
  }

  stats(): SimulatorStats {
    let sessions = 0;
    let playing = 0;
    for (const connection of this.connections) {
      for (const session of connection.sessions.values()) {
        sessions++;
        if (session.playing) playing++;
      }
    }
    return {
      connections: this.connections.size,
      sessions,
      playing,
      framesSent: this.counts.frames,
      framesDropped: this.counts.dropped,
      packetsSent: this.counts.packets,
      bytesSent: this.counts.bytes,
      authFailures: this.shared.authFailures,
      faults: Object.fromEntries([...this.faults].map(([i, f]) => [cameraName(i), f])),
      codecs: Object.fromEntries([...this.codecs].map(([i, c]) => [cameraName(i), c])),
      clockSkews: Object.fromEntries([...this.clockSkews].map(([i, ms]) => [cameraName(i), ms])),
    };
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const connection of this.connections) connection.socket.destroy();
    await closed;
    this.udp.rtp.close();
    this.udp.rtcp.close();
  }

  /**
   * A camera changing codec restarts its streaming: its clients lose their sessions and, when
   * they come back, DESCRIBE tells them the new codec with its parameter sets.
   */
  private switchCodec(index: number, codec: VideoCodec): void {
    if (codec === 'h264') this.codecs.delete(index);
    else this.codecs.set(index, codec);
    this.options.log?.(`${cameraName(index)}: main stream now ${codec}`);
    this.dropConnections(index);
  }

  private resize(index: number): void {
    const { main, sub } = this.shared.media;
    for (const session of this.sessionsOf(index)) {
      // There is no H.265 sub clip, and a resize is not a codec change: H.264 sessions only.
      if (session.media === main || session.media === sub) {
        session.switchMedia(session.media === main ? sub : main);
      }
    }
  }

  private dropConnections(index: number): void {
    for (const connection of this.connections) {
      if (connection.cameras.has(index)) connection.socket.destroy();
    }
  }

  private *sessionsOf(camera: number): Generator<Session> {
    for (const connection of this.connections) {
      for (const session of connection.sessions.values()) {
        if (session.camera === camera) yield session;
      }
    }
  }

  private check(index: number): void {
    if (!Number.isInteger(index) || index < 1 || index > this.cameras) {
      throw new RangeError(`no simulated camera ${index} (there are ${this.cameras})`);
    }
  }

  private accept(socket: Socket): void {
    const connection = new Connection(socket, this.shared);
    const peer = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    this.connections.add(connection);
    this.options.log?.(`connection from ${peer}`);
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // Clients vanish without a TEARDOWN all the time (ECONNRESET, EPIPE); the close ends it.
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') {
        this.options.log?.(`connection from ${peer}: ${error.message}`);
      }
    });
    socket.on('close', () => {
      this.connections.delete(connection);
      this.options.log?.(`connection from ${peer} closed`);
    });
  }

  private tick(): void {
    const now = Date.now();
    for (const connection of this.connections) {
      for (const session of connection.sessions.values()) {
        session.tick(now, this.shared.faultOf(session.camera) === 'stall', this.counts);
      }
    }
  }
}

function checkClockSkew(ms: number): void {
  if (!Number.isInteger(ms) || Math.abs(ms) > maxClockSkewMs) {
    throw new RangeError(`clock skew must be a whole number of ms within ±${maxClockSkewMs}`);
  }
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  if (!Number.isInteger(options.cameras) || options.cameras < 1 || options.cameras > 9999) {
    throw new RangeError('cameras must be a whole number from 1 to 9999');
  }
  // Checked before anything listens, so a bad option leaves no socket open.
  for (const [camera, ms] of Object.entries(options.clockSkewMs ?? {})) {
    const index = Number(camera);
    if (!Number.isInteger(index) || index < 1 || index > options.cameras) {
      throw new RangeError(`clock skew for camera ${camera}: there is no such camera`);
    }
    checkClockSkew(ms);
  }
  const host = options.host ?? '127.0.0.1';
  const media = await loadMedia(options.clipDir);
  const udp = await bindUdpPair(host);
  for (const socket of [udp.rtp, udp.rtcp]) {
    socket.on('error', (error) => options.log?.(`UDP: ${error.message}`));
  }
  const server = createServer();
  try {
    server.listen(options.port ?? 0, host);
    await once(server, 'listening');
  } catch (error) {
    udp.rtp.close();
    udp.rtcp.close();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  return new RtspSimulator(server, udp, media, { ...options, host }, port);
}
