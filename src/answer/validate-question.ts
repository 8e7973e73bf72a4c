import { z } from 'zod';

export const MAX_QUESTION_LENGTH = 500;

// C0/C1 controls other than tab and newline, which are only white space to us.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** What a person may ask: the message says what is wrong in a few words, never more. */
export const QuestionSchema = z
  .string()
  .trim()
  .min(1, 'Ask a question — it was empty.')
  .max(MAX_QUESTION_LENGTH, `Questions can be at most ${MAX_QUESTION_LENGTH} characters.`)
  .refine((q) => !CONTROL.test(q), 'The question contains control characters.')
  .refine((q) => /[\p{L}\p{N}]/u.test(q), 'Ask in words — that was only punctuation.');

export type QuestionCheck = { ok: true; question: string } | { ok: false; error: string };

export function checkQuestion(input: string): QuestionCheck {
  const parsed = QuestionSchema.safeParse(input);
  return parsed.success ? { ok: true, question: parsed.data } : { ok: false, error: parsed.error.issues[0]!.message };
}

/**
 * The engine's own guard, for callers that skipped `checkQuestion`: never throw, never hand
 * the index more than the limit, drop characters that cannot be meant.
 */
export function cleanQuestion(input: string): string {
  return String(input ?? '')
    .replace(LONE_SURROGATE, '')
    .replace(new RegExp(CONTROL.source, 'gu'), ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUESTION_LENGTH);
}
