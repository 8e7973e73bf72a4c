import { z } from 'zod';
import type { Db } from '../store/database.js';

export const FeedbackSchema = z.object({
  /** The answer the click was about, as the adapter identified it. */
  answerId: z.string().min(1).max(64),
  /** The question text only — never who asked or who clicked. */
  question: z.string().max(500).optional(),
  helpful: z.boolean(),
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
  const insert = db.prepare('INSERT INTO feedback (answer_id, question, helpful, platform, at) VALUES (?, ?, ?, ?, ?)');
  const all = db.prepare('SELECT answer_id, question, helpful, platform, at FROM feedback ORDER BY id');
  return {
    record(entry) {
      const feedback = FeedbackSchema.parse({ ...entry, at: now().toISOString() });
      insert.run(feedback.answerId, feedback.question ?? null, feedback.helpful ? 1 : 0, feedback.platform, feedback.at);
      return feedback;
    },
    entries() {
      return (all.all() as { answer_id: string; question: string | null; helpful: number; platform: Feedback['platform']; at: string }[]).map((r) => ({
        answerId: r.answer_id,
        question: r.question ?? undefined,
        helpful: r.helpful === 1,
        platform: r.platform,
        at: r.at,
      }));
    },
  };
}
