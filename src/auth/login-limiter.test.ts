import { describe, expect, it } from 'vitest';
import { ipKey, LoginLimiter, usernameKey } from './login-limiter';

function limiter(maxAttempts = 3, windowSeconds = 60) {
  const clock = { ms: 1_000_000 };
  const instance = new LoginLimiter({ maxAttempts, windowSeconds, now: () => clock.ms });
  return { instance, clock };
}

describe('LoginLimiter', () => {
  it('allows attempts until the maximum number of failures is reached', () => {
    const { instance } = limiter(3);
    const keys = [usernameKey('an'), ipKey('10.0.0.1')];
    for (let i = 0; i < 3; i++) {
      expect(instance.check(keys).blocked).toBe(false);
      instance.recordFailure(keys);
    }
    expect(instance.check(keys)).toEqual({ blocked: true, retryAfterSeconds: 60 });
  });

  it('blocks an IP that tries many usernames, and a username tried from many IPs', () => {
    const { instance } = limiter(2);
    instance.recordFailure([usernameKey('a'), ipKey('1.1.1.1')]);
    instance.recordFailure([usernameKey('b'), ipKey('1.1.1.1')]);
    expect(instance.check([usernameKey('c'), ipKey('1.1.1.1')]).blocked).toBe(true);

    instance.recordFailure([usernameKey('d'), ipKey('2.2.2.2')]);
    instance.recordFailure([usernameKey('d'), ipKey('3.3.3.3')]);
    expect(instance.check([usernameKey('d'), ipKey('4.4.4.4')]).blocked).toBe(true);
    expect(instance.check([usernameKey('e'), ipKey('4.4.4.4')]).blocked).toBe(false);
  });

  it('lets failures slide out of the window and reports when the block ends', () => {
    const { instance, clock } = limiter(2, 60);
    const keys = [usernameKey('an')];
    instance.recordFailure(keys);
    clock.ms += 20_000;
    instance.recordFailure(keys);
    clock.ms += 10_000;
    // The first failure leaves the window 60 s after it happened: 30 s from now.
    expect(instance.check(keys)).toEqual({ blocked: true, retryAfterSeconds: 30 });
    clock.ms += 30_001;
    expect(instance.check(keys).blocked).toBe(false);
    clock.ms += 60_000;
    expect(instance.check(keys).blocked).toBe(false);
    expect(instance.size).toBe(0);
  });

  it('forgets a username after reset but keeps counting the IP', () => {
    const { instance } = limiter(1);
    instance.recordFailure([usernameKey('an'), ipKey('1.1.1.1')]);
    instance.reset(usernameKey('an'));
    expect(instance.check([usernameKey('an')]).blocked).toBe(false);
    expect(instance.check([ipKey('1.1.1.1')]).blocked).toBe(true);
  });

  it('sweeps stale keys once it tracks too many', () => {
    const clock = { ms: 0 };
    const instance = new LoginLimiter({
      maxAttempts: 5,
      windowSeconds: 1,
      now: () => clock.ms,
      maxKeys: 10,
    });
    for (let i = 0; i < 10; i++) instance.recordFailure([usernameKey(`u${i}`)]);
    expect(instance.size).toBe(10);
    clock.ms += 5_000;
    instance.recordFailure([usernameKey('fresh')]);
    expect(instance.size).toBe(1);
  });
});
