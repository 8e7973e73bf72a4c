import { z } from 'zod';

/** An expectation: one string, or several that must all appear in the same quote. */
const Alternative = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const EvalQuestionSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.string(), kind: z.literal('answerable'), q: z.string(), expect: z.array(Alternative).min(1) }),
  z.object({ id: z.string(), kind: z.literal('unanswerable'), q: z.string() }),
  z.object({ id: z.string(), kind: z.literal('conflict'), q: z.string(), sides: z.array(z.array(Alternative).min(1)).min(2) }),
]);
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;
export type Alternative = z.infer<typeof Alternative>;

export const EvalReportSchema = z.object({
  questions: z.number().int(),
  answerable: z.number().int(),
  unanswerable: z.number().int(),
  conflicts: z.number().int(),
  hit1: z.number(),
  hit3: z.number(),
  abstention: z.number(),
  falseAbstention: z.number(),
  conflictsShown: z.number(),
  nonVerbatim: z.number().int(),
  latencyP50Ms: z.number(),
  latencyP99Ms: z.number(),
  misses: z.array(z.object({ id: z.string(), q: z.string(), why: z.string(), got: z.array(z.string()) })),
});
export type EvalReport = z.infer<typeof EvalReportSchema>;
