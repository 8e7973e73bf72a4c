import type { KnowledgeIndex } from '../index/index-model.js';
import type { Db } from '../store/database.js';
import type { CorpusStatus } from './corpus-status.js';
import { groupQuestions } from './group-questions.js';
import type { Insights } from './schema.js';

export interface InsightOptions {
  db: Db;
  index: KnowledgeIndex;
  corpus: CorpusStatus;
  now?: Date;
  /** Days of questions per day and most asked (30 by default). */
  days?: number;
  /** Days of refused questions (7 by default, never more than `days`). */
  refusedDays?: number;
  /** Entries per list. */
  limit?: number;
  /** What is wrong with the database file, when it is damaged (see openStore). */
  databaseProblem?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Distinct wordings read before grouping: bounds the work on a busy log. */
const WORDINGS_READ = 2000;

/** The first moment of the UTC day `daysBack` days before `now`'s. */
function utcDayStart(now: Date, daysBack: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysBack * DAY_MS);
}

/** Everything the admin page and `grok-facts report` show, read from the database and the index. */
export function collectInsights(options: InsightOptions): Insights {
  const { db, index } = options;
  const now = options.now ?? new Date();
  const days = options.days ?? 30;
  const refusedDays = Math.min(options.refusedDays ?? 7, days);
  const limit = options.limit ?? 10;
  const since = utcDayStart(now, days - 1).toISOString();
  const refusedSince = utcDayStart(now, refusedDays - 1).toISOString();

  const counted = new Map(
    (
      db
        .prepare(
          `SELECT substr(asked_at, 1, 10) AS date, SUM(outcome = 'answered') AS answered, SUM(outcome = 'refused') AS refused, SUM(outcome IS NULL) AS unknown
           FROM question_log WHERE asked_at >= ? GROUP BY date`,
        )
        .all(since) as { date: string; answered: number; refused: number; unknown: number }[]
    ).map((r) => [r.date, r]),
  );
  const perDay = Array.from({ length: days }, (_, i) => {
    const date = utcDayStart(now, days - 1 - i).toISOString().slice(0, 10);
    const row = counted.get(date);
    return { date, answered: row?.answered ?? 0, refused: row?.refused ?? 0, unknown: row?.unknown ?? 0 };
  });

  const wordings = (where: string, from: string) =>
    db.prepare(`SELECT question, COUNT(*) AS count FROM question_log WHERE ${where} asked_at >= ? GROUP BY question ORDER BY count DESC, MAX(id) DESC LIMIT ?`).all(from, WORDINGS_READ) as {
      question: string;
      count: number;
    }[];
  const topRefused = groupQuestions(wordings(`outcome = 'refused' AND`, refusedSince)).slice(0, limit);
  const mostAsked = groupQuestions(wordings('', since))
    .slice(0, limit)
    .map(({ question, count }) => ({ question, count }));

  const notHelpful = (
    db
      .prepare('SELECT question, at, platform, cited_source, cited_start, cited_end, cited_quote FROM feedback WHERE helpful = 0 AND at >= ? ORDER BY id DESC LIMIT ?')
      .all(since, limit) as { question: string | null; at: string; platform: string; cited_source: string | null; cited_start: number | null; cited_end: number | null; cited_quote: string | null }[]
  ).map((r) => ({
    question: r.question,
    at: r.at,
    platform: r.platform,
    cited:
      r.cited_source === null
        ? null
        : {
            source: r.cited_source,
            title: index.articleBySource.get(r.cited_source)?.title ?? null,
            start: r.cited_start!,
            end: r.cited_end!,
            quote: r.cited_quote ?? '',
            display: shownText(index, r.cited_source, r.cited_start!, r.cited_end!) ?? r.cited_quote ?? '',
          },
  }));

  const subscriptions = (
    db
      .prepare(
        `SELECT s.platform, s.channel, s.time, s.tz, s.disabled_reason, d.local_date, d.state, d.sent_at
         FROM subscriptions s
         LEFT JOIN deliveries d ON d.subscription_id = s.id AND d.local_date = (SELECT MAX(local_date) FROM deliveries WHERE subscription_id = s.id)
         ORDER BY s.platform, s.channel`,
      )
      .all() as { platform: string; channel: string; time: string; tz: string; disabled_reason: string | null; local_date: string | null; state: string | null; sent_at: string | null }[]
  ).map((r) => ({
    platform: r.platform,
    channel: r.channel,
    time: r.time,
    tz: r.tz,
    lastDelivery: r.local_date === null ? null : { localDate: r.local_date, state: r.state!, sentAt: r.sent_at },
    pausedReason: r.disabled_reason,
  }));

  return { generatedAt: now.toISOString(), days, refusedDays, perDay, topRefused, notHelpful, mostAsked, subscriptions, corpus: options.corpus.health(index), databaseProblem: options.databaseProblem ?? null };
}

/**
 * The text people see for a stored citation: its location's display (a Markdown quote without `**`
 * or link syntax) when the passage is still indexed at the same place. A few rows per report, so a scan.
 */
function shownText(index: KnowledgeIndex, source: string, start: number, end: number): string | undefined {
  for (const p of index.passages) {
    const at = p.locations.find((l) => l.source === source && l.start === start && l.end === end);
    if (at) return at.display ?? at.text;
  }
  return undefined;
}
