import { z } from 'zod';

/** The limit in characters as a person counts them: Unicode code points, not UTF-16 units. */
export const MAX_QUESTION_LENGTH = 500;

// C0/C1 controls other than tab and newline, which are only white space to us.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * How many characters a person sees: code points, so an emoji outside the BMP (two UTF-16
 * units in a JavaScript string) counts as one. String length would call 240 emoji "over 500".
 */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** The first `max` code points of `text`, never splitting a surrogate pair. */
export function firstCharacters(text: string, max: number): string {
  let count = 0;
  let end = 0;
  for (const ch of text) {
    if (count === max) return text.slice(0, end);
    count += 1;
    end += ch.length;
  }
  return text;
}

/** What a person may ask: the message says what is wrong in a few words, never more. */
export const QuestionSchema = z
  .string()
  .trim()
  .min(1, 'Ask a question — it was empty.')
  .refine((q) => characterCount(q) <= MAX_QUESTION_LENGTH, `Questions can be at most ${MAX_QUESTION_LENGTH} characters (an emoji counts as one).`)
  .refine((q) => !CONTROL.test(q), 'The question contains control characters.')
  .refine((q) => /[\p{L}\p{N}]/u.test(q), 'Ask in words — that was only emoji or punctuation.');

export type QuestionCheck = { ok: true; question: string } | { ok: false; error: string };

export function checkQuestion(input: string): QuestionCheck {
  const parsed = QuestionSchema.safeParse(input);
  return parsed.success ? { ok: true, question: parsed.data } : { ok: false, error: parsed.error.issues[0]!.message };
}

/**
 * The engine's own guard, for callers that skipped `checkQuestion`: never throw, never hand
 * the index more than the limit (in code points, as checkQuestion counts), drop characters
 * that cannot be meant.
 */
export function cleanQuestion(input: string): string {
  const text = String(input ?? '')
    .replace(LONE_SURROGATE, '')
    .replace(new RegExp(CONTROL.source, 'gu'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return firstCharacters(text, MAX_QUESTION_LENGTH);
}
