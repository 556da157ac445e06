import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveListener } from '../recording/live-feed';
import { LiveChannel, type LiveSource } from './live-channel';
import { LiveViewer, type ViewerLimits, type ViewerSink } from './live-viewer';

/** A socket that never writes to the network unless told to: what it holds is what it queued. */
class FakeSink implements ViewerSink {
  messages: (Buffer | string)[] = [];
  queued = 0;
  closedWith: number | null = null;
  send(data: Buffer | string): void {
    this.messages.push(data);
    this.queued += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  }
  get bufferedAmount(): number {
    return this.queued;
  }
  drain(): void {
    this.queued = 0;
  }
  close(code: number): void {
    this.closedWith = code;
  }
  binaries(): Buffer[] {
    return this.messages.filter((m): m is Buffer => Buffer.isBuffer(m));
  }
  texts(): { type: string; state?: string }[] {
    return this.messages
      .filter((m): m is string => typeof m === 'string')
      .map((m) => JSON.parse(m) as { type: string });
  }
}

class FakeSource implements LiveSource {
  readonly kind = 'ondemand';
  starts = 0;
  listener: LiveListener | null = null;
  init: Buffer | null = null;
  open(listener: LiveListener): () => void {
    this.starts++;
    this.listener = listener;
    return () => {
      this.listener = null;
    };
  }
  currentInit(): Buffer | null {
    return this.init;
  }
  sendInit(data: Buffer): void {
    this.init = data;
    this.listener?.({ kind: 'init', data });
  }
  fragment(data: Buffer, keyframe: boolean): void {
    this.listener?.({ kind: 'fragment', data, keyframe, atMs: Date.now() });
  }
  end(): void {
    this.init = null;
    this.listener?.({ kind: 'end' });
  }
}

const limits: ViewerLimits = { maxBufferedBytes: 10_000, maxBehindMs: 2_000 };
const init = Buffer.from('init-segment');
const frag = (label: string, size = 100) => Buffer.concat([Buffer.from(label), Buffer.alloc(size)]);

