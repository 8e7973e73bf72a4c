import type { Engine } from '../../src/engine/engine.js';
import type { FeedbackLog } from '../../src/feedback/feedback.js';
import type { Logger } from '../../src/log/logger.js';
import type { RecentAnswers } from '../shared/recent-answers.js';

/** What every Discord handler may use: the core, and the adapter's own short memory. */
export interface DiscordContext {
  engine: Engine;
  feedback: FeedbackLog;
  logger: Logger;
  /** answer id → question (feedback buttons), message id → question (reply follow-ups). */
  recent: RecentAnswers;
}
