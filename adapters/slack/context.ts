import type { BotCore } from '../../src/bot/bot-core.js';
import type { Logger } from '../../src/log/logger.js';
import type { CitationLinker } from '../shared/citation-link.js';
import type { RecentAnswers } from '../shared/recent-answers.js';

/** What every Slack listener may use: the core, and the adapter's short memory of answers and threads. */
export interface SlackContext {
  core: BotCore;
  logger: Logger;
  /** answer id → question (buttons), `thread:<channel>:<ts>` → the thread's last question (follow-ups). */
  recent: RecentAnswers;
  /** Each citation's web page, when PUBLIC_URL is set. */
  link?: CitationLinker;
}

export const SOMETHING_WENT_WRONG = 'Something went wrong — please try again';

/** The request's own logger (with its request id), set by the app's middleware; the app's otherwise. */
export function requestLogger(ctx: SlackContext, context: Record<string, unknown>): Logger {
  return (context['logger'] as Logger | undefined) ?? ctx.logger;
}
