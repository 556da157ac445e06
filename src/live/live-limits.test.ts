import { describe, expect, it } from 'vitest';
import type { AppContext } from '../platform/context';
import type { Logger } from '../platform/supervisor';
import { LiveService } from './live.service';
import { Limiter } from './snapshot-ffmpeg';
import { snapshotAuditEveryMs, SnapshotService } from './snapshot.service';

const silent: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
// Neither class touches the context for what is tested here.
const ctx = {} as AppContext;

describe('live socket slots', () => {
  it('holds at most the cap per user, frees a slot once however often it is released', () => {
    const live = new LiveService(ctx, silent, { maxSocketsPerUser: 2 });
    const first = live.reserveSocket('u1');
    const second = live.reserveSocket('u1');
    expect(first && second).toBeTruthy();
    expect(live.reserveSocket('u1')).toBeNull();
    expect(live.reserveSocket('u2')).not.toBeNull();
    first!();
    first!();
    expect(live.socketsOf('u1')).toBe(1);
    expect(live.reserveSocket('u1')).not.toBeNull();
    expect(live.reserveSocket('u1')).toBeNull();
  });
});

describe('snapshot audit throttle', () => {
  it('audits a user’s look at a camera once per ten minutes', () => {
    const snapshots = new SnapshotService(
      ctx,
      { latestKeyframe: () => null, newestSegment: () => Promise.resolve(null) },
      silent,
    );
    expect(snapshots.shouldAudit('u1', 'c1', 0)).toBe(true);
    expect(snapshots.shouldAudit('u1', 'c1', snapshotAuditEveryMs - 1)).toBe(false);
    expect(snapshots.shouldAudit('u1', 'c2', 1)).toBe(true);
    expect(snapshots.shouldAudit('u2', 'c1', 1)).toBe(true);
    expect(snapshots.shouldAudit('u1', 'c1', snapshotAuditEveryMs)).toBe(true);
  });
});

describe('Limiter', () => {
  it('runs at most the limit at once and the rest in order', async () => {
    const limiter = new Limiter(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (n: number) =>
      limiter.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setImmediate(resolve));
        order.push(n);
        running--;
        return n;
      });
    expect(await Promise.all([1, 2, 3, 4, 5].map(task))).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });
});
