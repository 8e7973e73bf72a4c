import { z } from 'zod';

export const PassageKindSchema = z.enum(['sentence', 'label', 'heading']);
export type PassageKind = z.infer<typeof PassageKindSchema>;

/** Where a passage's text stands in one article: `rawText.slice(start, end) === text`. */
export const LocationSchema = z.object({
  source: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string(),
  /**
   * What a person is shown, where it differs from the raw slice: a Markdown passage without its
   * `**`, list or `>` markers and URLs, a table row read with its header. Absent for plain text.
   */
  display: z.string().optional(),
});
export type Location = z.infer<typeof LocationSchema>;

/**
 * One statement of the corpus. Exact and near-duplicate sentences are one passage with several
 * locations; the first location is the one quoted.
 */
export const PassageSchema = z.object({
  id: z.number().int().nonnegative(),
  kind: PassageKindSchema,
  /** The statement as read and indexed: the quoted location's `display` where it has one, else its raw text. */
  text: z.string(),
  locations: z.array(LocationSchema).min(1),
  /** Distinct sources among the locations, quoted source first. */
  sources: z.array(z.string()).min(1),
  /** The text ends in an ellipsis: a teaser cut short. */
  truncated: z.boolean(),
});
export type Passage = z.infer<typeof PassageSchema>;
