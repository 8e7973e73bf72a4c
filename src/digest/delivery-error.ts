/**
 * How a platform adapter reports a failed digest send. `no_access` (the bot was removed, lost
 * a permission, the channel is gone) pauses the subscription with the reason; `transient`
 * (rate limit, outage, timeout) is retried with backoff.
 */
export class DeliveryError extends Error {
  constructor(readonly kind: 'transient' | 'no_access', message: string) {
    super(message);
    this.name = 'DeliveryError';
  }
}
