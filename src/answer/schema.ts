import { z } from 'zod';

/**
 * One quoted passage. `quote` is always `rawText.slice(start, end)` of `seeds/<source>.<ext>`;
 * `display` is the text shown to people: the same as `quote` for plain text, and for Markdown the
 * quote without its markup (no `**`, list or `>` markers, no URLs; a table row read with its header).
 */
export const CitationSchema = z.object({
  n: z.number().int().positive(),
  source: z.string(),
  title: z.string(),
  /** null when the article's metadata does not say: the field is always present in JSON. */
  publisher: z.string().nullable(),
  published: z.string().nullable(),
  url: z.string().nullable(),
  quote: z.string(),
  /** The text shown to people (see above); adapters show this, tools that check offsets use `quote`. */
  display: z.string(),
  /**
   * Offsets in UTF-16 code units (JavaScript string indices) into the file decoded as UTF-8:
   * not bytes, not code points — a character outside the BMP (an emoji) counts as two.
   */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** Other articles that carry the same (or nearly the same) sentence: the first ten; reportedBy counts all. */
  alsoIn: z.array(z.object({ source: z.string(), title: z.string(), start: z.number().int(), end: z.number().int() })),
  /** How many articles report this passage, this one included. */
  reportedBy: z.number().int().positive(),
});
export type Citation = z.infer<typeof CitationSchema>;

/** Sources that give different figures for the same thing; `citations` are the `n` of each side. */
export const ConflictSchema = z.object({
  about: z.string(),
  sides: z.array(z.object({ n: z.number().int().positive(), value: z.string(), source: z.string() })).min(2),
});
export type Conflict = z.infer<typeof ConflictSchema>;

export const AnswerSchema = z.object({
  question: z.string(),
  status: z.enum(['answered', 'no_answer']),
  /** Only cited passages, each followed by its [n] marker; for no_answer a short explanation. */
  text: z.string(),
  citations: z.array(CitationSchema).max(3),
  conflicts: z.array(ConflictSchema),
  /** For no_answer: questions the sources do answer. */
  suggestions: z.array(z.string()),
  /** Number of articles in the corpus, for "reported by N of M sources". */
  sourceCount: z.number().int().nonnegative(),
});
export type Answer = z.infer<typeof AnswerSchema>;

export const AnswerContextSchema = z.object({
  /** The previous question in the same thread or reply chain, for elliptical follow-ups. */
  previous: z.string().optional(),
});
export type AnswerContext = z.infer<typeof AnswerContextSchema>;
