import { describe, expect, it } from 'vitest';
import { createRateLimiter, DEFAULT_LIMITS, slowDownMessage } from '../../src/rate-limit/rate-limiter.js';

describe('rate limiter', () => {
  it('allows 5 questions per user per 30 s by default, then says how long to wait', () => {
    let now = 0;
    const limiter = createRateLimiter(DEFAULT_LIMITS, () => now);
    const ask = () => limiter.question({ platform: 'discord', user: 'u1', channel: 'c1' });
    for (let i = 0; i < 5; i++) expect(ask()).toEqual({ ok: true });
    const refused = ask();
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 6 });
    expect(slowDownMessage(refused as { retryAfterSeconds: number })).toBe('Slow down — try again in 6 s');
    now += 6000; // one token back (30 s / 5)
    expect(ask()).toEqual({ ok: true });
    expect(ask().ok).toBe(false);
  });

  it('limits a channel across its users, and platforms separately', () => {
    let now = 0;
    const limiter = createRateLimiter({ ...DEFAULT_LIMITS, channelQuestions: { capacity: 3, windowMs: 60_000 } }, () => now);
    for (let i = 0; i < 3; i++) expect(limiter.question({ platform: 'slack', user: `u${i}`, channel: 'C' }).ok).toBe(true);
    expect(limiter.question({ platform: 'slack', user: 'u9', channel: 'C' })).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(limiter.question({ platform: 'discord', user: 'u9', channel: 'C' }).ok).toBe(true);
    now += 20_000;
    expect(limiter.question({ platform: 'slack', user: 'u9', channel: 'C' }).ok).toBe(true);
  });

  it('does not charge a refused question, and keeps digest commands apart', () => {
    const limiter = createRateLimiter(DEFAULT_LIMITS, () => 0);
    for (let i = 0; i < 5; i++) limiter.question({ platform: 'slack', user: 'u', channel: 'C' });
    for (let i = 0; i < 3; i++) expect(limiter.question({ platform: 'slack', user: 'u', channel: 'C' }).ok).toBe(false);
    // The channel was charged only for the five accepted questions.
    expect(limiter.question({ platform: 'slack', user: 'other', channel: 'C' }).ok).toBe(true);
    expect(limiter.digestCommand({ platform: 'slack', channel: 'C' }).ok).toBe(true);
  });
});
