import type { Answer, AnswerContext } from '../answer/schema.js';
import { createDigestService, type DigestService } from '../digest/digest-service.js';
import type { Engine } from '../engine/engine.js';
import { createStoredFeedbackLog, type FeedbackLog } from '../feedback/feedback.js';
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

export function createBotCore(options: { engine: Engine; db: Db; now?: () => Date; defaultTz?: string; limits?: RateLimits }): BotCore {
  const now = options.now ?? (() => new Date());
  const questions = createQuestionLog(options.db, now);
  const digests = createDigestService({
    db: options.db,
    index: () => options.engine.index,
    answer: (q) => options.engine.answer(q),
    questions,
    now,
    defaultTz: options.defaultTz ?? 'UTC',
  });
  return {
    engine: options.engine,
    feedback: createStoredFeedbackLog(options.db, now),
    questions,
    digests,
    limits: createRateLimiter(options.limits, () => now().getTime()),
    ask(question, where) {
      const answer = options.engine.answer(question, { previous: where.previous });
      questions.record({ platform: where.platform, workspace: where.workspace, question: answer.question });
      return answer;
    },
  };
}
