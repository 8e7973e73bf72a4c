import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.js';
import { registerFeedbackButtons, registerShareButton } from './actions/answer-buttons.js';
import { registerGrokFactsCommand } from './commands/grok-facts.js';
import { registerAppMention } from './events/app-mention.js';

/** Listeners grouped by kind: commands, events, actions. */
export function registerListeners(app: App, ctx: SlackContext): void {
  registerGrokFactsCommand(app, ctx);
  registerAppMention(app, ctx);
  registerFeedbackButtons(app, ctx);
  registerShareButton(app, ctx);
}
