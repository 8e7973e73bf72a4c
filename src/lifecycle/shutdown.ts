import type { Logger } from '../log/logger.js';
import type { InFlight } from './in-flight.js';

export interface ShutdownOptions {
  inFlight: InFlight;
  /** Run in order after the answers in flight are done: platforms, scheduler, database. */
  steps: { name: string; run: () => unknown | Promise<unknown> }[];
  logger: Logger;
  exit: (code: number) => void;
  /** The whole shutdown must end within this; past it the process exits anyway. */
  deadlineMs?: number;
}

/**
 * The first SIGINT/SIGTERM stops taking new events, lets the answers in flight finish, closes
 * the platform connections, the scheduler and the database, and exits 0 within the deadline.
 * A second signal exits at once.
 */
export function createShutdown(options: ShutdownOptions): (signal: string) => void {
  const deadlineMs = options.deadlineMs ?? 10_000;
  let stopping = false;
  return (signal) => {
    if (stopping) {
      options.logger.warn('second signal: exiting now', { signal });
      options.exit(1);
      return;
    }
    stopping = true;
    options.logger.info('shutting down', { signal, inFlight: options.inFlight.size });
    const deadline = setTimeout(() => {
      options.logger.warn('shutdown took too long: exiting');
      options.exit(0);
    }, deadlineMs);
    deadline.unref();
    void (async () => {
      const drained = await options.inFlight.drain(deadlineMs - 1000);
      if (!drained) options.logger.warn('answers still in flight at the deadline');
      for (const step of options.steps) {
        try {
          await step.run();
        } catch (error) {
          options.logger.error('shutdown step failed', { step: step.name, error });
        }
      }
      clearTimeout(deadline);
      options.logger.info('stopped');
      options.exit(0);
    })();
  };
}
