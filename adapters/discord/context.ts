import type { BotCore } from '../../src/bot/bot-core.js';
import type { Logger } from '../../src/log/logger.js';
import type { CitationLinker } from '../shared/citation-link.js';
import type { RecentAnswers } from '../shared/recent-answers.js';

/** What every Discord handler may use: the core, and the adapter's own short memory. */
export interface DiscordContext {
  core: BotCore;
  logger: Logger;
  /** answer id → question (feedback buttons), message id → question (reply follow-ups). */
  recent: RecentAnswers;
  /** Each citation's web page, when PUBLIC_URL is set. */
  link?: CitationLinker;
}
