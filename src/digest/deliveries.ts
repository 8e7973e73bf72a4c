import type { Db } from '../store/database.js';
import type { DigestReceipt } from './schema.js';

interface DeliveryRow {
  state: 'claimed' | 'sent' | 'failed';
  claimed_by: string;
  claimed_at: string;
  attempts: number;
  next_attempt_at: string | null;
}

/**
 * The exactly-once ledger. A digest is claimed under the unique key (subscription, local date)
 * inside an IMMEDIATE transaction before anything is sent, so two schedulers on one database
 * can never both send it. A claim whose sender died (no `sent` after the lease) may be taken
 * over; a failed send is retried once its backoff has passed.
 */
export function createDeliveryStore(db: Db, options: { leaseMs: number }) {
  const get = db.prepare('SELECT state, claimed_by, claimed_at, attempts, next_attempt_at FROM deliveries WHERE subscription_id = ? AND local_date = ?');
  const insert = db.prepare("INSERT OR IGNORE INTO deliveries (subscription_id, local_date, state, claimed_by, claimed_at) VALUES (?, ?, 'claimed', ?, ?)");
  const takeOver = db.prepare(
    "UPDATE deliveries SET state = 'claimed', claimed_by = ?, claimed_at = ?, attempts = attempts + 1 WHERE subscription_id = ? AND local_date = ? AND state = ? AND claimed_at = ?",
  );
  const markSent = db.prepare("UPDATE deliveries SET state = 'sent', sent_at = ?, last_error = NULL WHERE subscription_id = ? AND local_date = ? AND claimed_by = ?");
  const markFailed = db.prepare(
    "UPDATE deliveries SET state = 'failed', next_attempt_at = ?, last_error = ? WHERE subscription_id = ? AND local_date = ? AND claimed_by = ?",
  );
  const rememberArticle = db.prepare('INSERT OR IGNORE INTO shown_articles (subscription_id, hash) VALUES (?, ?)');
  const rememberFact = db.prepare('INSERT OR REPLACE INTO fact_rotation (subscription_id, fact_key, shown_on) VALUES (?, ?, ?)');
  const lastSent = db.prepare("SELECT local_date FROM deliveries WHERE subscription_id = ? AND state = 'sent' ORDER BY local_date DESC LIMIT 1");
  const countSent = db.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE subscription_id = ? AND state = 'sent'");

  const claim = db.transaction((subscriptionId: number, localDate: string, by: string, now: Date): boolean => {
    if (insert.run(subscriptionId, localDate, by, now.toISOString()).changes === 1) return true;
    const row = get.get(subscriptionId, localDate) as DeliveryRow;
    const stale = row.state === 'claimed' && now.getTime() - Date.parse(row.claimed_at) >= options.leaseMs;
    const retryDue = row.state === 'failed' && row.next_attempt_at !== null && Date.parse(row.next_attempt_at) <= now.getTime();
    if (!stale && !retryDue) return false;
    return takeOver.run(by, now.toISOString(), subscriptionId, localDate, row.state, row.claimed_at).changes === 1;
  });

  const complete = db.transaction((subscriptionId: number, localDate: string, by: string, now: Date, receipt: DigestReceipt) => {
    if (markSent.run(now.toISOString(), subscriptionId, localDate, by).changes !== 1) return false;
    for (const hash of receipt.articleHashes) rememberArticle.run(subscriptionId, hash);
    if (receipt.factKey) rememberFact.run(subscriptionId, receipt.factKey, localDate);
    return true;
  });

  return {
    /** True when this caller now owns today's digest for the subscription and must send it. */
    claim(subscriptionId: number, localDate: string, by: string, now: Date): boolean {
      return claim.immediate(subscriptionId, localDate, by, now);
    },
    /** Records the send, with what the channel has now been shown, in one transaction. */
    complete(subscriptionId: number, localDate: string, by: string, now: Date, receipt: DigestReceipt): boolean {
      return complete.immediate(subscriptionId, localDate, by, now, receipt);
    },
    /** Releases a claim after a transient failure; it may be claimed again at `retryAt`. */
    fail(subscriptionId: number, localDate: string, by: string, retryAt: Date, error: string): void {
      markFailed.run(retryAt.toISOString(), error.slice(0, 500), subscriptionId, localDate, by);
    },
    attempts(subscriptionId: number, localDate: string): number {
      return (get.get(subscriptionId, localDate) as DeliveryRow | undefined)?.attempts ?? 0;
    },
    state(subscriptionId: number, localDate: string): DeliveryRow['state'] | undefined {
      return (get.get(subscriptionId, localDate) as DeliveryRow | undefined)?.state;
    },
    lastSentDate(subscriptionId: number): string | undefined {
      return (lastSent.get(subscriptionId) as { local_date: string } | undefined)?.local_date;
    },
    sentCount(subscriptionId: number): number {
      return (countSent.get(subscriptionId) as { n: number }).n;
    },
  };
}
export type DeliveryStore = ReturnType<typeof createDeliveryStore>;
