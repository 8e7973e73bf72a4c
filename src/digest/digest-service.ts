import type { Answer } from '../answer/schema.js';
import type { KnowledgeIndex } from '../index/index-model.js';
import type { QuestionLog } from '../questions/question-log.js';
import type { Db } from '../store/database.js';
import { composeDigest } from './compose-digest.js';
import { createDeliveryStore, type DeliveryStore } from './deliveries.js';
import { formatTimeOfDay, isValidTimeZone, localDateOf, nextDue, parseTimeOfDay, TIME_EXAMPLE, ZONE_EXAMPLE } from './schedule.js';
import type { Digest, DigestReceipt, Platform, Subscription } from './schema.js';
import { createSubscriptionStore, type SubscriptionStore } from './subscriptions.js';

export const DEFAULT_DIGEST_TIME = '09:00';
const MOST_ASKED = 3;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A claim older than this whose sender never reported back is taken over. */
export const CLAIM_LEASE_MS = 2 * 60 * 1000;

export type SubscribeResult = { ok: true; subscription: Subscription } | { ok: false; error: string };

export interface SubscriptionStatus {
  subscription: Subscription;
  nextDue: Date | null;
  lastSent: string | null;
}

export interface DigestService {
  readonly subscriptions: SubscriptionStore;
  readonly deliveries: DeliveryStore;
  /** Checks time and zone; the adapter checks beforehand that it can post in the channel. */
  validate(input: { time?: string; tz?: string }): { ok: true; time: string; tz: string } | { ok: false; error: string };
  subscribe(input: { platform: Platform; workspace: string; channel: string; time?: string; tz?: string }): SubscribeResult;
  unsubscribe(platform: Platform, channel: string): boolean;
  status(platform: Platform, workspace: string): SubscriptionStatus[];
  /** Today's digest for a subscription, and what sending it will mark as shown. */
  compose(subscription: Subscription, localDate: string): { digest: Digest; receipt: DigestReceipt };
  /** What the channel's next digest would say, without marking anything as shown. */
  preview(platform: Platform, workspace: string, channel: string): Digest;
  /** A digest for the command line: no channel, so every source is introduced. */
  standalone(localDate: string, workspace?: string): Digest;
}

export function createDigestService(options: {
  db: Db;
  index: () => KnowledgeIndex;
  answer: (question: string) => Answer;
  questions: QuestionLog;
  now: () => Date;
  defaultTz: string;
}): DigestService {
  const { db } = options;
  const subscriptions = createSubscriptionStore(db);
  const deliveries = createDeliveryStore(db, { leaseMs: CLAIM_LEASE_MS });
  const shownArticles = db.prepare('SELECT hash FROM shown_articles WHERE subscription_id = ?');
  const shownFacts = db.prepare('SELECT fact_key, shown_on FROM fact_rotation WHERE subscription_id = ?');

  const validate: DigestService['validate'] = ({ time, tz }) => {
    const t = (time ?? DEFAULT_DIGEST_TIME).trim();
    if (!parseTimeOfDay(t)) return { ok: false, error: `"${t.slice(0, 20)}" is not a time of day — use HH:MM in 24-hour form, ${TIME_EXAMPLE}.` };
    const zone = (tz ?? options.defaultTz).trim();
    if (!isValidTimeZone(zone)) return { ok: false, error: `"${zone.slice(0, 40)}" is not a time zone I know — use an Area/City name, ${ZONE_EXAMPLE}.` };
    return { ok: true, time: formatTimeOfDay(t), tz: zone };
  };

  const compose = (subscription: Subscription | null, localDate: string, tz: string, workspace: string | null, rotateBy?: number) => {
    const hashes = subscription ? (shownArticles.all(subscription.id) as { hash: string }[]).map((r) => r.hash) : [];
    const facts = subscription ? (shownFacts.all(subscription.id) as { fact_key: string; shown_on: string }[]) : [];
    const since = new Date(options.now().getTime() - DAY_MS);
    return composeDigest({
      index: options.index(),
      answer: options.answer,
      localDate,
      timeZone: tz,
      shownArticles: subscription && hashes.length > 0 ? new Set(hashes) : null,
      shownFacts: new Map(facts.map((f) => [f.fact_key, f.shown_on])),
      mostAsked: workspace ? options.questions.mostAsked(workspace, since, MOST_ASKED) : [],
      rotateBy,
    });
  };

  return {
    subscriptions,
    deliveries,
    validate,
    subscribe(input) {
      const checked = validate(input);
      if (!checked.ok) return checked;
      const subscription = subscriptions.save({ platform: input.platform, workspace: input.workspace, channel: input.channel, time: checked.time, tz: checked.tz }, options.now());
      return { ok: true, subscription };
    },
    unsubscribe: (platform, channel) => subscriptions.remove(platform, channel),
    status(platform, workspace) {
      const now = options.now();
      return subscriptions.inWorkspace(platform, workspace).map((subscription) => {
        const lastSent = deliveries.lastSentDate(subscription.id) ?? null;
        const sentToday = lastSent === localDateOf(now, subscription.tz);
        return { subscription, lastSent, nextDue: subscription.disabledReason ? null : nextDue(subscription.time, subscription.tz, now, sentToday) };
      });
    },
    compose: (subscription, localDate) => compose(subscription, localDate, subscription.tz, subscription.workspace),
    preview(platform, workspace, channel) {
      const subscription = subscriptions.find(platform, channel) ?? null;
      const tz = subscription?.tz ?? options.defaultTz;
      return compose(subscription, localDateOf(options.now(), tz), tz, workspace).digest;
    },
    standalone: (localDate, workspace) => compose(null, localDate, 'UTC', workspace ?? null, Math.floor(Date.parse(localDate) / DAY_MS)).digest,
  };
}
