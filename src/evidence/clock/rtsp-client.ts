import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { formatRequest, RtspResponseReader, RtspWireError, type RtspResponse } from './rtsp-wire';

// One TCP connection to a camera, one request at a time, with everything the camera sends
// counted against a byte budget: a broken or hostile server can waste a few megabytes of our
// reading, never memory or time without end.

/** Why a probe stopped, in words safe to store: never a URL or a credential. */
export class ProbeFailure extends Error {}

export interface Exchange {
  response: RtspResponse;
  /** `performance.now()` when the request was written and when its answer was read. */
  sentAt: number;
  answeredAt: number;
}

interface FrameWaiter {
  pick(channel: number, payload: Buffer, receivedMs: number): unknown;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface RequestWaiter {
  cseq: string;
  sentAt: number;
  resolve(exchange: Exchange): void;
  reject(error: Error): void;
}

const socketReasons: Record<string, string> = {
  ECONNREFUSED: 'the camera refused the connection',
  ECONNRESET: 'the camera reset the connection',
  EHOSTUNREACH: 'the camera host is unreachable',
  ENETUNREACH: 'the camera network is unreachable',
  ENOTFOUND: 'the camera host name is unknown',
  EAI_AGAIN: 'the camera host name could not be resolved',
  ETIMEDOUT: 'the connection to the camera timed out',
};

export class RtspClientConnection {
  private readonly socket: Socket;
  private readonly reader = new RtspResponseReader();
  private cseq = 0;
  private bytesRead = 0;
  private failure: ProbeFailure | null = null;
  private pending: RequestWaiter | null = null;
  private frame: FrameWaiter | null = null;
  private readonly closed: Promise<void>;
  connected = false;

  constructor(
    host: string,
    port: number,
    private readonly options: { maxBytes: number; now: () => number },
  ) {
    // Requests written before the connection is up wait in the socket's buffer.
    this.socket = connect({ host, port });
    this.socket.setNoDelay(true);
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve()));
    this.socket.once('connect', () => (this.connected = true));
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', (error: NodeJS.ErrnoException) => {
      const reason =
        socketReasons[error.code ?? ''] ?? `network error (${error.code ?? 'unknown'})`;
      this.fail(new ProbeFailure(reason));
    });
    this.socket.on('close', () => this.fail(new ProbeFailure('the camera closed the connection')));
  }

  request(method: string, url: string, headers: [string, string][] = []): Promise<Exchange> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending) return Promise.reject(new Error('one RTSP request at a time'));
    const cseq = ++this.cseq;
    const sentAt = performance.now();
    this.socket.write(formatRequest(method, url, cseq, headers));
    return new Promise((resolve, reject) => {
      this.pending = { cseq: String(cseq), sentAt, resolve, reject };
    });
  }

  /**
   * The first interleaved frame `pick` makes something of. Call it before the request that
   * starts the media, so a frame in the same TCP segment as the answer is not missed.
   */
  waitForFrame<T>(pick: (channel: number, payload: Buffer, receivedMs: number) => T | null) {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.frame = { pick, resolve: (value) => resolve(value as T), reject };
    });
  }

  /** Ends every wait with `failure` and drops the connection. */
  fail(failure: ProbeFailure): void {
    this.failure ??= failure;
    this.pending?.reject(this.failure);
    this.frame?.reject(this.failure);
    this.pending = null;
    this.frame = null;
    this.socket.destroy();
  }

  /** Closes politely (FIN), and for good after a second if the camera does not close too. */
  async close(): Promise<void> {
    this.socket.end();
    const timer = setTimeout(() => this.socket.destroy(), 1000);
    await this.closed;
    clearTimeout(timer);
  }

  private onData(chunk: Buffer): void {
    const receivedMs = this.options.now();
    this.bytesRead += chunk.length;
    if (this.bytesRead > this.options.maxBytes) {
      this.fail(
        new ProbeFailure(
          `the camera sent over ${this.options.maxBytes} bytes and no sender report`,
        ),
      );
      return;
    }
    let messages;
    try {
      messages = this.reader.push(chunk);
    } catch (error) {
      // Whatever went wrong reading the camera, it ends this probe, not the server it runs in.
      const what = error instanceof RtspWireError ? error.message : 'an answer that cannot be read';
      this.fail(new ProbeFailure(`the camera sent ${what}`));
      return;
    }
    for (const message of messages) {
      if (this.failure) return;
      if (message.kind === 'response') {
        const waiter = this.pending;
        const { cseq } = message.response;
        // An answer to an earlier request (CSeq below ours) is late, not ours: skip it.
        if (!waiter || (cseq !== null && cseq !== waiter.cseq)) continue;
        this.pending = null;
        waiter.resolve({
          response: message.response,
          sentAt: waiter.sentAt,
          answeredAt: performance.now(),
        });
        continue;
      }
      const waiter = this.frame;
      const value = waiter?.pick(message.channel, message.payload, receivedMs) ?? null;
      if (waiter && value !== null) {
        this.frame = null;
        waiter.resolve(value);
      }
    }
  }
}
