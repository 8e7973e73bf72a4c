import { z } from 'zod';

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

/** Where 👍 / 👎 clicks go. In memory for now; the daily-digest store will persist it. */
export interface FeedbackLog {
  record(entry: Omit<Feedback, 'at'>): Feedback;
  entries(): readonly Feedback[];
}

const MAX_KEPT = 10_000;

export function createFeedbackLog(now: () => Date = () => new Date()): FeedbackLog {
  const kept: Feedback[] = [];
  return {
    record(entry) {
      const feedback = FeedbackSchema.parse({ ...entry, at: now().toISOString() });
      kept.push(feedback);
      if (kept.length > MAX_KEPT) kept.shift();
      return feedback;
    },
    entries: () => kept,
  };
}
