import type { Answer, AnswerContext } from '../answer/schema.js';
import { createDigestService, type DigestService } from '../digest/digest-service.js';
import type { Engine } from '../engine/engine.js';
import { createStoredFeedbackLog, FeedbackSchema, type FeedbackLog } from '../feedback/feedback.js';
import type { Logger } from '../log/logger.js';
import { createQuestionLog, type QuestionLog } from '../questions/question-log.js';
import type { Db } from '../store/database.js';
import { createRateLimiter, type RateLimiter, type RateLimits } from '../rate-limit/rate-limiter.js';

export type AskPlatform = 'discord' | 'slack' | 'console';

/**
 * The core as the chat adapters see it: answers (logged for the digest's "most asked"),
 * feedback, and digest subscriptions — all behind plain functions, none platform-specific.
 */
export interface BotCore {
  readonly engine: Engine;
  readonly feedback: FeedbackLog;
  readonly questions: QuestionLog;
  readonly digests: DigestService;
  /** Per-user and per-channel limits, shared by every adapter. */
  readonly limits: RateLimiter;
  ask(question: string, where: AnswerContext & { platform: AskPlatform; workspace: string }): Answer;
}

/**
 * The question log and feedback are best-effort: a write that fails (a damaged or locked
 * database, a full disk) is logged, and the answer or the click's acknowledgement still goes out.
 */
function bestEffort<T>(logger: Logger | undefined, what: string, write: () => T, fallback: () => T): T {
  try {
    return write();
  } catch (error) {
    logger?.warn(`${what} not recorded; answering anyway`, { error: (error as Error).message });
    return fallback();
  }
}

export function createBotCore(options: { engine: Engine; db: Db; now?: () => Date; defaultTz?: string; limits?: RateLimits; logger?: Logger }): BotCore {
  const now = options.now ?? (() => new Date());
  const { logger } = options;
  const questions = createQuestionLog(options.db, now);
  const storedFeedback = createStoredFeedbackLog(options.db, now);
  const bestEffortFeedback: FeedbackLog = {
    record: (entry) => bestEffort(logger, 'feedback', () => storedFeedback.record(entry), () => FeedbackSchema.parse({ ...entry, at: now().toISOString() })),
    entries: () => storedFeedback.entries(),
  };
  const digests = createDigestService({
    db: options.db,
    index: () => options.engine.index,
    answer: (q) => options.engine.answer(q),
    questions,
    now,
    defaultTz: options.defaultTz ?? 'UTC',
  });
  const feedback = withCitedPassage(bestEffortFeedback, questions, options.engine);
  return {
    engine: options.engine,
    feedback,
    questions,
    digests,
    limits: createRateLimiter(options.limits, () => now().getTime()),
    ask(question, where) {
      const answer = options.engine.answer(question, { previous: where.previous });
      const first = answer.citations[0];
      bestEffort(
        logger,
        'question log entry',
        () =>
          questions.record({
            platform: where.platform,
            workspace: where.workspace,
            question: answer.question,
            outcome: answer.status === 'answered' ? 'answered' : 'refused',
            cited: first && { source: first.source, start: first.start, end: first.end },
          }),
        () => undefined,
      );
      return answer;
    },
  };
}

/**
 * A 👎 is only useful with what was rated: the click carries the question, so the passage its
 * latest answer cited is looked up and kept with the feedback, quote included, as it read then.
 */
function withCitedPassage(log: FeedbackLog, questions: QuestionLog, engine: Engine): FeedbackLog {
  return {
    entries: () => log.entries(),
    record(entry) {
      if (entry.cited || entry.question === undefined) return log.record(entry);
      const span = questions.lastCited(entry.question);
      const article = span && engine.index.articleBySource.get(span.source);
      const cited = span && article ? { ...span, quote: article.rawText.slice(span.start, span.end) } : undefined;
      return log.record(cited ? { ...entry, cited } : entry);
    },
  };
}
