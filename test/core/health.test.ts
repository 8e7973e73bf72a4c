import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { createHealthCheck, STUCK_REQUEST_MS } from '../../src/health/health.js';
import { InFlight } from '../../src/lifecycle/in-flight.js';
import { seedEngine } from '../helpers/engine.js';

describe('health check behind /healthz', () => {
  it('is ok when the bot takes events and the index answers', async () => {
    expect(createHealthCheck({ engine: await seedEngine(), inFlight: new InFlight() })()).toEqual({ ok: true, failing: {} });
  });

  it('fails when answering throws', async () => {
    const real = await seedEngine();
    const broken: Engine = { ...real, index: real.index, answer: () => { throw new Error('index gone'); } };
    const report = createHealthCheck({ engine: broken, inFlight: new InFlight() })();
    expect(report.ok).toBe(false);
    expect(report.failing.answer).toMatch(/index gone/);
  });

  it('fails once shutdown has begun', async () => {
    const inFlight = new InFlight();
    await inFlight.drain(10);
    expect(createHealthCheck({ engine: await seedEngine(), inFlight })().failing).toHaveProperty('accepting');
  });

  it('fails while a request has been stuck longer than the limit', async () => {
    const inFlight = new InFlight();
    let release!: () => void;
    void inFlight.run(() => new Promise<void>((r) => (release = r)));
    let clock = Date.now();
    const check = createHealthCheck({ engine: await seedEngine(), inFlight, now: () => clock });
    expect(check().ok).toBe(true);
    clock += STUCK_REQUEST_MS + 1000;
    expect(check().failing.requests).toMatch(/running for/);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(check().ok).toBe(true);
  });
});
