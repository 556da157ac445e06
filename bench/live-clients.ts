// The live benchmark's viewers: headless WebSocket clients in a process of their own (forked by
// live.bench.ts), so what they spend receiving is not counted as the server's CPU. Each client
// counts bytes, fragments and keyframes, and notes when each fragment arrived (by its `moof`
// sequence number) for the parent to compare with when the fragment left ffmpeg.
import { WebSocket } from 'ws';
import { childBoxes, parseTracks, readMoof, streamInfo } from '../src/recording/fmp4';

export type ClientCommand =
  | { type: 'open'; count: number; url: string; cookie: string }
  | { type: 'report' }
  | { type: 'close' };

export interface ClientTotals {
  clients: number;
  bytes: number;
  fragments: number;
  keyframes: number;
  /** Clients that received at least one keyframe since the last report. */
  clientsWithKeyframes: number;
  skippedNotices: number;
  /** `[sequence number, arrival ms]` of every fragment every client received. */
  arrivals: [number, number][];
}

export type ClientReply =
  { type: 'opened'; clients: number } | { type: 'report'; totals: ClientTotals };

/** The `mfhd` sequence number of a fragment (moof+mdat, maybe after styp/prft boxes). */
export function fragmentSequence(fragment: Buffer): number | null {
  const moof = childBoxes(fragment).find((box) => box.type === 'moof');
  const mfhd = moof && childBoxes(fragment, moof.body, moof.end).find((b) => b.type === 'mfhd');
  return mfhd ? fragment.readUInt32BE(mfhd.body + 4) : null;
}

class Viewer {
  videoTrackId: number | null = null;
  initSeen = false;
  bytes = 0;
  fragments = 0;
  keyframes = 0;
  skipped = 0;
  arrivals: [number, number][] = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary: boolean) => this.message(data, isBinary));
  }

  private message(data: Buffer, isBinary: boolean): void {
    const now = Date.now();
    if (!isBinary) {
      if (data.toString('utf8').includes('"skipped"')) this.skipped++;
      return;
    }
    this.bytes += data.length;
    const boxes = childBoxes(data);
    const moov = boxes.find((box) => box.type === 'moov');
    if (moov) {
      this.videoTrackId = streamInfo(parseTracks(data.subarray(moov.start, moov.end))).videoTrackId;
      this.initSeen = true;
      return;
    }
    const moof = boxes.find((box) => box.type === 'moof');
    if (!moof) return;
    this.fragments++;
    if (readMoof(data.subarray(moof.start, moof.end), this.videoTrackId).keyframe) this.keyframes++;
    const sequence = fragmentSequence(data);
    if (sequence !== null) this.arrivals.push([sequence, now]);
  }

  drain(): Omit<ClientTotals, 'clients' | 'clientsWithKeyframes'> & { hadKeyframe: boolean } {
    const out = {
      bytes: this.bytes,
      fragments: this.fragments,
      keyframes: this.keyframes,
      skippedNotices: this.skipped,
      arrivals: this.arrivals,
      hadKeyframe: this.keyframes > 0,
    };
    this.bytes = 0;
    this.fragments = 0;
    this.keyframes = 0;
    this.skipped = 0;
    this.arrivals = [];
    return out;
  }
}

const viewers: Viewer[] = [];

function connect(url: string, cookie: string): Promise<Viewer> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { cookie } });
    const viewer = new Viewer(ws);
    ws.once('open', () => resolve(viewer));
    ws.once('unexpected-response', (_request, response) =>
      reject(new Error(`refused with HTTP ${response.statusCode ?? 0}`)),
    );
    ws.once('error', reject);
  });
}

async function waitForInit(list: Viewer[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (list.some((viewer) => !viewer.initSeen)) {
    if (Date.now() > deadline) throw new Error('a viewer got no init segment in 30 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function handle(command: ClientCommand): Promise<ClientReply | null> {
  switch (command.type) {
    case 'open': {
      const opened = await Promise.all(
        Array.from({ length: command.count }, () => connect(command.url, command.cookie)),
      );
      viewers.push(...opened);
      await waitForInit(opened);
      return { type: 'opened', clients: viewers.length };
    }
    case 'report': {
      const totals: ClientTotals = {
        clients: viewers.length,
        bytes: 0,
        fragments: 0,
        keyframes: 0,
        clientsWithKeyframes: 0,
        skippedNotices: 0,
        arrivals: [],
      };
      for (const viewer of viewers) {
        const one = viewer.drain();
        totals.bytes += one.bytes;
        totals.fragments += one.fragments;
        totals.keyframes += one.keyframes;
        totals.skippedNotices += one.skippedNotices;
        totals.arrivals.push(...one.arrivals);
        if (one.hadKeyframe) totals.clientsWithKeyframes++;
      }
      return { type: 'report', totals };
    }
    case 'close':
      for (const viewer of viewers) viewer.ws.close();
      process.disconnect?.();
      return null;
  }
}

if (process.send) {
  process.on('message', (command: ClientCommand) => {
    handle(command).then(
      (reply) => {
        if (reply) process.send?.(reply);
      },
      (error: unknown) => {
        process.stderr.write(`live clients: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  });
}
