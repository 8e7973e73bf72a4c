import type { RateLimits } from '../../src/rate-limit/rate-limiter.js';

/** Limits no test conversation reaches, for suites about something other than rate limiting. */
export const GENEROUS_LIMITS: RateLimits = {
  userQuestions: { capacity: 10_000, windowMs: 1000 },
  channelQuestions: { capacity: 10_000, windowMs: 1000 },
  channelDigestCommands: { capacity: 10_000, windowMs: 1000 },
};

export const GENEROUS_LIMITS_ENV = { RATE_USER_MAX: '10000', RATE_CHANNEL_MAX: '10000' };
