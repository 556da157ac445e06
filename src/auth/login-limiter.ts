/**
 * Counts failed logins per key (a username, an IP address) in a sliding window. It lives in
 * memory: on a cluster each API node counts on its own, which still caps guessing at
 * `maxAttempts × nodes` per window without a database write for every attempt.
 */
export interface LoginLimiterOptions {
  maxAttempts: number;
  windowSeconds: number;
  now?: () => number;
  /** Above this many tracked keys, stale ones are swept so a spray of usernames cannot grow memory. */
  maxKeys?: number;
}

export interface LimitDecision {
  blocked: boolean;
  /** Seconds until the oldest counted failure leaves the window (0 when not blocked). */
  retryAfterSeconds: number;
}

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(private readonly options: LoginLimiterOptions) {
    this.windowMs = options.windowSeconds * 1000;
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  /** Blocked when any of the keys already has `maxAttempts` failures in the window. */
  check(keys: readonly string[]): LimitDecision {
    const now = this.now();
    let retryAfterMs = 0;
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.options.maxAttempts) {
        const oldest = recent[recent.length - this.options.maxAttempts] ?? now;
        retryAfterMs = Math.max(retryAfterMs, oldest + this.windowMs - now);
      }
    }
    return { blocked: retryAfterMs > 0, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) };
  }

  recordFailure(keys: readonly string[]): void {
    const now = this.now();
    if (this.failures.size >= this.maxKeys) this.sweep(now);
    for (const key of keys) {
      const recent = this.recent(key, now);
      recent.push(now);
      // Only the newest maxAttempts matter for the decision.
      if (recent.length > this.options.maxAttempts)
        recent.splice(0, recent.length - this.options.maxAttempts);
      this.failures.set(key, recent);
    }
  }

  /** Forgets a key's failures (a username after a successful login). */
  reset(key: string): void {
    this.failures.delete(key);
  }

  /** Number of keys currently tracked (for tests and metrics). */
  get size(): number {
    return this.failures.size;
  }

  private recent(key: string, now: number): number[] {
    const stamps = this.failures.get(key);
    if (!stamps) return [];
    const fresh = stamps.filter((at) => at > now - this.windowMs);
    if (fresh.length === 0) this.failures.delete(key);
    else if (fresh.length !== stamps.length) this.failures.set(key, fresh);
    return fresh;
  }

  private sweep(now: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, now);
  }
}

export const usernameKey = (username: string) => `user:${username}`;
export const ipKey = (ip: string) => `ip:${ip}`;