function setup(options: { maxGopBytes?: number; lingerMs?: number; now?: () => number } = {}) {
  const source = new FakeSource();
  const closed: LiveChannel[] = [];
  const channel = new LiveChannel(
    'cam:main',
    'main',
    source,
    {
      lingerMs: options.lingerMs ?? 1_000,
      maxGopBytes: options.maxGopBytes ?? 1_000_000,
      ...(options.now ? { now: options.now } : {}),
    },
    (c) => closed.push(c),
  );
  const join = () => {
    const sink = new FakeSink();
    const viewer = new LiveViewer(sink, limits, (v) => channel.remove(v));
    channel.add(viewer);
    return { sink, viewer };
  };
  return { source, channel, closed, join };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('live fan-out', () => {
  it('gives a late joiner the init segment and the current GOP from its keyframe at once', () => {
    const { source, join } = setup();
    const first = join();
    source.sendInit(init);
    source.fragment(frag('p0'), false); // before any keyframe: nobody can start here
    const k1 = frag('k1');
    const p1 = frag('p1');
    const p2 = frag('p2');
    source.fragment(k1, true);
    source.fragment(p1, false);
    source.fragment(p2, false);
    expect(first.sink.binaries()).toEqual([init, k1, p1, p2]);
    expect(first.sink.texts()[0]).toMatchObject({ type: 'status', state: 'connecting' });

    const late = join();
    expect(late.sink.texts()).toEqual([
      { type: 'init', mime: 'video/mp4', width: null, height: null, stream: 'main' },
    ]);
    expect(late.sink.binaries()).toEqual([init, k1, p1, p2]);
    const k2 = frag('k2');
    source.fragment(k2, true);
    expect(late.sink.binaries().at(-1)).toBe(k2);
  });

  it('sends every viewer the same Buffer, not a copy', () => {
    const { source, join } = setup();
    const a = join();
    const b = join();
    source.sendInit(init);
    const k = frag('k');
    source.fragment(k, true);
    expect(a.sink.binaries()[1]).toBe(k);
    expect(b.sink.binaries()[1]).toBe(k);
  });

  it('skips a slow viewer to the next keyframe, then drops it when it stays behind', () => {
    let now = 0;
    const { source, channel, join } = setup({ now: () => now });
    const slow = join();
    source.sendInit(init);
    source.fragment(frag('k1', 6_000), true);
    source.fragment(frag('p1', 6_000), false); // 12 kB queued: over the 10 kB limit
    source.fragment(frag('p2', 6_000), false);
    expect(slow.sink.texts().filter((m) => m.type === 'skipped')).toHaveLength(1);
    slow.sink.drain();
    source.fragment(frag('p3'), false); // caught up, but must not resume mid-GOP
    const k2 = frag('k2');
    source.fragment(k2, true);
    expect(slow.sink.binaries().at(-1)).toBe(k2);
    expect(slow.viewer.skippedFragments).toBe(2);

    source.fragment(frag('p4', 12_000), false); // sent: the socket was under the limit
    now = 1_000;
    source.fragment(frag('p5'), false); // behind from here
    now = 2_500;
    source.fragment(frag('p6'), false);
    expect(slow.sink.closedWith).toBeNull();
    now = 3_000;
    source.fragment(frag('p7'), false);
    expect(slow.sink.closedWith).toBe(4408);
    expect(channel.viewers.size).toBe(0);
  });

  it('keeps what a slow viewer holds bounded and the GOP cache within its limit', () => {
    const { source, channel, join } = setup({ maxGopBytes: 50_000 });
    const viewers = Array.from({ length: 50 }, () => join());
    source.sendInit(init);
    for (let i = 0; i < 2_000; i++) source.fragment(frag(`f${i}`, 900), i % 4 === 0);
    const fragmentBytes = 902 + 8;
    for (const { sink } of viewers) {
      // The limit, plus at most the fragment and notice sent while just under it.
      expect(sink.queued).toBeLessThanOrEqual(limits.maxBufferedBytes + fragmentBytes + 64);
    }
    expect(channel.cachedBytes).toBeLessThanOrEqual(50_000);
  });

  it('does not cache a GOP longer than the limit; a newcomer then waits for the next keyframe', () => {
    const { source, channel, join } = setup({ maxGopBytes: 1_000 });
    join();
    source.sendInit(init);
    source.fragment(frag('k1', 600), true);
    source.fragment(frag('p1', 600), false);
    expect(channel.cachedBytes).toBe(0);
    expect(channel.latestKeyframe()).toBeNull();
    const late = join();
    expect(late.sink.binaries()).toEqual([init]);
    const k2 = frag('k2', 100);
    source.fragment(k2, true);
    expect(late.sink.binaries()).toEqual([init, k2]);
    expect(channel.latestKeyframe()).toEqual({ init, fragment: k2 });
  });

  it('tells viewers when the camera drops and comes back, then sends the new init', () => {
    const { source, join } = setup();
    const { sink } = join();
    source.sendInit(init);
    source.end();
    const init2 = Buffer.from('second-init');
    source.sendInit(init2);
    expect(sink.texts().map((m) => m.state ?? m.type)).toEqual([
      'connecting',
      'init',
      'offline',
      'online',
      'init',
    ]);
    expect(sink.binaries()).toEqual([init, init2]);
  });

  it('starts a newcomer from the init the source already has when the channel opens', () => {
    const { source, join } = setup();
    source.init = init;
    const { sink } = join();
    expect(sink.binaries()).toEqual([init]);
  });

  it('closes its source only after the linger, and not when a viewer returns in time', () => {
    vi.useFakeTimers();
    const { source, channel, closed, join } = setup({ lingerMs: 1_000 });
    const a = join();
    channel.remove(a.viewer);
    vi.advanceTimersByTime(500);
    const b = join();
    vi.advanceTimersByTime(2_000);
    expect(source.listener).not.toBeNull();
    expect(source.starts).toBe(1);
    channel.remove(b.viewer);
    vi.advanceTimersByTime(999);
    expect(closed).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(closed).toEqual([channel]);
    expect(source.listener).toBeNull();
  });
});
