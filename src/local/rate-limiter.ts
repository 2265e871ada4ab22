import type { RateLimitSettings } from './types.ts';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * A sliding one-second window per key (base ID, token), as the providers describe their limits: more than N
 * requests in any second is over the limit, and the key then stays blocked for the penalty period.
 * `speed` scales both: at speed 10, 50 req/s are allowed and a 30 s penalty lasts 3 s.
 */
export class SlidingWindowLimiter {
  private readonly windows = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();

  check(key: string, limit: RateLimitSettings, speed: number, now: number): RateDecision {
    if (!limit.enabled) return { allowed: true };
    const blocked = this.blockedUntil.get(key) ?? 0;
    if (now < blocked) return { allowed: false, retryAfterMs: blocked - now };
    const windowMs = 1000 / speed;
    const stamps = (this.windows.get(key) ?? []).filter((t) => t > now - windowMs);
    if (stamps.length >= limit.requestsPerSecond) {
      const until = now + limit.penaltyMs / speed;
      this.blockedUntil.set(key, until);
      this.windows.set(key, stamps);
      return { allowed: false, retryAfterMs: until - now };
    }
    stamps.push(now);
    this.windows.set(key, stamps);
    return { allowed: true };
  }

  clear(): void {
    this.windows.clear();
    this.blockedUntil.clear();
  }
}
