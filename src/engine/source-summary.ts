import { z } from 'zod';

export const SourceSummarySchema = z.object({
  source: z.string(),
  file: z.string(),
  title: z.string(),
  publisher: z.string().optional(),
  published: z.string().optional(),
  url: z.string().optional(),
  /** Passages indexed from this article, duplicates shared with other articles included. */
  passages: z.number().int().nonnegative(),
});
export type SourceSummary = z.infer<typeof SourceSummarySchema>;
