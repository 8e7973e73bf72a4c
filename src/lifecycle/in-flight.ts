/**
 * Counts the events being handled, so shutdown can stop taking new ones and still let the
 * answers already under way reach their channel.
 */
export class InFlight {
  private running = 0;
  private closed = false;
  /** Start times of the work under way, so a request stuck for long can be noticed (health). */
  private readonly started = new Set<{ at: number }>();
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.running;
  }

  get accepting(): boolean {
    return !this.closed;
  }

  /** Runs `work` unless shutdown has begun (then returns undefined without running it). */
  run<T>(work: () => Promise<T>): Promise<T> | undefined {
    if (this.closed) return undefined;
    this.running++;
    const entry = { at: Date.now() };
    this.started.add(entry);
    return work().finally(() => {
      this.running--;
      this.started.delete(entry);
      if (this.running === 0) for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** How long the oldest piece of work under way has been running, in ms (0 when idle). */
  oldestMs(now = Date.now()): number {
    let oldest = now;
    for (const { at } of this.started) oldest = Math.min(oldest, at);
    return now - oldest;
  }

  /** Stops accepting and resolves when the work under way has finished, or after `timeoutMs`. */
  drain(timeoutMs: number): Promise<boolean> {
    this.closed = true;
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
