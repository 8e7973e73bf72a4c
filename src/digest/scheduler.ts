import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger.js';
import { isDamage } from '../store/open-store.js';
import { DeliveryError } from './delivery-error.js';
import type { DigestService } from './digest-service.js';
import { dueToday } from './schedule.js';
import type { Digest, Platform, Subscription } from './schema.js';

/** The port a platform adapter implements to post a digest in a channel. */
export interface DigestSender {
  send(subscription: Subscription, digest: Digest): Promise<void>;
}

export interface TickResult {
  sent: number;
  retrying: number;
  disabled: number;
}

const DAMAGED = 'the database is damaged — move the file aside and restart, and the bot makes a new one';
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * Posts each subscription's digest once per local calendar day, at or after its time. A bot
 * that was down posts a missed digest when it comes back the same local day; past days are
 * never sent. Every send is claimed first (see deliveries), so restarts, crashes between claim
 * and send, and several processes on one database still give exactly one digest a day.
 */
export function createDigestScheduler(options: {
  digests: DigestService;
  senders: Partial<Record<Platform, DigestSender>>;
  now: () => Date;
  logger: Logger;
  /** Distinguishes this process's claims from another's. */
  instanceId?: string;
  /** Housekeeping run on every tick (question-log retention). */
  onTick?: (now: Date) => void;
}) {
  const instanceId = options.instanceId ?? randomUUID();
  const { digests, logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<TickResult> | undefined;
  let paused: string | undefined;

  /** A damaged database fails every tick the same way: say so once and stop, rather than spin. */
  function pause(reason: string): void {
    if (paused) return;
    paused = reason;
    if (timer) clearInterval(timer);
    timer = undefined;
    logger.error(`digest posting paused: ${reason}`);
  }

  async function deliver(subscription: Subscription, sender: DigestSender, now: Date, result: TickResult): Promise<void> {
    const { localDate, due } = dueToday(subscription.time, subscription.tz, now);
    if (!due || !digests.deliveries.claim(subscription.id, localDate, instanceId, now)) return;
    try {
      const { digest, receipt } = digests.compose(subscription, localDate);
      await sender.send(subscription, digest);
      digests.deliveries.complete(subscription.id, localDate, instanceId, options.now(), receipt);
      result.sent++;
      logger.info('digest sent', { platform: subscription.platform, channel: subscription.channel, localDate });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof DeliveryError && error.kind === 'no_access') {
        digests.subscriptions.disable(subscription.id, message);
        digests.deliveries.fail(subscription.id, localDate, instanceId, new Date(8.64e15), message);
        result.disabled++;
        logger.warn('digest subscription paused: no access', { platform: subscription.platform, channel: subscription.channel, reason: message });
      } else {
        const attempts = digests.deliveries.attempts(subscription.id, localDate);
        digests.deliveries.fail(subscription.id, localDate, instanceId, new Date(now.getTime() + backoffMs(attempts)), message);
        result.retrying++;
        logger.warn('digest send failed, will retry', { platform: subscription.platform, channel: subscription.channel, attempts, error: message });
      }
    }
  }

  async function tick(): Promise<TickResult> {
    // Ticks never overlap: a slow send finishes before the next tick looks again.
    if (running) return running;
    running = (async () => {
      const now = options.now();
      const result: TickResult = { sent: 0, retrying: 0, disabled: 0 };
      if (paused) return result;
      try {
        options.onTick?.(now);
      } catch (error) {
        if (isDamage(error)) pause(DAMAGED);
        else logger.error('digest housekeeping failed', { error });
      }
      if (paused) return result;
      let active: Subscription[];
      try {
        active = digests.subscriptions.active();
      } catch (error) {
        if (isDamage(error)) pause(`${DAMAGED} (${(error as Error).message})`);
        else logger.error('digest tick failed; will try again', { error: (error as Error).message });
        return result;
      }
      for (const subscription of active) {
        const sender = options.senders[subscription.platform];
        if (!sender) continue;
        try {
          await deliver(subscription, sender, now, result);
        } catch (error) {
          if (isDamage(error)) {
            pause(`${DAMAGED} (${(error as Error).message})`);
            break;
          }
          logger.error('digest delivery crashed', { error, subscription: subscription.id });
        }
      }
      return result;
    })();
    try {
      return await running;
    } finally {
      running = undefined;
    }
  }

  return {
    instanceId,
    tick,
    /** Why digest posting is paused, if it is. */
    get paused(): string | undefined {
      return paused;
    },
    pause,
    start(intervalMs: number): void {
      if (paused) return;
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
      void tick();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
export type DigestScheduler = ReturnType<typeof createDigestScheduler>;
