/**
 * Event ids already taken, so a retried delivery (HTTP `X-Slack-Retry-Num`, Socket Mode
 * `retry_attempt`) is acknowledged without a second answer. Slack retries within about five
 * minutes; ids are kept for ten, and at most `max` of them (oldest dropped first).
 */
export class SeenEvents {
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly max = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time an id is seen (within the window), false for a repeat. */
  firstTime(id: string): boolean {
    const at = this.now();
    for (const [old, seen] of this.ids) {
      if (at - seen < this.ttlMs && this.ids.size < this.max) break;
      this.ids.delete(old);
    }
    if (this.ids.has(id)) return false;
    this.ids.set(id, at);
    return true;
  }
}
