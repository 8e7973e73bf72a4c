import type { Db } from '../store/database.js';
import type { Platform, Subscription } from './schema.js';

interface Row {
  id: number;
  platform: Platform;
  workspace: string;
  channel: string;
  time: string;
  tz: string;
  created_at: string;
  disabled_reason: string | null;
}

const toSubscription = (r: Row): Subscription => ({
  id: r.id, platform: r.platform, workspace: r.workspace, channel: r.channel, time: r.time, tz: r.tz, createdAt: r.created_at, disabledReason: r.disabled_reason,
});

/** Subscriptions as stored: one per platform channel. */
export function createSubscriptionStore(db: Db) {
  const upsert = db.prepare(`
    INSERT INTO subscriptions (platform, workspace, channel, time, tz, created_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (platform, channel) DO UPDATE SET time = excluded.time, tz = excluded.tz, workspace = excluded.workspace, disabled_reason = NULL
    RETURNING *`);
  const byChannel = db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel = ?');
  const byWorkspace = db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND workspace = ? ORDER BY id');
  const active = db.prepare('SELECT * FROM subscriptions WHERE disabled_reason IS NULL ORDER BY id');
  const remove = db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel = ?');
  const disable = db.prepare('UPDATE subscriptions SET disabled_reason = ? WHERE id = ?');
  return {
    save(input: Omit<Subscription, 'id' | 'createdAt' | 'disabledReason'>, now: Date): Subscription {
      return toSubscription(upsert.get(input.platform, input.workspace, input.channel, input.time, input.tz, now.toISOString()) as Row);
    },
    find(platform: Platform, channel: string): Subscription | undefined {
      const row = byChannel.get(platform, channel) as Row | undefined;
      return row && toSubscription(row);
    },
    inWorkspace(platform: Platform, workspace: string): Subscription[] {
      return (byWorkspace.all(platform, workspace) as Row[]).map(toSubscription);
    },
    active(): Subscription[] {
      return (active.all() as Row[]).map(toSubscription);
    },
    remove(platform: Platform, channel: string): boolean {
      return remove.run(platform, channel).changes > 0;
    },
    disable(id: number, reason: string): void {
      disable.run(reason, id);
    },
  };
}
export type SubscriptionStore = ReturnType<typeof createSubscriptionStore>;
