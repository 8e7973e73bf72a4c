/**
 * Token buckets per user and per channel, shared by every adapter. A bucket holds `capacity`
 * tokens and refills at capacity / window; a question takes one token from the user's bucket
 * and one from the channel's, and only when both have one. Digest commands have buckets of
 * their own, so changing a digest never costs anyone a question.
 */
export interface Limit {
  capacity: number;
  windowMs: number;
}

export interface RateLimits {
  userQuestions: Limit;
  channelQuestions: Limit;
  channelDigestCommands: Limit;
}

export const DEFAULT_LIMITS: RateLimits = {
  userQuestions: { capacity: 5, windowMs: 30_000 },
  channelQuestions: { capacity: 30, windowMs: 60_000 },
  channelDigestCommands: { capacity: 10, windowMs: 60_000 },
};

export type LimitCheck = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets that have been full this long are forgotten, so memory follows active users only. */
const IDLE_MS = 10 * 60_000;

class Buckets {
  private readonly buckets = new Map<string, Bucket>();
  constructor(private readonly limit: Limit) {}

  private refill(key: string, now: number): Bucket {
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.capacity, updatedAt: now };
    const rate = this.limit.capacity / this.limit.windowMs;
    bucket.tokens = Math.min(this.limit.capacity, bucket.tokens + (now - bucket.updatedAt) * rate);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    return bucket;
  }

  /** Milliseconds until `key` has a whole token (0 when it has one now). */
  waitMs(key: string, now: number): number {
    const bucket = this.refill(key, now);
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / (this.limit.capacity / this.limit.windowMs));
  }

  take(key: string): void {
    this.buckets.get(key)!.tokens -= 1;
  }

  sweep(now: number): void {
    for (const [key, bucket] of this.buckets) if (now - bucket.updatedAt > IDLE_MS) this.buckets.delete(key);
  }
}

export interface RateLimiter {
  question(who: { platform: string; user: string; channel: string }): LimitCheck;
  digestCommand(where: { platform: string; channel: string }): LimitCheck;
}

export function createRateLimiter(limits: RateLimits = DEFAULT_LIMITS, now: () => number = Date.now): RateLimiter {
  const users = new Buckets(limits.userQuestions);
  const channels = new Buckets(limits.channelQuestions);
  const digests = new Buckets(limits.channelDigestCommands);
  let lastSweep = now();
  const sweep = (t: number) => {
    if (t - lastSweep < IDLE_MS) return;
    lastSweep = t;
    users.sweep(t);
    channels.sweep(t);
    digests.sweep(t);
  };
  const refuse = (waitMs: number): LimitCheck => ({ ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });
  return {
    question({ platform, user, channel }) {
      const t = now();
      sweep(t);
      const userKey = `${platform}:${user}`;
      const channelKey = `${platform}:${channel}`;
      const wait = Math.max(users.waitMs(userKey, t), channels.waitMs(channelKey, t));
      if (wait > 0) return refuse(wait);
      users.take(userKey);
      channels.take(channelKey);
      return { ok: true };
    },
    digestCommand({ platform, channel }) {
      const t = now();
      const key = `${platform}:${channel}`;
      const wait = digests.waitMs(key, t);
      if (wait > 0) return refuse(wait);
      digests.take(key);
      return { ok: true };
    },
  };
}

export function slowDownMessage(check: { retryAfterSeconds: number }): string {
  return `Slow down — try again in ${check.retryAfterSeconds} s`;
}
