import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WebSocket } from 'ws';
import { ffprobeBinary } from '../../src/platform/ffmpeg';
import { waitFor } from './recording.suite';

const run = promisify(execFile);

/** A text message of the live protocol. */
export interface LiveText {
  type: string;
  state?: string;
  mime?: string;
  width?: number | null;
  height?: number | null;
  stream?: string;
}

/** A headless live viewer: what it received, in order. */
export class LiveClient {
  readonly texts: LiveText[] = [];
  readonly binaries: Buffer[] = [];
  /** Text and binary messages in arrival order (binary as its byte count). */
  readonly sequence: (string | number)[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) {
        this.binaries.push(data);
        this.sequence.push(data.length);
      } else {
        const text = JSON.parse(data.toString('utf8')) as LiveText;
        this.texts.push(text);
        this.sequence.push(text.type);
      }
    });
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') }));
    });
  }

  /** Waits until at least `count` binary messages (init included) arrived. */
  binariesAtLeast(count: number, timeoutMs = 20_000): Promise<Buffer[]> {
    return waitFor(
      `${count} binary messages`,
      () => (this.binaries.length >= count ? this.binaries : undefined),
      timeoutMs,
    );
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close();
    await this.closed;
  }
}

export interface ErrorBody {
  error?: { code: string; message: string; field?: string };
}

export type LiveOpen =
  { ok: true; client: LiveClient } | { ok: false; status: number; body: ErrorBody };

/** Opens a WebSocket as a browser would (session cookie); a refusal is its HTTP answer. */
export function openLive(baseUrl: string, path: string, cookie: string): Promise<LiveOpen> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${path}`, { headers: { cookie } });
    const client = new LiveClient(ws);
    ws.once('open', () => resolve({ ok: true, client }));
    ws.once('unexpected-response', (_request, response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: ErrorBody;
        try {
          body = JSON.parse(text) as ErrorBody;
        } catch (error) {
          body = { error: { code: 'unparsed', message: `${(error as Error).message}: ${text}` } };
        }
        resolve({ ok: false, status: response.statusCode ?? 0, body });
      });
    });
    ws.once('error', (error) => {
      // After `unexpected-response` ws also reports an error; the answer is already resolved.
      if (ws.readyState !== WebSocket.CLOSED) reject(error);
    });
  });
}

/** What ffprobe reads from bytes written to a temporary file. */
export async function probeBytes(
  bytes: Buffer,
  name: string,
  entries = 'stream=codec_name,width,height,nb_read_frames',
): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'matthan-live-probe-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const { stdout } = await run(ffprobeBinary(), [
      '-v',
      'error',
      '-count_frames',
      '-select_streams',
      'v:0',
      '-show_entries',
      entries,
      '-of',
      'default=noprint_wrappers=1',
      file,
    ]);
    return Object.fromEntries(
      stdout
        .trim()
        .split('\n')
        .map((line) => line.split('=') as [string, string]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
