import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/http/errors';
import { checkReason, RecentAudits } from './footage-access';

function field(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.field;
    throw error;
  }
  return 'none';
}

describe('footage reasons', () => {
  it('trims and NFC-normalises the reason', () => {
    expect(checkReason('  Xa\u0301c minh vu\u0323 va\u0300 cha\u0323m  ')).toBe(
      'Xác minh vụ và chạm',
    );
  });

  it('refuses a missing, short or overlong reason, naming reason', () => {
    expect(field(() => checkReason(undefined))).toBe('reason');
    expect(field(() => checkReason('  ab  '))).toBe('reason');
    expect(field(() => checkReason('x'.repeat(501)))).toBe('reason');
    expect(checkReason('abc')).toBe('abc');
  });
});

describe('recent audits', () => {
  it('claims a key once within its window, and again after it', () => {
    const recent = new RecentAudits(1000, false);
    expect(recent.claim('a', 0)).toBe(true);
    expect(recent.claim('a', 999)).toBe(false);
    expect(recent.claim('b', 999)).toBe(true);
    expect(recent.claim('a', 1000)).toBe(true);
  });

  it('extends a sliding window with each use, like a session that keeps watching', () => {
    const recent = new RecentAudits(1000, true);
    expect(recent.claim('a', 0)).toBe(true);
    expect(recent.claim('a', 900)).toBe(false);
    expect(recent.claim('a', 1800)).toBe(false);
    expect(recent.claim('a', 2900)).toBe(true);
  });

  it('claims again after a release (the audit write failed)', () => {
    const recent = new RecentAudits(1000, false);
    recent.claim('a', 0);
    recent.release('a');
    expect(recent.claim('a', 1)).toBe(true);
  });
});
