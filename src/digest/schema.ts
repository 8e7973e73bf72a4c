import { z } from 'zod';
import { CitationSchema } from '../answer/schema.js';

export const PlatformSchema = z.enum(['discord', 'slack']);
export type Platform = z.infer<typeof PlatformSchema>;

export const SubscriptionSchema = z.object({
  id: z.number().int(),
  platform: PlatformSchema,
  /** Discord server id or Slack team id: "most asked" is counted per workspace. */
  workspace: z.string(),
  channel: z.string(),
  /** Local time of day, HH:MM (24-hour). */
  time: z.string(),
  /** IANA time zone, e.g. Europe/Berlin. */
  tz: z.string(),
  createdAt: z.string(),
  /** Set when a send failed for lack of access: the subscription is paused, and status says why. */
  disabledReason: z.string().nullable(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

export const SourceRefSchema = z.object({
  source: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  published: z.string().nullable(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const DigestSchema = z.object({
  /** The channel's local calendar date, YYYY-MM-DD. */
  localDate: z.string(),
  timeZone: z.string(),
  /** e.g. "Tuesday, 24 November 2026". */
  dateLabel: z.string(),
  /** A channel's first digest introduces the sources instead of listing them all as new. */
  introduction: z.array(SourceRefSchema).nullable(),
  newCoverage: z.array(SourceRefSchema),
  factOfTheDay: z.object({ key: z.string(), citation: CitationSchema }).nullable(),
  mostAsked: z.array(z.object({ question: z.string(), count: z.number().int(), answer: z.string(), citation: CitationSchema.nullable() })),
  disagreements: z.array(z.object({ about: z.string(), sides: z.array(z.object({ value: z.string(), source: z.string(), title: z.string(), quote: z.string() })) })),
  sourceCount: z.number().int(),
});
export type Digest = z.infer<typeof DigestSchema>;

/** What the scheduler needs to remember once a digest went out. */
export interface DigestReceipt {
  factKey: string | null;
  articleHashes: string[];
}
