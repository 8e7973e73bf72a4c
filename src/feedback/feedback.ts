import { z } from 'zod';
import type { Db } from '../store/database.js';

export const FeedbackSchema = z.object({
  /** The answer the click was about, as the adapter identified it. */
  answerId: z.string().min(1).max(64),
  /** The question text only — never who asked or who clicked. */
  question: z.string().max(500).optional(),
  helpful: z.boolean(),
  /** The passage the rated answer quoted first, as it read then: what a 👎 is about. */
  cited: z.object({ source: z.string(), start: z.number().int(), end: z.number().int(), quote: z.string() }).optional(),
  platform: z.enum(['discord', 'slack', 'console']),
  at: z.string(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;

/** Where 👍 / 👎 clicks go. */
export interface FeedbackLog {
  record(entry: Omit<Feedback, 'at'>): Feedback;
  entries(): readonly Feedback[];
}

/** Feedback kept in the bot's database, so it survives restarts. */
export function createStoredFeedbackLog(db: Db, now: () => Date = () => new Date()): FeedbackLog {
  const insert = db.prepare(
    'INSERT INTO feedback (answer_id, question, helpful, platform, at, cited_source, cited_start, cited_end, cited_quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const all = db.prepare('SELECT answer_id, question, helpful, platform, at, cited_source, cited_start, cited_end, cited_quote FROM feedback ORDER BY id');
  return {
    record(entry) {
      const feedback = FeedbackSchema.parse({ ...entry, at: now().toISOString() });
      const c = feedback.cited;
      insert.run(feedback.answerId, feedback.question ?? null, feedback.helpful ? 1 : 0, feedback.platform, feedback.at, c?.source ?? null, c?.start ?? null, c?.end ?? null, c?.quote ?? null);
      return feedback;
    },
    entries() {
      type Row = { answer_id: string; question: string | null; helpful: number; platform: Feedback['platform']; at: string };
      type CitedRow = { cited_source: string | null; cited_start: number | null; cited_end: number | null; cited_quote: string | null };
      return (all.all() as (Row & CitedRow)[]).map((r) => ({
        answerId: r.answer_id,
        question: r.question ?? undefined,
        helpful: r.helpful === 1,
        ...(r.cited_source !== null ? { cited: { source: r.cited_source, start: r.cited_start!, end: r.cited_end!, quote: r.cited_quote ?? '' } } : {}),
        platform: r.platform,
        at: r.at,
      }));
    },
  };
}
