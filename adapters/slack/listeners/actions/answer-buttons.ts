import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { RecentAnswers } from '../../../shared/recent-answers.js';
import { ACTION_IDS, renderAnswer } from '../../blocks/render-answer.js';
import { requestLogger, SOMETHING_WENT_WRONG, type SlackContext } from '../../context.js';

/** 👍 / 👎 under an answer: recorded through the core, acknowledged privately. */
export function registerFeedbackButtons(app: App, ctx: SlackContext): void {
  for (const [actionId, helpful] of [[ACTION_IDS.helpful, true], [ACTION_IDS.notHelpful, false]] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, action, respond, context }) => {
      await ack();
      const log = requestLogger(ctx, context);
      try {
        const answerId = action.value ?? 'unknown';
        ctx.core.feedback.record({ answerId: answerId.slice(0, 64) || 'unknown', question: ctx.recent.question(answerId), helpful, platform: 'slack' });
        await respond({ response_type: 'ephemeral', replace_original: false, text: 'Thanks — noted' });
      } catch (error) {
        log.error('slack feedback failed', { error });
        await respond({ response_type: 'ephemeral', replace_original: false, text: SOMETHING_WENT_WRONG }).catch(() => undefined);
      }
    });
  }
}

/** "Share in channel": the private answer, posted visibly for everyone in the channel. */
export function registerShareButton(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.share, async ({ ack, action, respond, context }) => {
    await ack();
    const log = requestLogger(ctx, context);
    try {
      const question = action.value ? ctx.recent.question(action.value) : undefined;
      if (!question) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: 'That answer is too old to share — ask again with /grok-facts.' });
        return;
      }
      const answer = ctx.core.engine.answer(question);
      const answerId = RecentAnswers.newId();
      ctx.recent.remember(answerId, answer.question);
      await respond({ response_type: 'in_channel', replace_original: false, ...renderAnswer(answer, answerId, { restate: true, share: false, link: ctx.link }) });
    } catch (error) {
      log.error('slack share failed', { error });
      await respond({ response_type: 'ephemeral', replace_original: false, text: SOMETHING_WENT_WRONG }).catch(() => undefined);
    }
  });
}
