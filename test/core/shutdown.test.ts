import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/lifecycle/in-flight.js';
import { createShutdown } from '../../src/lifecycle/shutdown.js';
import { createLogger } from '../../src/log/logger.js';

const logger = createLogger({ level: 'silent' });

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('graceful shutdown', () => {
  it('stops taking new events, lets the answer in flight finish, then closes in order and exits 0', async () => {
    const inFlight = new InFlight();
    const answer = deferred();
    const done: string[] = [];
    const answered = inFlight.run(async () => {
      await answer.promise;
      done.push('answer sent');
    });
    const exited = deferred();
    let code: number | undefined;
    const shutdown = createShutdown({
      inFlight,
      logger,
      exit: (c) => ((code = c), exited.resolve()),
      steps: ['discord', 'slack', 'scheduler', 'database'].map((name) => ({ name, run: () => done.push(name) })),
    });
    shutdown('SIGTERM');
    expect(inFlight.run(async () => done.push('late event'))).toBeUndefined();
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toEqual([]); // still waiting for the answer in flight
    answer.resolve();
    await answered;
    await exited.promise;
    expect(done).toEqual(['answer sent', 'discord', 'slack', 'scheduler', 'database']);
    expect(code).toBe(0);
  });

  it('exits at once on a second signal', () => {
    const inFlight = new InFlight();
    void inFlight.run(() => new Promise(() => undefined)); // never finishes
    const codes: number[] = [];
    const shutdown = createShutdown({ inFlight, logger, exit: (c) => codes.push(c), steps: [] });
    shutdown('SIGINT');
    shutdown('SIGINT');
    expect(codes).toEqual([1]);
  });

  it('exits 0 at the deadline when an answer never finishes, having run every step', async () => {
    const inFlight = new InFlight();
    void inFlight.run(() => new Promise(() => undefined));
    const steps: string[] = [];
    const exited = deferred();
    let code: number | undefined;
    createShutdown({ inFlight, logger, deadlineMs: 1500, exit: (c) => ((code = c), exited.resolve()), steps: [{ name: 'db', run: () => steps.push('db') }] })('SIGTERM');
    await exited.promise;
    expect(code).toBe(0);
    expect(steps).toEqual(['db']);
  });
});
