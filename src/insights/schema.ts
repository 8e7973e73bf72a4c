import { z } from 'zod';

/** Where a cited passage stands, with its text as it read when the answer was rated. */
export const CitedPassageSchema = z.object({
  source: z.string(),
  /** null when the article is no longer in the corpus. */
  title: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  /** The raw slice, as stored with the rating. */
  quote: z.string(),
  /** What people are shown: the passage's display (a Markdown quote without its markup) while it is indexed, else the quote. */
  display: z.string(),
});

export const CorpusHealthSchema = z.object({
  articles: z.number().int(),
  passages: z.number().int(),
  /** Distinct index terms: the size of the vocabulary searched. */
  terms: z.number().int(),
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
  /** The load now serving: at start, or the last reload (file watching, SIGHUP, `grok-facts reload`). */
  lastReload: z
    .object({ at: z.string(), kind: z.enum(['start', 'reload']), from: z.enum(['saved', 'built', 'added', 'unchanged']), articles: z.number().int(), passages: z.number().int() })
    .nullable(),
});
export type CorpusHealth = z.infer<typeof CorpusHealthSchema>;

/**
 * What the person running the bot needs to see where it falls short, as plain data: the admin
 * page and `grok-facts report` render the same object. Question text only, never who asked.
 */
export const InsightsSchema = z.object({
  generatedAt: z.string(),
  /** Days covered by perDay and mostAsked; refused questions cover refusedDays. */
  days: z.number().int().positive(),
  refusedDays: z.number().int().positive(),
  /** One entry per UTC day, oldest first, days without questions included. */
  perDay: z.array(z.object({ date: z.string(), answered: z.number().int(), refused: z.number().int(), unknown: z.number().int() })),
  /** The gaps new articles should fill: refused questions, near-identical wordings grouped. */
  topRefused: z.array(z.object({ question: z.string(), count: z.number().int(), wordings: z.array(z.string()) })),
  notHelpful: z.array(z.object({ question: z.string().nullable(), at: z.string(), platform: z.string(), cited: CitedPassageSchema.nullable() })),
  mostAsked: z.array(z.object({ question: z.string(), count: z.number().int() })),
  subscriptions: z.array(
    z.object({
      platform: z.string(),
      channel: z.string(),
      time: z.string(),
      tz: z.string(),
      lastDelivery: z.object({ localDate: z.string(), state: z.string(), sentAt: z.string().nullable() }).nullable(),
      pausedReason: z.string().nullable(),
    }),
  ),
  corpus: CorpusHealthSchema,
  /**
   * Set when the database file is damaged: what to do about it. A stand-in in memory keeps the bot
   * answering, so the figures above cover only this run, and nothing of it is kept.
   */
  databaseProblem: z.string().nullable(),
});
export type Insights = z.infer<typeof InsightsSchema>;
