import { z } from 'zod';

/** One entry of `sources.json`: what we know about an article beyond its text. */
export const SourceMetaSchema = z
  .object({
    title: z.string().trim().min(1, 'title must not be empty'),
    publisher: z.string().trim().min(1).optional(),
    published: z.string().date('published must be an ISO 8601 date (YYYY-MM-DD)').optional(),
    url: z.string().url().optional(),
  })
  .strict();
export type SourceMeta = z.infer<typeof SourceMetaSchema>;

/** `sources.json`: file name → metadata. */
export const SourcesFileSchema = z.record(z.string(), SourceMetaSchema);

/** An article as loaded: raw text untouched, so every quote can be sliced back out of it. */
export const ArticleSchema = z.object({
  /** File name without extension: the id citations use. */
  source: z.string(),
  file: z.string(),
  rawText: z.string(),
  title: z.string(),
  publisher: z.string().optional(),
  published: z.string().optional(),
  url: z.string().optional(),
  /** sha256 of the file's bytes: what the digest calls "new coverage" and the index cache keys on. */
  hash: z.string(),
});
export type Article = z.infer<typeof ArticleSchema>;
